// mac-policy and noexec-mount by mechanism: each line is written for this test from
// the message's upstream source (the kernel's execve/mmap/mprotect errnos, systemd's
// exit-status.c, glibc's dynamic loader, Chromium's credentials.cc, bash/dash/make/sudo, Docker's
// and Podman's volume-label documentation). Programs, paths and numbers are this test's own, not
// any corpus text's. Near-misses sit beside each family: they must say nothing, or keep the class
// they had.
import { afterEach, describe, expect, it } from 'vitest';
import { matchRules, silenceRulesOf, type RuleId } from '../../../src/goplsLog/rules.js';
import { analyzeText, bindTargetsOf, namesAbsolutePath, namesPathUnder } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema } from '../../../src/doctor/model.js';

const ids = (line: string, ctx = {}) => matchRules(line, ctx).map((r) => r.id);

const CASES: Array<[string, RuleId[]]> = [
  // systemd: a sandboxing step of the unit's exec failed (exit-status.c's names).
  ['worker.service: Failed at step SECCOMP spawning /usr/local/bin/worker: Operation not permitted', ['seccomp-named', 'systemd-sandbox-step']],
  ['worker.service: Main process exited, code=exited, status=228/SECCOMP', ['systemd-sandbox-step']],
  ['worker.service: Main process exited, code=exited, status=229/SELINUX_CONTEXT', ['systemd-sandbox-step']],
  ['worker.service: Main process exited, code=exited, status=231/APPARMOR', ['systemd-sandbox-step']],
  ['worker.service: Failed at step NO_NEW_PRIVILEGES spawning /opt/w/run: Operation not permitted', ['systemd-sandbox-step']],
  // Other steps are not a policy: a missing user, a working directory, the exec itself.
  ['worker.service: Main process exited, code=exited, status=217/USER', []],
  ['worker.service: Main process exited, code=exited, status=200/CHDIR', []],
  ['worker.service: Main process exited, code=exited, status=203/EXEC', []],
  // A process's own /proc files refused: a confinement profile.
  ['open /proc/self/mountinfo: permission denied', ['proc-self-denied']],
  ['failed to read /proc/self/maps: Permission denied', ['proc-self-denied']],
  ['write /proc/self/uid_map: permission denied', ['proc-self-denied']],
  ['open /proc/4242/cgroup: permission denied', ['proc-self-denied']],
  // Another process's memory or environment is ptrace's access check; a re-opened fd is the file's modes.
  ['open /proc/4242/environ: permission denied', ['go-file-refused']],
  ['/proc/self/fd/1: Permission denied', ['permission-denied']],
  ['write /proc/self/oom_score_adj: permission denied', ['go-file-refused']],
  // exec refused with EPERM in a shell's, make's or sudo's words: not modes, not a mount.
  ['bash: ./bin/server: Operation not permitted', ['shell-exec-eperm']],
  ['sh: 1: ./scripts/gen.sh: Operation not permitted', ['shell-exec-eperm']],
  ['make: /bin/sh: Operation not permitted', ['shell-exec-eperm']],
  ['sudo: unable to execute ./tool: Operation not permitted', ['shell-exec-eperm']],
  ['zsh: operation not permitted: ./hello', ['shell-exec-eperm']],
  // EPERM that is not an exec: a tty, a limit, a redirect, changing modes. The generic rule at most.
  ['bash: /dev/tty: Operation not permitted', ['not-permitted']],
  ['bash: line 1: ulimit: open files: cannot modify limit: Operation not permitted', ['not-permitted']],
  ['sh: 1: cannot create /etc/hosts: Operation not permitted', ['not-permitted']],
  ["chmod: changing permissions of '/w/x': Operation not permitted", ['ownership-change-eperm']],
  // The same exec refused with EACCES stays a mount's (or file modes').
  ['bash: ./bin/server: Permission denied', ['shell-exec-denied']],
  // glibc's loader refused mprotect: SELinux execmod / execstack.
  ['./app: error while loading shared libraries: libvendor.so.2: cannot restore segment prot after reloc: Permission denied', ['ldso-text-reloc-denied']],
  ['java: error while loading shared libraries: libjli.so: cannot enable executable stack as shared object requires: Permission denied', ['ldso-text-reloc-denied']],
  // The loader's mprotect of a segment refused, with EACCES or no errno (a title); ENOMEM is the mapping count, no policy.
  ['error while loading shared libraries: librt.so.1: cannot change memory protections', ['ldso-text-reloc-denied']],
  ['./app: error while loading shared libraries: libfoo.so: cannot change memory protections: Permission denied', ['ldso-text-reloc-denied']],
  ['./app: error while loading shared libraries: libfoo.so: cannot change memory protections: Cannot allocate memory', ['fatal-out-of-memory']],
  // runc reopening a /proc/sys file to set a sysctl, refused by the profile around it (Docker nested in LXC).
  ['[DOCKER] error 400 - {"message":"failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: open sysctl net.ipv4.ip_unprivileged_port_start file: reopen fd 8: permission denied"}', ['runc-sysctl-reopen-denied']],
  ['open sysctl net.ipv4.ping_group_range file: reopen fd 7: no such file or directory', []],
  // glibc 2.41 refuses an executable stack itself (EINVAL): not a policy.
  ['./app: error while loading shared libraries: libold.so: cannot enable executable stack as shared object requires: Invalid argument', []],
  // The noexec twin fails at mmap with EPERM and stays the mount's.
  ['./app: error while loading shared libraries: libvendor.so.2: failed to map segment from shared object', ['shared-object-map-denied']],
  ['./app: error while loading shared libraries: libvendor.so.2: failed to map segment from shared object: Operation not permitted', ['shared-object-map-denied']],
  // A signal refused with EACCES: kill(2) has no EACCES of its own, so a security module refused it.
  ['Error response from daemon: cannot stop container: 3f2a9c0b1d4e: Cannot kill container 3f2a9c0b1d4e: unknown error after kill: runc did not terminate successfully: exit status 1: unable to signal init: permission denied', ['signal-eacces']],
  ['container_linux.go:393: signaling init process caused "permission denied"', ['signal-eacces']],
  // The daemon's socket refused is not a signal: it stays the generic refusal.
  ['Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock', ['permission-denied']],
  // With EACCES the mmap was refused by a security module's hook, not the mount (which says EPERM).
  ['ERROR:  could not load library "/srv/db/lib/ext.so": /srv/db/lib/ext.so: failed to map segment from shared object: Permission denied', ['shared-object-map-eacces']],
  // Chromium's sandbox could not enter a user namespace.
  ['[4242:1201/101500.000000:FATAL:credentials.cc(127)] Check failed: . : Permission denied (13)', ['chromium-sandbox-refused']],
  ['[4242:1201/101500.000000:FATAL:credentials.cc(132)] Check failed: sys_chroot("/proc/self/fdinfo/") == 0. : Operation not permitted (1)', ['chromium-sandbox-refused']],
  ['[4242:1201/101500.000000:ERROR:gpu_init.cc(523)] Passthrough is not supported, GL is disabled', []],
  // The language server itself refused under the mounts most often noexec: the cause beside
  // gopls-launch's symptom. Other programs there are the generic exec rules' (noexec already).
  ['Error: spawn /tmp/ext-1/bin/gopls EACCES', ['gopls-exec-denied', 'gopls-under-tmpfs-path']],
  ['sh: 1: /media/ann/USB/go/bin/gopls: Permission denied', ['gopls-exec-denied', 'shared-storage-exec', 'gopls-under-tmpfs-path']],
  ['exec: "/run/user/1000/tools/gopls": permission denied', ['gopls-exec-denied', 'gopls-under-tmpfs-path']],
  ['Error: spawn /home/ann/go/bin/gopls EACCES', ['gopls-exec-denied']],
  ['Error: spawn /tmp/ext-1/bin/helper EACCES', ['program-exec-denied']],
  // A system program refused in a shell's, sudo's or su's words: the root file system is never noexec.
  ['bash: /usr/bin/git: Permission denied', ['shell-system-exec-denied']],
  ['sudo: unable to execute /bin/bash: Permission denied', ['shell-system-exec-denied']],
  ['su: failed to execute /bin/bash: Permission denied', ['shell-system-exec-denied']],
  // A hand-unpacked go under /usr/local can carry any modes: not claimed.
  ['bash: /usr/local/go/bin/go: Permission denied', ['shell-exec-denied']],
  // Exec refused in the toolkits' words: GLib, Neovim's jobstart.
  ['Failed to execute child process \u201c/home/ann/bin/golangci-lint\u201d (Permission denied)', ['toolkit-spawn-refused']],
  ['E903: Process failed to start: permission denied: "staticcheck"', ['toolkit-spawn-refused']],
  ['Failed to execute child process \u201cgo\u201d (Operation not permitted)', ['shell-exec-eperm']],
  ['E903: Process failed to start: operation not permitted: "dlv"', ['shell-exec-eperm']],
  // A missing program is not a refusal; the language server itself is gopls-launch's.
  ['Failed to execute child process \u201cgo\u201d (No such file or directory)', []],
  ['E903: Process failed to start: permission denied: "gopls"', ['permission-denied']],
  // snap-confine (root) refused the working directory: root_squash NFS or FUSE without allow_other.
  ['cannot open path of the current working directory: Permission denied', ['snap-cwd-refused']],
  // Other systems' policies in their own words.
  ['fork/exec C:\\Users\\ann\\AppData\\Local\\Temp\\go-build1\\b001\\x.test.exe: Operation did not complete successfully because the file contains a virus or potentially unwanted software.', ['os-exec-policy']],
  ['This program is blocked by group policy. For more information, contact your system administrator.', ['os-exec-policy']],
  ['\u201cdlv\u201d cannot be opened because the developer cannot be verified.', ['os-exec-policy']],
  ['\u201ctool\u201d is damaged and can\u2019t be opened. You should move it to the Trash.', ['os-exec-policy']],
  ['$ xattr -d com.apple.quarantine ~/go/bin/tool', ['os-policy-vocabulary']],
  ['$ sudo spctl --master-disable', ['os-policy-vocabulary']],
  // A file that cannot be opened for another reason, and the attribute merely listed, say nothing.
  ['The file cannot be opened because it is in use by another process.', []],
  ['com.apple.quarantine: 0083;65a1b2c3;Safari;', []],
];

