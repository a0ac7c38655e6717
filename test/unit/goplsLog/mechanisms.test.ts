// The fallback for failure lines no rule knows (mechanisms.ts): a line that names a mechanism of
// exactly one class names that class, as a warning-level symptom below every rule. Lines written
// for this test from each mechanism's own documentation (SELinux and container-selinux, podman-run,
// apparmor(7), seccomp(2) and signal(7), cgroup-v2.rst, systemd.resource-control, getrlimit(2),
// inotify(7), mount(8), nfs(5), flatpak and snapcraft docs, `go help environment`): programs,
// paths and numbers are the test's own, not any corpus text's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MECHANISMS, mechanismOf } from '../../../src/goplsLog/mechanisms.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { RULES, matchRules } from '../../../src/goplsLog/rules.js';
import { findingsOf, MECHANISM_CONFIDENCE } from '../../../src/probes/goplsLogs.js';
import { FindingSchema, type ClassId } from '../../../src/doctor/model.js';
import { rankCauses } from '../../../src/doctor/rank.js';

const classOf = (line: string) => mechanismOf(line)?.classId;

const NAMED: Array<[string, ClassId]> = [
  // mac-policy
  ['SELinux is preventing /usr/local/bin/helper from execute access on the file build-7.', 'mac-policy'],
  ['error: could not run tests; sealert -l 1f2e3d says the rule blocked it', 'mac-policy'],
  ['Error: relabel the volume: podman run -v ./src:/src:Z builder failed', 'mac-policy'],
  ['failed to start: process label system_u:system_r:container_t:s0:c1,c2 may not write here', 'mac-policy'],
  ['error: the run failed again under --security-opt label=disable', 'mac-policy'],
  ['AppArmor policy prevents this sender from sending this message to this recipient; error', 'mac-policy'],
  ['error: profile /etc/apparmor.d/usr.bin.tool blocks the helper', 'mac-policy'],
  ['Bad system call (core dumped)', 'mac-policy'],
  ['fatal: process exited with SIGSYS', 'mac-policy'],
  ['error: the default seccomp profile refuses the call', 'mac-policy'],
  ['error: the Landlock ruleset forbids writing the cache', 'mac-policy'],
  ['docker: Error response from daemon: run with --cap-add SYS_PTRACE to attach', 'mac-policy'],
  // memory-limit
  ['error: the job hit the OOM killer again', 'memory-limit'],
  ['build failed: exceeded memory.max of the job slice', 'memory-limit'],
  ['unit failed: MemoryMax= reached, stopping', 'memory-limit'],
  ['error: GOMEMLIMIT too low for this workspace', 'memory-limit'],
  // process-limit
  ['error: cannot spawn worker, pids.max is 64', 'process-limit'],
  ['failed: the service hit TasksMax=512', 'process-limit'],
  ['error: raise RLIMIT_NPROC for the build user', 'process-limit'],
  ['error: kernel.threads-max reached', 'process-limit'],
  // file-watch
  ['error: could not create an inotify instance for the workspace', 'file-watch'],
  ['failed to start fsnotify watcher for ./cmd', 'file-watch'],
  ['Error: the file watcher stopped reporting changes', 'file-watch'],
  // noexec-mount
  ['error: the cache directory is on a noexec file system', 'noexec-mount'],
  // fs-access
  ['error: the checkout lives on NFS and the lock failed', 'fs-access'],
  ['failed to write: EROFS on the cache volume', 'fs-access'],
  ['error: out of inodes on /var', 'fs-access'],
  // env-inheritance
  ['error: the Flatpak build of the editor cannot run host tools', 'env-inheritance'],
  ['error: GOROOT points to a removed toolchain', 'env-inheritance'],
  ['error: $PATH lacks the Go bin directory', 'env-inheritance'],
  ['error: LD_LIBRARY_PATH from the editor leaked into the build', 'env-inheritance'],
  ['error: asdf has no version set here', 'env-inheritance'],
  // module-resolution
  ['error: module example.test/lib is not in the go.work file', 'module-resolution'],
  ['error: GO111MODULE=off prevents this', 'module-resolution'],
  ['error: the file is outside your GOPATH', 'module-resolution'],
  // gopls-launch
  ['error: go.alternateTools.gopls names a file that is not a program: ENOEXEC', 'gopls-launch'],
];

