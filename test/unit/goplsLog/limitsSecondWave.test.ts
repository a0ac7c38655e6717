// The second wave of limits, mounts and policies families (lane limits): each line is written for
// this test from the message's upstream source (Gradle, BuildKit, kubectl, GNU make, Python,
// systemd, cargo, npm, Perl, coreutils, dash, mksh, .NET, runc, node, the Go runtime and cmd/go,
// mount(8), seccomp(2), fapolicyd, Electron, Windows, SELinux and AppArmor tools). Programs,
// paths and numbers are this test's own, not any corpus text's. Near-misses sit beside each
// family: they must say nothing, or keep the class they had.
import { describe, expect, it } from 'vitest';
import { matchRules, type RuleId } from '../../../src/goplsLog/rules.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema } from '../../../src/doctor/model.js';

const ids = (line: string) => matchRules(line, {}).map((r) => r.id);

const CASES: Array<[string, RuleId[]]> = [
  // memory-limit: SIGKILL (exit status 137) in the words of the tool that ran the process.
  ["Caused by: org.gradle.process.internal.ExecException: Process 'command '/opt/jdk/bin/java'' finished with non-zero exit value 137", ['sigkill-reported']],
  ['#12 ERROR: process "/bin/sh -c go build -o /out/app ./cmd/app" did not complete successfully: exit code: 137', ['sigkill-reported']],
  ['      Exit Code:    137', ['sigkill-reported']],
  ['make: *** [Makefile:40: build] Error 137', ['sigkill-reported']],
  ['Exited (137) 12 seconds ago', ['sigkill-reported']],
  ["subprocess.CalledProcessError: Command '['go', 'vet', './...']' died with <Signals.SIGKILL: 9>.", ['sigkill-reported']],
  ['builder.service: Main process exited, code=killed, status=9/KILL', ['sigkill-reported']],
  ['process didn\'t exit successfully: `/w/target/debug/build/x/build-script-build` (signal: 9, SIGKILL: kill)', ['sigkill-reported']],
  ['npm ERR! signal SIGKILL', ['sigkill-reported']],
  ['collect2: fatal error: ld terminated with signal 9 [Killed]', ['sigkill-reported']],
  ['gopls was killed by SIGKILL during diagnostics', ['sigkill-reported']],
  // A timeout or a cancellation is not a kill for memory: SIGQUIT, SIGTERM (143), other numbers.
  ['*** Test killed with quit: ran too long (11m0s).', []],
  ['Error: Process completed with exit code 143.', []],
  ['make: *** [Makefile:40: build] Error 1370', []],
  ['kill -9 4242', []],
  // A memory limit written down is information beside a kill, not a cause on its own.
  ['docker run --memory=1g --rm golang:1.22 go build ./...', ['memory-limit-named']],
  ['      memory: 256Mi', ['memory-limit-named']],
  ['$ cat /sys/fs/cgroup/memory.max', ['memory-limit-named']],
  ['memory=6GB', ['memory-limit-named']],
  ['Memory: 16 GB', []],
  ['The paging file is too small for this operation to complete.', ['commit-limit-reached']],
  ['Error: spawn ENOMEM', ['memory-exhausted-more']],
  ['FATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - process out of memory', ['memory-exhausted-more']],
  ['ld: final link failed: memory exhausted', ['memory-exhausted-more']],
  ['fatal error: runtime: cannot map pages in arena address space', ['fatal-out-of-memory']],
  ['[ 771.2] gopls: page allocation failure: order:5, mode:0x40dc0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO)', ['memory-exhausted-more']],
  ["The window terminated unexpectedly (reason: 'oom', code: '-536870904')", ['memory-exhausted-more']],
  // A user's test that asks for too large a slice is the user's bug, not the machine's memory:
  // a panic (whose owner the crash reader decides), no memory finding.
  ['panic: runtime error: makeslice: len out of range', ['panic']],
  // noexec-mount: an exec refused with EACCES in more programs' words.
  ['Can\'t exec "tools/gen.sh": Permission denied at /usr/share/perl5/Build/Driver.pm line 40.', ['exec-refused-more']],
  ['make: ./scripts/mkversion: Permission denied', ['exec-refused-more']],
  ['build.sh: 31: ./bin/protoc: Permission denied', ['exec-refused-more']],
  ['Error: spawn EACCES', ['exec-refused-more']],
  ['exec /srv/app/bin/server: permission denied', ['exec-refused-more']],
  ["env: './configure': Permission denied", ['exec-refused-more']],
  ["nohup: failed to run command './worker': Permission denied", ['exec-refused-more']],
  ["/system/bin/sh: ./hello: can't execute: Permission denied", ['exec-refused-more']],
  ['sh: 1: exec: /var/tmp/run/job: Permission denied', ['exec-refused-more']],
  ["An error occurred trying to start process '/tmp/dn/tool' with working directory '/w'. Permission denied", ['exec-refused-more']],
  ['standard_init_linux.go:228: exec user process caused: permission denied', ['exec-refused-more']],
  ['api.service: Failed at step EXEC spawning /home/ann/bin/api: Permission denied', ['exec-refused-more']],
  ['zsh: permission denied: mytool', ['exec-refused-more']],
  ['make: *** [Makefile:9: gen] Error 126', ['exec-status-126']],
  ['sudo mount -o remount,exec /tmp', ['exec-mount-option']],
  ['docker run --rm --tmpfs /build golang:1.22 make', ['noexec-by-default']],
  ['Error loading shared library /tmp/snappy-1.1/libsnappyjava.so: Operation not permitted (needed by /app/bin/srv)', ['musl-map-denied']],
  // A library that is not there is another libc's problem, not a mount's.
  ['Error loading shared library libfoo.so.1: No such file or directory (needed by /usr/bin/x)', ['foreign-libc-loader']],
  ['docker run --rm --tmpfs /build:rw,size=2g golang:1.22 make', ['noexec-by-default']],
  ['    tmpfs: /app/tmp', ['noexec-by-default']],
  ['NoExecPaths=/var/lib/x', ['noexec-by-default']],
  // Told to allow exec, or told noexec outright (noexec-listed's).
  ['docker run --rm --tmpfs /build:rw,exec golang:1.22 make', []],
  ['docker run --tmpfs /work:rw,noexec,size=1g golang:1.22 go test ./...', ['noexec-listed']],
  ['mount -o remount,noexec /tmp', ['noexec-listed']],
  ['bash: /sdcard/go/bin/hello: Permission denied', ['shell-exec-denied', 'shared-storage-exec']],
  // The place must be the program's path, not the prompt's working directory.
  ['chronos@localhost /media/removable/USB $ sudo: unable to execute ./bin/run: Permission denied', ['shell-exec-denied']],
  ['sudo: unable to execute /media/removable/USB/bin/run: Permission denied', ['shell-exec-denied', 'shared-storage-exec']],
  ['fork/exec /home/chronos/user/Downloads/app: permission denied', ['exec-permission-denied', 'shared-storage-exec']],
  ['bash: /run/media/ann/STICK/tool: Permission denied', ['shell-exec-denied', 'shared-storage-exec']],
  // Reading a file there is not an exec.
  ['cat: /media/ann/STICK/notes.txt: Permission denied', ['permission-denied']],
  ['export GOTMPDIR=$HOME/.cache/gotmp', ['gotmpdir-moved']],
  ['GOTMPDIR=/var/tmp/gt go test ./...', ['gotmpdir-moved']],
  // go env listings print GOTMPDIR; printing it is not moving it.
  ['GOTMPDIR=""', []],
  ["GOTMPDIR=''", []],
  // The system's own programs are never on a noexec mount.
  ['make: /bin/sh: Permission denied', ['system-exec-denied']],
  ['exec /usr/bin/git: permission denied', ['system-exec-denied']],
  // A file read or a directory entered with EACCES is file access, not an exec.
  ['cat: /home/ann/notes.txt: Permission denied', ['permission-denied']],
  ['bash: cd: /srv/private: Permission denied', ['permission-denied']],
  ['sh: 1: cannot create /var/log/build.log: Permission denied', ['permission-denied']],
  // mac-policy: the shape of the refusal, and the policy named beside it.
  ['make: stat: GNUmakefile: Permission denied', ['cwd-stat-denied']],
  ["stat: cannot stat 'go.mod': Permission denied", ['cwd-stat-denied']],
  // With a directory in the path, a directory the user cannot search explains it.
  ['make: stat: /srv/private/Makefile: Permission denied', ['permission-denied']],
  ['stat /home/ann/private/go.mod: permission denied', ['permission-denied']],
  ['$ sudo setenforce 0', ['selinux-vocabulary']],
  ['docker run --rm -v "$PWD":/src:Z -w /src golang:1.22 go build', ['selinux-vocabulary']],
  ['      - ./:/go/src/app:z', ['selinux-vocabulary']],
  ['podman run --security-opt label=disable -v /home/ann/src:/src img', ['selinux-vocabulary']],
  ['SELinux is enforcing on this host', ['selinux-named']],
  ['looks like SELinux is blocking the bind mount', ['selinux-vocabulary']],
  ['ausearch -m avc -ts recent', ['selinux-vocabulary']],
  ['-rwxr-xr-x. 1 ann ann unconfined_u:object_r:user_home_t:s0 9000 May 1 10:00 goss', ['selinux-vocabulary']],
  ['Seccomp:\t2', ['seccomp-named']],
  ['Seccomp:\t0', []],
  ['docker run --privileged -v /src:/src img', ['privileged-container']],
  ['    privileged: true', ['privileged-container']],
  ['docker run --privileged=false img', []],
  ['      readOnlyRootFilesystem: true', ['read-only-root-named']],
  ['docker run --read-only golang:1.22 go build', ['read-only-root-named']],
  // The kernel's boot lines name SELinux and say nothing about a denial.
  ['[    0.41] SELinux:  Initializing.', []],
  ['sudo aa-complain /usr/share/code/code', ['apparmor-vocabulary']],
  ['docker run --security-opt apparmor=unconfined img', ['apparmor-vocabulary']],
  ['sudo snap connect go-tools:home', ['apparmor-vocabulary']],
  ['docker run --cap-add=SYS_PTRACE --security-opt seccomp=unconfined img dlv debug', ['seccomp-named', 'ptrace-capability']],
  ['Bad system call (core dumped)', ['seccomp-sigsys']],
  ['audit: type=1400 audit(1.2:3): apparmor=DENIED operation=open profile=snap.x.y name=/etc/x pid=1 comm=x', ['apparmor-denied']],
  ['docker: Error response from daemon: OCI runtime create failed: runc create failed: unable to start container process: error during container init: operation not permitted: unknown.', ['runtime-eperm']],
  ['Error: crun: set propagation for `sys`: Operation not permitted: OCI permission denied', ['runtime-eperm']],
  ['Sorry, home directories outside of /home are not currently supported.', ['apparmor-vocabulary']],
  // A runtime named on a line whose EPERM is about something else it reports is still the runtime's;
  // a runtime's EACCES is not claimed (file modes or a label, two ways).
  ['OCI runtime exec failed: exec failed: unable to start container process: exec: "/app/run": permission denied: unknown', ['program-exec-denied']],
  ['SIGSYS: bad system call', ['seccomp-sigsys']],
  ['rule=9 dec=deny_audit perm=execute auid=1000 pid=77 exe=/usr/bin/bash : path=/tmp/x/run ftype=application/x-executable', ['fapolicyd-denied']],
  // fs-access: the go command's own words about its directories.
  ['go: RLock /mnt/share/app/go.mod: Incorrect function.', ['file-lock-unsupported']],
  ['go: Lock /home/ann/.cache/go-build/x: function not implemented', ['file-lock-unsupported']],
  ['go: RLock /mnt/nfs/go.mod: no locks available', ['nfs-no-locks']],
  ['go: creating work dir: stat /home/ann/gotmp: no such file or directory', ['go-work-dir-failed']],
  ['go: creating work dir: mkdir /tmp/go-build123: read-only file system', ['read-only-fs', 'go-work-dir-failed']],
  ['package golang.org/x/tools/cmd/gopls: mkdir /opt/gopath: permission denied', ['go-file-refused']],
  ['go build runtime/cgo: open /usr/lib/go/pkg/linux_amd64/runtime/cgo.a: permission denied', ['go-file-refused']],
  ['failed to initialize build cache at /x/.cache/go-build: mkdir /x: permission denied', ['build-cache-unusable']],
  ['fork/exec /tmp/go-build7/b001/exe/app: permission denied', ['exec-permission-denied']],
];