describe('mac-policy or noexec-mount: rules on upstream message formats', () => {
  it.each(CASES)('%s', (line, want) => {
    expect(ids(line)).toEqual(want);
  });
});

// mmap(2) answers EPERM for PROT_EXEC on a noexec mount (mm/mmap.c), where an LSM's mmap check
// answers EACCES: with every mount rule silenced (a phrasing no mount rule knows), the policy's
// generic EPERM reading must not claim these lines; other EPERMs it still reads.
const MMAP_EPERM: Array<[string, RuleId[]]> = [
  ['/tmp/jni-4411/libcodec.so: /tmp/jni-4411/libcodec.so: failed to map segment from shared object: Operation not permitted', []],
  ['./srv: error while loading shared libraries: libq.so.3: failed to map segment from shared object: Operation not permitted', []],
  ['Error loading shared library /dev/shm/plug.so: Operation not permitted', []],
  ['jit: mmap(PROT_READ|PROT_EXEC) of /run/user/1000/cache.bin failed: Operation not permitted', []],
  ['mmap2(NULL, 8192, PROT_READ|PROT_EXEC, MAP_PRIVATE, 3, 0) = -1 EPERM (Operation not permitted)', []],
  ['bash: /dev/tty: Operation not permitted', ['not-permitted']],
  ['open /var/lib/app/state.db: operation not permitted', ['not-permitted']],
];