const NOT_NAMED: Array<[string, string]> = [
  ['error: failed to create snapshot 12', '"snapshot" is not snap'],
  ['E: Unable to locate package apparmor-utils', 'a package name'],
  ['E: Unable to locate package libseccomp-dev', 'a package name'],
  ['error: github.com/opencontainers/selinux/go-selinux failed to build', 'a module path'],
  ['panic: isSELinuxEnabled returned an error', 'inside an identifier'],
  ['see https://example.test/docs/inotify/limits for the error', 'a URL path'],
  ['error: import "github.com/fsnotify/fsnotify" failed', 'an import path'],
  ['error: SELinux is disabled on this host', 'negated: switched off'],
  ['error: AppArmor: not enabled', 'negated: switched off'],
  ['error: ran without seccomp and it still failed', 'negated: without'],
  ['error: no memory limit applies here', 'negated: no'],
  ['error: the memory limit is not the problem here', 'negated: not the cause'],
  ['make -j$(nproc) failed with exit status 2', 'the nproc command counts CPUs'],
  ['cannot find package "x" in any of: /usr/lib/go/src/x (from $GOROOT)', "cmd/go's search list"],
  ['error: go env -json GOPATH GOROOT failed', 'go env arguments'],
  ['open /home/dev/go.work: permission denied', 'a path to the file, not the mechanism'],
  ['package example.test/util is not in GOROOT (/usr/lib/go/src/example.test/util)', "go/build's import miss"],
  ['error: gopls not found in PATH', 'gopls itself: launch or environment, one line cannot tell'],
  ['./cfg/paths.go:14:2: undefined: GOROOT (compile error)', 'a compiler diagnostic quotes code'],
  ['dev@box:~/src$ export PATH=/opt/go/bin:$PATH # after the error', 'a command typed at a prompt'],
  ['error: permission denied', 'a generic word'],
  ['error: process killed', 'a generic word'],
  ['error: module not found', 'a generic word'],
  ['error: SELinux denied it and then inotify ran out', 'two classes: names neither'],
];

describe('mechanisms: a line that names one class’s mechanism', () => {
  it.each(NAMED)('%s → %s', (line, cls) => {
    expect(classOf(line)).toBe(cls);
  });

  it.each(NOT_NAMED)('%s: nothing (%s)', (line) => {
    expect(classOf(line)).toBeUndefined();
  });

  it('every entry has a name, a class and is exercised by a line above', () => {
    for (const m of MECHANISMS) {
      expect(m.name.length).toBeGreaterThan(2);
      expect(NAMED.some(([line]) => mechanismOf(line)?.hits.some((h) => h.mechanism.id === m.id)), m.id).toBe(true);
    }
  });
});

describe('mechanisms in the analyzer: failure lines no rule matched', () => {
  it('a failure line naming a mechanism is noted with its line, and kept in the unclassified evidence too', () => {
    // Chosen so that no rule matches it (checked here, as rules keep being added: a Landlock line
    // became policy-mentioned's).
    expect(matchRules('error: Yama refused tracing the test binary', {})).toEqual([]);
    const s = analyzeText('starting\nerror: Yama refused tracing the test binary\n');
    expect(s.mechanisms).toEqual([expect.objectContaining({ classId: 'mac-policy', line: 2, text: 'error: Yama refused tracing the test binary' })]);
    expect(s.unclassified.map((u) => u.line)).toContain(2);
  });

  it('a line that reports no failure names nothing, however many mechanisms it mentions', () => {
    expect(analyzeText('SELinux mode: enforcing; GOROOT=/usr/lib/go\n').mechanisms).toEqual([]);
  });

  it('a line a rule matches is the rule’s, not the fallback’s', () => {
    const line = 'type=AVC msg=audit(1.2:3): avc:  denied  { execute } for  pid=9 comm="sh" scontext=system_u:system_r:container_t:s0';
    expect(matchRules(line, {}).length).toBeGreaterThan(0);
    expect(analyzeText(`${line}\n`).mechanisms).toEqual([]);
  });

  it('diagnostics gopls publishes quote the user’s code: not read', () => {
    const trace = [
      '[Trace - 10:00:00 AM] Received notification \'textDocument/publishDiagnostics\'.',
      'Params: {"uri":"file:///w/main.go","diagnostics":[{"message":"undefined: seccompFilter error"}]}',
      'error: inotify failed in the user\'s program output',
      '',
    ].join('\n');
    expect(analyzeText(trace).mechanisms).toEqual([]);
  });
});