describe('limits, mounts and policies, second wave: rules on upstream message formats', () => {
  it.each(CASES)('%s', (line, want) => {
    expect(ids(line)).toEqual(want);
  });
});

/** The classes a text ranks, best first, through the log probe's findings and the ranking. */
const ranked = (text: string) =>
  rankCauses(findingsOf('gopls.log', analyzeText(`${text}\n`)).map((f) => FindingSchema.parse(f))).filter((c) => c.severity !== 'info');

describe('which class a text puts first', () => {
  it('an exec refused under a mount written down as noexec is noexec-mount, not fs-access', () => {
    const text = ['$ findmnt -no OPTIONS /work', 'rw,nosuid,nodev,noexec,relatime', '$ ./build/tool', "env: './build/tool': Permission denied"].join('\n');
    expect(ranked(text)[0]?.id).toBe('noexec-mount');
  });

  it('a plain file refusal with no policy or mount named stays fs-access', () => {
    expect(ranked('cat: /home/ann/src/app/config.yaml: Permission denied')[0]?.id).toBe('fs-access');
    expect(ranked('open /home/ann/go/pkg/mod/cache/download/x.lock: permission denied')[0]?.id).toBe('fs-access');
  });

  it('the same refusals with SELinux named beside them are the policy', () => {
    const text = ['docker run -v "$PWD":/src:z golang:1.22 go build', 'open /src/go.mod: permission denied'].join('\n');
    expect(ranked(text)[0]?.id).toBe('mac-policy');
    const exec = ['$ sudo setenforce 0   # after this it works', '/bin/bash: ./build.sh: Permission denied'].join('\n');
    expect(ranked(exec)[0]?.id).toBe('mac-policy');
  });

  it('a refused write of the go command comes before the tool install it broke', () => {
    const text = ['Installing golang.org/x/tools/gopls@latest FAILED', '1 tools failed to install.', 'go: could not install: mkdir /opt/gopath: permission denied', '[Info  - 10:15:12 AM] Connection to server got closed. Server will restart.'].join('\n');
    expect(ranked(text)[0]?.id).toBe('fs-access');
  });

  it('a kill reported as exit 137 is memory-limit, with a named limit shown beside it', () => {
    const text = ['docker run --memory=512m builder make', 'make: *** [Makefile:4: all] Error 137'].join('\n');
    const causes = ranked(text);
    expect(causes[0]?.id).toBe('memory-limit');
    expect(causes[0]?.severity).toBe('warning');
  });

  it('a named memory limit does not take a task limit\'s EAGAIN', () => {
    const text = ['docker create --memory=100m --ulimit nproc=300 img', 'runtime/cgo: pthread_create failed: Resource temporarily unavailable'].join('\n');
    expect(ranked(text)[0]?.id).toBe('process-limit');
  });

  it('none of these is an error on its own: a kill, an exit 126, a policy named', () => {
    for (const t of ['npm ERR! signal SIGKILL', 'exit status 126', 'sudo aa-status', 'export GOTMPDIR=/var/tmp/x']) {
      expect(ranked(t).filter((c) => c.severity === 'error'), t).toEqual([]);
    }
  });
});