describe('mac-policy: an executable mapping refused with EPERM is not read as a policy', () => {
  afterEach(() => silenceRulesOf(undefined));
  it.each(MMAP_EPERM)('%s', (line, want) => {
    silenceRulesOf('noexec-mount');
    expect(ids(line)).toEqual(want);
  });
});

// The same loader line with EACCES is a security module's answer (its mmap hook), never a mount's:
// with every policy rule silenced the mount's rule must not claim it either: it is a bare refusal.
describe('noexec-mount: an executable mapping refused with EACCES is not read as a mount', () => {
  afterEach(() => silenceRulesOf(undefined));
  it.each<[string, RuleId[]]>([
    ['ERROR:  could not load library "/var/tmp/ext-2.so": /var/tmp/ext-2.so: failed to map segment from shared object: Permission denied', ['permission-denied']],
    ['/opt/app/bin/app: error while loading shared libraries: libplug.so.1: failed to map segment from shared object: Permission denied', ['permission-denied']],
    ['/opt/app/bin/app: error while loading shared libraries: libplug.so.1: failed to map segment from shared object: Operation not permitted', ['shared-object-map-denied']],
    ['/opt/app/bin/app: error while loading shared libraries: libplug.so.1: failed to map segment from shared object', ['shared-object-map-denied']],
  ])('%s', (line, want) => {
    silenceRulesOf('mac-policy');
    expect(ids(line)).toEqual(want);
  });
});