describe('the finding: a warning-level symptom below every rule', () => {
  const text = 'build step 3\nerror: Yama refused tracing the test binary\nerror: Yama refused tracing the test binary\n';

  it('quotes the line with its number, says no known message matched, and is valid', () => {
    const fs = findingsOf('/logs/run.log', analyzeText(text));
    const f = fs.find((x) => x.headline === 'named-mechanism')!;
    expect(f).toBeDefined();
    expect(FindingSchema.parse(f)).toBeTruthy();
    expect(f).toMatchObject({ classId: 'mac-policy', severity: 'warning', role: 'symptom', symptom: 'not-permitted', confidence: MECHANISM_CONFIDENCE });
    expect(f.message).toContain('Line 2 of run.log');
    expect(matchRules('error: Yama refused tracing the test binary', {})).toEqual([]);
    expect(f.message).toContain('"error: Yama refused tracing the test binary"');
    expect(f.message).toMatch(/no message the doctor knows matched/);
    expect(f.message).toMatch(/1 more line/);
    expect(f.evidence.map((e) => e.line)).toEqual([2, 3]);
    // Still shown as an unnamed line.
    expect(fs.find((x) => x.unclassified)?.evidence.map((e) => e.line)).toEqual([2, 3]);
  });

  it('its confidence is below every rule’s', () => {
    expect(MECHANISM_CONFIDENCE).toBeLessThan(Math.min(...RULES.map((r) => r.confidence)));
  });

  it('any cause a rule finds outranks it, and it never makes an error', () => {
    // A rule's warning-level cause (the inotify sysctls named) beside a line naming seccomp.
    const s = analyzeText('error: Yama refused tracing the test binary\n$ sysctl fs.inotify.max_user_watches\n');
    const causes = rankCauses(findingsOf('/logs/run.log', s).map((f) => FindingSchema.parse(f)));
    expect(causes[0]!.id).toBe('file-watch');
    expect(causes.find((c) => c.id === 'mac-policy')).toMatchObject({ severity: 'warning' });
    expect(causes.findIndex((c) => c.id === 'mac-policy')).toBeGreaterThan(0);
  });

  it('alone, it names its class as a warning, titled as a hint', () => {
    const causes = rankCauses(findingsOf('/logs/run.log', analyzeText(text)).map((f) => FindingSchema.parse(f)));
    expect(causes[0]).toMatchObject({ id: 'mac-policy', severity: 'warning', headlines: ['named-mechanism'] });
    expect(causes.every((c) => c.severity !== 'error')).toBe(true);
  });
});

describe('real healthy gopls logs and traces name no mechanism', () => {
  const F = path.resolve('test/fixtures');
  const HEALTHY = ['logs/trace-healthy.rpc.log', 'logs/trace-broken-import.rpc.log', 'gopls/sessions/healthy.json', 'gopls/gopls-version-v0.23.0.txt', 'gopls/go-version-m-gopls.txt'];
  it.each(HEALTHY)('%s', (file) => {
    const s = analyzeText(readFileSync(path.join(F, file)));
    expect(s.mechanisms).toEqual([]);
    expect(findingsOf(file, s).filter((f) => f.headline === 'named-mechanism')).toEqual([]);
  });

  // The other real logs (a crash, an OOM kill, go missing): whatever the fallback says must be their own class.
  const OWN: Array<[string, ClassId[]]> = [
    ['logs/trace-go-missing.rpc.log', ['env-inheritance']],
    ['logs/trace-oom-killed.rpc.log', ['memory-limit']],
    ['logs/kernel-oom.dmesg.log', ['memory-limit']],
    ['logs/gopls-sigabrt.stderr.log', ['gopls-launch']],
    ['logs/public/chromebrew-87-noexec.txt', ['noexec-mount']],
    ['logs/public/chromebrew-87-readonly.txt', ['fs-access']],
    ['logs/public/gaia-117-inotify.txt', ['file-watch']],
    ['logs/public/golang-go-42889-oom.txt', ['memory-limit']],
  ];
  it.each(OWN)('%s: nothing of another class', (file, own) => {
    const s = analyzeText(readFileSync(path.join(F, file)));
    expect(s.mechanisms.filter((m) => !own.includes(m.classId))).toEqual([]);
  });
});
