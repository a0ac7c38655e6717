// The security policies' own words, as their programs print them, each in more than one wording
// (another path, another program, a log prefix): the user-namespace refusal with EACCES
// (AppArmor's userns mediation), snap-update-ns and snap-exec, an exec under /snap, the lockdown
// LSM, grsecurity and PaX, macOS's Seatbelt, SELinux's module and query tools, AppArmor's
// aa-* tools, a container's security settings, and a policy named by name beside a failure.
// Programs, paths and numbers are this test's own. Near-misses sit beside each family: they must
// not say the rule (and, where given, say what they said before).
import { describe, expect, it } from 'vitest';
import { matchRules, type RuleId } from '../../../src/goplsLog/rules.js';

const ids = (line: string) => matchRules(line, {}).map((r) => r.id);

/** [line, the rule it must say, or null: it must NOT say `rule`] */
const CASES: Array<[string, RuleId, boolean]> = [
  // unshare(2) refused with EACCES: AppArmor's user-namespace restriction (error=-13).
  ['Error during unshare(CLONE_NEWUSER): Permission denied', 'sandbox-namespace-denied', true],
  ['unshare: unshare failed: Permission denied', 'sandbox-namespace-denied', true],
  ['error: unshare(CLONE_NEWUSER|CLONE_NEWNS) failed: Permission denied (os error 13)', 'sandbox-namespace-denied', true],
  ['unshare(CLONE_NEWNS): EACCES', 'sandbox-namespace-denied', true],
  ['[1201:1201:0601/101010.5:FATAL:zygote_host_impl_linux.cc(201)] Failed to move to new namespace: PID namespaces supported, Network namespace supported, but failed: errno = Operation not permitted', 'sandbox-namespace-denied', true],
  ['the unshare command is in util-linux', 'sandbox-namespace-denied', false],
  ['unshare: failed to execute /bin/zsh: No such file or directory', 'sandbox-namespace-denied', false],
  // snap-update-ns's and snap-exec's own refusals.
  ['update.go:85: cannot change mount namespace according to change mount (/var/lib/snapd/hostfs/opt/go /opt/go none bind,ro 0 0): permission denied', 'apparmor-profile-denied', true],
  ['cannot change mount namespace according to change mount (/snap/code/150/usr/share /usr/share none bind 0 0): operation not permitted', 'apparmor-profile-denied', true],
  ['cannot snap-exec: cannot exec "/snap/go/10500/bin/go": permission denied', 'apparmor-profile-denied', true],
  ['cannot change mount namespace according to change mount (/a /b none bind 0 0): no such file or directory', 'apparmor-profile-denied', false],
  ['(cd bin && go build github.com/snapcore/snapd/cmd/snap-exec)', 'apparmor-profile-denied', false],
  // A program under /snap refused with EACCES: confinement, not a mount or a mode.
  ['fork/exec /snap/bin/go: permission denied', 'snap-path-exec-denied', true],
  ['exec: "/snap/go/current/bin/gofmt": permission denied', 'snap-path-exec-denied', true],
  ['Error: spawn /snap/bin/dlv EACCES', 'snap-path-exec-denied', true],
  ['java.io.IOException: Cannot run program "/snap/bin/go" (in directory "/home/ann/src"): error=13, Permission denied', 'snap-path-exec-denied', true],
  ['fork/exec /snap/bin/go: no such file or directory', 'snap-path-exec-denied', false],
  ['open /home/ann/snap/code/common/x: permission denied', 'snap-path-exec-denied', false],
  ['fork/exec /usr/local/snap/tool: permission denied', 'snap-path-exec-denied', false],
  // The lockdown LSM.
  ['Dec 02 10:11:12 box kernel: Lockdown: dlv: unsigned module loading is restricted; see man kernel_lockdown.7', 'kernel-lockdown', true],
  ['[ 42.1] Lockdown: bpftrace: use of kprobes is restricted; see man kernel_lockdown.7', 'kernel-lockdown', true],
  ['Lockdown: gopls: /dev/mem,kmem,port is restricted', 'kernel-lockdown', true],
  ['lockdown: the build lock is held by another process', 'kernel-lockdown', false],
  ['Lockdown: integrity', 'kernel-lockdown', false],
  // grsecurity and PaX.
  ['grsec: denied RWX mmap of <anonymous mapping> by /usr/lib/code/code[code:4012] uid/euid:1000/1000 gid/egid:1000/1000', 'hardened-kernel-denied', true],
  ['grsec: From 10.1.2.3: denied resource overstep by requesting 4096 for RLIMIT_CORE against limit 0 for /home/ann/go/bin/gopls[gopls:77]', 'hardened-kernel-denied', true],
  ['kernel: PAX: terminating task: /home/ann/go/bin/gopls(gopls):5050, uid/euid: 1000/1000, PC: 00007f0000001000', 'hardened-kernel-denied', true],
  ['PaX: execution attempt in: <anonymous mapping>, 7f00-7f01 00000000', 'hardened-kernel-denied', true],
  ['grsec: is a fine kernel patch set', 'hardened-kernel-denied', false],
  ['tar: PAX header is malformed', 'hardened-kernel-denied', false],
  // macOS's sandbox.
  ['Sandbox: gopls(4120) deny(1) file-read-data /Users/ann/go/pkg/mod/cache', 'seatbelt-denied', true],
  ['2024-05-01 10:11:12.1 kernel[0:1a2b] Sandbox: go(301) deny(1) file-write-create /private/var/folders/x/T/go-build99', 'seatbelt-denied', true],
  ['System Policy: compile(55) deny(1) file-read-data /Users/ann/Desktop/proj/main.go', 'seatbelt-denied', true],
  ['sandbox-exec: execvp() of \'/usr/local/go/bin/go\' failed: Operation not permitted', 'seatbelt-denied', true],
  ['the allow(1)/deny(1) pair in the profile', 'seatbelt-denied', false],
  ['Sandbox: started job 12', 'seatbelt-denied', false],
  // SELinux's module and query tools, AppArmor's tools.
  ['# semodule -X 300 -i gopls-local.pp', 'selinux-vocabulary', true],
  ['checkmodule -M -m -o local.mod local.te', 'selinux-vocabulary', true],
  ['sesearch --allow -s container_t -t user_home_t -c dir', 'selinux-vocabulary', true],
  ['I set SELINUX=permissive in /etc/selinux/config and rebooted', 'selinux-vocabulary', true],
  ['matchpathcon /home/ann/go/bin/gopls', 'selinux-vocabulary', true],
  ['github.com/opencontainers/runc/libcontainer/seinfo-go v0.1.0', 'selinux-vocabulary', false],
  ['sudo aa-exec -p unconfined -- code --no-sandbox', 'apparmor-vocabulary', true],
  ['aa-notify -s 1 -v', 'apparmor-vocabulary', true],
  ['sudo aa-unconfined --paranoid', 'apparmor-vocabulary', true],
  ['aa-bogus is not a tool', 'apparmor-vocabulary', false],
  // A container's security settings.
  ['docker run --cap-add=DAC_OVERRIDE -v $PWD:/src golang:1.22 make', 'container-security-options', true],
  ['podman run --cap-drop ALL --rm img go build ./...', 'container-security-options', true],
  ['    cap_add:', 'container-security-options', true],
  ['      allowPrivilegeEscalation: false', 'container-security-options', true],
  ['  seccompProfile:', 'container-security-options', true],
  ['docker run --security-opt systempaths=unconfined img', 'container-security-options', true],
  ['docker run --security-opt no-new-privileges golang:1.23 go test ./...', 'container-security-options', false],
  ['the docs explain what a capability is', 'container-security-options', false],
  ['--capacity 10', 'container-security-options', false],
  // SELinux's permission names, booleans and rules; AppArmor's profile syntax.
  ['denied  { execute execute_no_trans } for  pid=9 comm="sh" path="/home/ann/go/bin/gopls"', 'selinux-named', true],
  ['the loader needs { execmod } on the library', 'selinux-named', true],
  ['setsebool -P selinuxuser_execmod 1', 'selinux-named', true],
  ['allow container_t user_home_t:file { read open getattr };', 'selinux-named', true],
  ['  allow gopls_t cache_home_t:dir create;', 'selinux-named', true],
  ['allow the user to pick the entrypoint', 'selinux-named', false],
  ['{ "transition": "fade" }', 'selinux-named', false],
  ['  owner @{HOME}/go/** rwk,', 'apparmor-vocabulary', true],
  ['#include <tunables/global>', 'apparmor-vocabulary', true],
  ['  include <abstractions/base>', 'apparmor-vocabulary', true],
  ['#include <stdio.h>', 'apparmor-vocabulary', false],
  ['echo ${HOME}/go', 'apparmor-vocabulary', false],
  // AppArmor's D-Bus and signal records name the confined profile as label=.
  ['audit: type=1107 audit(1.2:3): pid=1 uid=103 auid=4294967295 ses=4294967295 msg=\'apparmor="DENIED" operation="dbus_method_call" bus="session" path="/org/freedesktop/portal/desktop" interface="org.freedesktop.portal.Settings" member="Read" mask="send" name="org.freedesktop.portal.Desktop" pid=5 label="snap.code.code" peer_pid=6 peer_label="unconfined"\'', 'apparmor-denied', true],
  ['apparmor="DENIED" operation="signal" class="signal" profile="snap.code.code" pid=77 comm="code" requested_mask="send" denied_mask="send" signal=term peer="unconfined"', 'apparmor-denied', true],
  ['apparmor="DENIED" operation="dbus_method_call" bus="system" path="/org/freedesktop/timedate1" interface="org.freedesktop.DBus.Properties" member="GetAll" mask="send" name=":1.99" pid=9 label="snap.spotify.spotify" peer_label="unconfined"', 'apparmor-denied', false],
  // mprotect refused with EACCES: a W^X policy.
  ['tcc: error: mprotect failed: did you mean to configure --with-selinux?', 'mprotect-refused', true],
  ['RuntimeError: mprotect failed: Permission denied', 'mprotect-refused', true],
  ['Fatal error: mprotect(0x7f0000000000, 4096, PROT_READ|PROT_EXEC) failed: EACCES', 'mprotect-refused', true],
  ['jit: mprotect() returned EACCES for the code page', 'mprotect-refused', true],
  ['runtime: mprotect failed: Cannot allocate memory', 'mprotect-refused', false],
  ['mprotect(0x7f00, 4096, PROT_READ) = 0', 'mprotect-refused', false],
  // snap confinement in words.
  ['the VS Code snap is strictly confined, so it cannot run /usr/local/go/bin/go', 'apparmor-vocabulary', true],
  ['looks like snap confinement blocks gopls from reading ~/go', 'apparmor-vocabulary', true],
  ['classic confinement: the snap sees the whole system', 'apparmor-vocabulary', false],
  // A policy named by name beside a failure.
  ["I'm on RHEL 9 with SELinux.", 'policy-mentioned', true],
  ['looks like the snap is confined by AppArmor here', 'policy-mentioned', true],
  ['the CI runner applies a seccomp filter to every job', 'policy-mentioned', true],
  ['landlock: failed to restrict filesystem access: permission denied', 'policy-mentioned', true],
  ['the agent runs tools under a Landlock ruleset', 'policy-mentioned', true],
  ['fapolicyd blocks binaries in home directories on this host', 'policy-mentioned', true],
  ['> Fedora 40, selinux on, podman 5', 'policy-mentioned', true],
  ['This is a CentOS box without SELinux.', 'policy-mentioned', false],
  ['SELinux is disabled', 'policy-mentioned', false],
  ['selinux: disabled', 'policy-mentioned', false],
  ['SELinux is not the cause, I checked', 'policy-mentioned', false],
  ["Disabling AppArmor didn't help", 'policy-mentioned', false],
  ['AppArmor is enabled on this Ubuntu machine', 'policy-mentioned', false],
  ['apparmor module is loaded.', 'policy-mentioned', false],
  ['[    0.41] SELinux:  Initializing.', 'policy-mentioned', false],
  ['[    0.52] landlock: Up and running.', 'policy-mentioned', false],
  ['  seccomp', 'policy-mentioned', false],
  [' Security Options: apparmor seccomp', 'policy-mentioned', false],
  ['go: downloading github.com/opencontainers/selinux v1.11.0', 'policy-mentioned', false],
  ['  seccompProfilePath: /usr/share/containers/seccomp.json', 'policy-mentioned', false],
  ['    selinuxEnabled: false', 'policy-mentioned', false],
  ['sudo apt install libseccomp-dev apparmor-utils', 'policy-mentioned', false],
  ['internal/selinux.go:12:3: undefined: selinux.Enabled', 'policy-mentioned', false],
];