// An exec refused under the system's own directories is never a noexec mount's (a system whose
// /usr were noexec could not run its own programs): with every policy rule silenced the mount's
// exec rules must not claim it; a program elsewhere they still read.
describe('noexec-mount: an exec refused under /usr, /bin or /sbin is not read as a mount', () => {
  afterEach(() => silenceRulesOf(undefined));
  it.each<[string, RuleId[]]>([
    ['start shell: fork/exec /bin/zsh: permission denied', ['permission-denied']],
    ['fork/exec /usr/local/bin/agent-helper: permission denied', ['permission-denied']],
    ['fork/exec /usr/libexec/helper: permission denied', ['permission-denied']],
    ['fork/exec /srv/apps/helper: permission denied', ['exec-path-denied']],
    ['collector.service: Failed at step EXEC spawning /usr/local/sbin/collector: Permission denied', ['permission-denied']],
    ['collector.service: Failed at step EXEC spawning /srv/collector/run: Permission denied', ['exec-refused-more']],
    ['exec /usr/local/bin/entry.sh: permission denied', ['permission-denied']],
    ['exec /work/bin/entry: permission denied', ['exec-refused-more']],
  ])('%s', (line, want) => {
    silenceRulesOf('mac-policy');
    expect(ids(line)).toEqual(want);
  });
});

describe('mac-policy or noexec-mount: a refusal inside a container', () => {
  const IN: Array<[string, RuleId[]]> = [
    ['sh: 1: /opt/tool/tool: Permission denied', ['container-path-denied']],
    ["mv: cannot create regular file '/build/out': Permission denied", ['container-path-denied']],
    ['open /src/go.mod: permission denied', ['container-path-denied']],
    ['Error: Output base directory could not be created: (error: 13): Permission denied', ['container-path-denied']],
    // Docker's --tmpfs and /dev/shm are noexec by default: the mount's, not the label's.
    ['sh: 1: /tmp/build/fixdep: Permission denied', ['shell-exec-denied']],
    ['fork/exec /tmp/go-build1/b001/x.test: permission denied', ['exec-permission-denied']],
    // The image's own files: the Go directories a non-root user cannot write, the entrypoint.
    ['go: writing go.mod cache: mkdir /go/pkg/mod/cache/download/x: permission denied', ['go-file-refused']],
    ['failed to initialize build cache at /.cache/go-build: mkdir /.cache: permission denied', ['build-cache-unusable']],
    // (The entrypoint under /usr/local/bin is in the image's own layers, never a noexec mount: its mode.)
    ['exec /usr/local/bin/entrypoint.sh: permission denied', ['permission-denied']],
    // The Docker socket is the docker group's.
    ['Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock', ['permission-denied']],
  ];
  it.each(IN)('%s', (line, want) => {
    expect(ids(line, { inContainer: true })).toEqual(want);
  });
  it('outside a container the same lines keep their own class', () => {
    expect(ids('sh: 1: /opt/tool/tool: Permission denied')).toEqual(['shell-exec-denied']);
    expect(ids("mv: cannot create regular file '/build/out': Permission denied")).toEqual(['permission-denied']);
  });
});

describe('mac-policy: a refusal under the target of a host bind mount', () => {
  it('reads the targets of -v, --volume and --mount type=bind, not named volumes', () => {
    expect(bindTargetsOf('docker run --rm -v /home/ann/src:/go/src/app -v "$(pwd)/out":/out:z golang make')).toEqual(['/go/src/app', '/out']);
    expect(bindTargetsOf('podman run --volume=./:/src:Z golang go test ./...')).toEqual(['/src']);
    expect(bindTargetsOf('docker run --mount type=bind,source=/home/ann/src,target=/src/ golang go build')).toEqual(['/src']);
    expect(bindTargetsOf('docker run -v ${PWD}:/work -v $HOME/.cache:/root/.cache golang go build')).toEqual(['/work', '/root/.cache']);
    // A named volume, a volume without a target path, a bind to / itself.
    expect(bindTargetsOf('docker run -v gomodcache:/go/pkg/mod golang go build')).toEqual([]);
    expect(bindTargetsOf('docker run --mount type=volume,source=cache,target=/go/pkg golang go build')).toEqual([]);
    expect(bindTargetsOf('docker run -v /:/host alpine ls')).toEqual(['/host']);
  });
  it('knows a path at or under a target from one that only shares its prefix', () => {
    expect(namesPathUnder('open /go/src/app/main.go: permission denied', ['/go/src/app'])).toBe(true);
    expect(namesPathUnder("mv: cannot create regular file '/out': Permission denied", ['/out'])).toBe(true);
    expect(namesPathUnder('open /go/src/app2/main.go: permission denied', ['/go/src/app'])).toBe(false);
    expect(namesPathUnder('open /home/ann/go/src/app/main.go: permission denied', ['/go/src/app'])).toBe(false);
  });
  it('a Go directory the image owns is the host\'s when a bind mount put it there', () => {
    const under = 'open /go/src/app/vendor/x: permission denied';
    expect(ids(under, { inContainer: true })).toEqual(['go-file-refused']);
    expect(ids(under, { inContainer: true, inBindMount: true })).toEqual(['container-path-denied']);
    expect(ranked(`docker run --rm -v /home/ann/src:/go/src/app golang go build\n${under}`)[0]?.id).toBe('mac-policy');
    // Not under the target: the image's own /go/pkg, the file's modes.
    expect(ranked('docker run --rm -v /home/ann/src:/src golang go build\nmkdir /go/pkg/mod/cache: permission denied')[0]?.id).toBe('fs-access');
    expect(ranked('docker run --rm -v gomodcache:/go/pkg/mod golang go build\nmkdir /go/pkg/mod/cache: permission denied')[0]?.id).toBe('fs-access');
    // A noexec mount or the Docker socket named on the line stay theirs.
    expect(ids('fork/exec /src/bin/app: permission denied (noexec)', { inContainer: true, inBindMount: true })).not.toContain('container-path-denied');
  });

  it('with its mounts named, an absolute path under none of them is the image\'s own file: its mode, not a label', () => {
    const run = 'docker run --rm -u 1000 -v "$PWD":/src -w /src golang:1.22 go build ./...';
    // The image's directories a non-root USER may not write, quoted in any way.
    expect(ranked(`${run}\ngo: writing go.mod cache: mkdir /usr/local/sbin/pkg: permission denied`)[0]?.id).toBe('fs-access');
    expect(ranked(`${run}\nmkdir: cannot create directory \u2018/opt/tool/tmp\u2019: Permission denied`)[0]?.id).toBe('fs-access');
    // Under the target, or relative to a working directory that is the mount: the host's content.
    expect(ranked(`${run}\nmv: cannot create regular file '/src/out/app': Permission denied`)[0]?.id).toBe('mac-policy');
    expect(ranked(`${run}\nbash: ./build.sh: Permission denied`)[0]?.id).toBe('mac-policy');
    // No mount named: the container alone still frames the refusal, as before.
    expect(ranked('docker exec -it builder sh\nmkdir: cannot create directory \u2018/opt/tool/tmp\u2019: Permission denied')[0]?.id).toBe('mac-policy');
  });
  it.each([
    ['mkdir /usr/local/sbin/pkg: permission denied', true],
    ["mv: cannot create regular file '/build/out': Permission denied", true],
    ['mkdir: cannot create directory \u2018/go\u2019: Permission denied', true],
    ['bash: ./build.sh: Permission denied', false],
    ['open ~/go/pkg: permission denied', false],
    ['open $PWD/out: permission denied', false],
    ['Get "https://proxy.golang.org/x": permission denied', false],
    ['go get: permission denied', false],
  ])('namesAbsolutePath(%j) is %s', (line, want) => {
    expect(namesAbsolutePath(line)).toBe(want);
  });
});

describe('mac-policy or noexec-mount: execute permission refused right after chmod added it', () => {
  it('chmod\'s EPERM beside a chmod that adds execute is the mount\'s', () => {
    expect(ids('chmod: run.sh: Operation not permitted', { nearChmodX: true })).toEqual(['chmod-x-refused']);
    expect(ids("chmod: changing permissions of '/media/ann/USB/run.sh': Operation not permitted", { nearChmodX: true })).toEqual(['chmod-x-refused']);
    // Without it, chmod's EPERM is the file's owner: fs-access's, nothing from this rule.
    expect(ids('chmod: run.sh: Operation not permitted')).toEqual(['ownership-change-eperm']);
  });
  it('through the analyzer: +x and octal modes with an execute bit frame it, others do not', () => {
    for (const cmd of ['$ chmod +x run.sh', 'chmod u+rwx run.sh', 'chmod 755 run.sh', 'sudo chmod -R 0700 bin']) {
      expect(ranked(`${cmd}\nchmod: run.sh: Operation not permitted`)[0]?.id, cmd).toBe('noexec-mount');
    }
    for (const cmd of ['chmod 644 notes.txt', 'chmod go-w notes.txt', 'chmod +r notes.txt']) {
      expect(ranked(`${cmd}\nchmod: notes.txt: Operation not permitted`).map((c) => c.id), cmd).not.toContain('noexec-mount');
      expect(ranked(`${cmd}\nchmod: notes.txt: Operation not permitted`)[0]?.id, cmd).toBe('fs-access');
    }
  });
});