describe('the policies\' own words, varied', () => {
  it.each(CASES)('%s', (line, rule, says) => {
    if (says) expect(ids(line)).toContain(rule);
    else expect(ids(line)).not.toContain(rule);
  });

  it("a line the policy's own rule reads is that rule's, not the bare mention's", () => {
    for (const line of [
      'SELinux is preventing /usr/bin/gopls from write access on the directory go-build.',
      'type=1400 audit(1.2:3): apparmor="DENIED" operation="open" profile="snap.code.code" name="/etc/gitconfig" comm="git"',
      'it works with --security-opt seccomp=unconfined',
      'after disabling selinux it builds',
    ]) {
      expect(ids(line), line).not.toContain('policy-mentioned');
      expect(matchRules(line, {}).some((r) => r.classId === 'mac-policy'), line).toBe(true);
    }
  });
});

describe('SELinux or AppArmor said to be off is no sign of them, a fix that turns them off is', () => {
  it.each([
    ['SELinux is disabled', 'selinux-vocabulary'],
    ['selinux was already disabled on that box', 'selinux-vocabulary'],
    ['SELinux status:                 disabled', 'selinux-vocabulary'],
    ['AppArmor is off on this server', 'apparmor-vocabulary'],
  ] as Array<[string, RuleId]>)('%s', (line, rule) => expect(ids(line)).not.toContain(rule));
  it.each([
    ['I set SELINUX=disabled and rebooted, now it builds', 'selinux-vocabulary'],
    ['after disabling selinux it works', 'selinux-vocabulary'],
    ['SELinux is enforcing', 'selinux-named'],
    ['it works after disabling apparmor for the snap', 'apparmor-vocabulary'],
  ] as Array<[string, RuleId]>)('%s', (line, rule) => expect(ids(line)).toContain(rule));
});