/** The classes a text ranks, best first, through the log probe's findings and the ranking. */
const ranked = (text: string) =>
  rankCauses(findingsOf('gopls.log', analyzeText(`${text}\n`)).map((f) => FindingSchema.parse(f))).filter((c) => c.severity !== 'info');

describe('mac-policy or noexec-mount: which class a text puts first', () => {
  it('a path refused after a container runtime ran is the label policy', () => {
    const text = ['$ podman run --rm -v ~/src/app:/w fedora:40 /w/build.sh', 'INFO: building', '/bin/bash: /w/build.sh: Permission denied'].join('\n');
    expect(ranked(text)[0]?.id).toBe('mac-policy');
    const exec = ['Command docker exec --workdir /w -i 0123abcd /bin/bash ./run.sh exited with code 126.', 'Command error output:', '/bin/bash: ./run.sh: Permission denied'].join('\n');
    expect(ranked(exec)[0]?.id).toBe('mac-policy');
  });

  it('the same refusal with no container before it stays a mount\'s, and a container long before does not count', () => {
    expect(ranked('/bin/bash: /w/build.sh: Permission denied')[0]?.id).toBe('noexec-mount');
    const far = ['docker run --rm img true', ...Array.from({ length: 250 }, (_, i) => `step ${i} ok`), '/bin/bash: /w/build.sh: Permission denied'].join('\n');
    expect(ranked(far)[0]?.id).toBe('noexec-mount');
  });

  it('in a container, a noexec mount written down still wins over the label guess', () => {
    const text = ['docker run --rm -v "$PWD":/w img make', 'tmpfs on /w/out type tmpfs (rw,nosuid,nodev,noexec,relatime)', 'make: ./out/gen: Permission denied'].join('\n');
    expect(ranked(text)[0]?.id).toBe('noexec-mount');
  });

  it('in a container, a non-root user refused the Go caches is still file access', () => {
    const text = ['docker run --user 1000 -v "$PWD":/w golang:1.22 go build ./...', 'go: writing go.mod cache: mkdir /go/pkg/mod/cache/download/x: permission denied'].join('\n');
    expect(ranked(text)[0]?.id).toBe('fs-access');
  });

  it('an exec refused with EPERM is a policy; the EACCES twin a mount', () => {
    expect(ranked('bash: ./bin/server: Operation not permitted')[0]?.id).toBe('mac-policy');
    expect(ranked('bash: ./bin/server: Permission denied')[0]?.id).toBe('noexec-mount');
  });

  it('a user\'s own program refusing on purpose is nobody\'s error', () => {
    for (const t of ['Error: refusing to run as root: permission denied by policy file ./policy.yaml', 'FAIL: TestDenied (0.00s)\n    authz_test.go:42: got "permission denied", want "ok"']) {
      expect(ranked(t).filter((c) => c.severity === 'error'), t).toEqual([]);
    }
  });

  it('a refused gopls under /tmp or a removable disk is the mount\'s, explained, not only gopls\'s start', () => {
    expect(ranked('Error: spawn /media/ann/USB/go/bin/gopls EACCES')[0]?.id).toBe('noexec-mount');
    expect(ranked('Error: spawn /home/ann/go/bin/gopls EACCES')[0]?.id).toBe('gopls-launch');
  });

  it('a go-build test binary quarantined by an antivirus is the policy, as an error', () => {
    const text = 'fork/exec C:\\Users\\ann\\AppData\\Local\\Temp\\go-build1\\b001\\x.test.exe: Operation did not complete successfully because the file contains a virus or potentially unwanted software.';
    expect(ranked(text)[0]).toMatchObject({ id: 'mac-policy', severity: 'error' });
  });

  it('none of the mechanism rules is an error except systemd\'s own report of its sandbox step', () => {
    for (const t of ['open /proc/self/mountinfo: permission denied', 'bash: ./x/y: Operation not permitted', '[1:2:FATAL:credentials.cc(127)] Check failed: . : Permission denied (13)', 'x: cannot restore segment prot after reloc: Permission denied']) {
      expect(ranked(t).filter((c) => c.severity === 'error'), t).toEqual([]);
    }
    expect(ranked('w.service: Main process exited, code=exited, status=228/SECCOMP')[0]).toMatchObject({ id: 'mac-policy', severity: 'error' });
  });
});
