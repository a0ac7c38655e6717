// Lanes mac and fs of the system-messages catalog, read (2026-12-06): rules written from each
// message's upstream format (snapd's snap-update-ns, cmd/go's toolchain switch, git's config.c,
// glibc's dl-load.c), and the states (SELinux and seccomp status listings, a relabel that worked,
// GOTMPDIR moved for a build that went on, ext4's errors= mount option) that name a mechanism but
// no failure (Rule.besideFailure). Paths, names and versions are this test's own, not the catalog's
// instances. Near-misses sit beside each: they must say nothing, or keep the class they had.
import { describe, expect, it } from 'vitest';
import { matchRules, type RuleId } from '../../../src/goplsLog/rules.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf, MECHANISM_CONFIDENCE } from '../../../src/probes/goplsLogs.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema } from '../../../src/doctor/model.js';

const ids = (line: string) => matchRules(line, {}).map((r) => r.id);
const causes = (text: string) =>
  rankCauses(findingsOf('gopls.log', analyzeText(`${text}\n`)).map((f) => FindingSchema.parse(f))).filter((c) => c.severity !== 'info');

const RULE_CASES: Array<[string, RuleId[]]> = [
  // snap-update-ns (cmd/snap-update-ns/main.go "cannot update snap namespace: %s") refused.
  ['cannot update snap namespace: cannot create writable mimic over "/snap/protobuf/61/usr/lib": permission denied', ['apparmor-profile-denied']],
  ['cannot update snap namespace: cannot create symlink in "/etc/xdg": operation not permitted', ['apparmor-profile-denied']],
  // …failing for another reason is no policy's refusal.
  ['cannot update snap namespace: cannot open path "/var/lib/snapd/mount": no such file or directory', []],
  // cmd/go's toolchain switch (toolchain/exec.go: base.Fatalf("exec %s: %v", gotoolchain, err)).
  ['go: exec go1.22.7: permission denied', ['toolchain-exec-denied']],
  ['go: exec go1.24rc1: permission denied', ['toolchain-exec-denied']],
  ['  go: exec go1.21.0: permission denied', ['toolchain-exec-denied']],
  // Another program's exec, or another errno, is not the toolchain's mount.
  ['go: exec gofmt: permission denied', ['permission-denied']],
  ['go: exec go1.22.7: no such file or directory', []],
  // git's config lock (config.c: "chmod on %s failed") on a file system that keeps no modes.
  ['error: chmod on /mnt/d/work/go/pkg/mod/cache/vcs/0a1b2c/config.lock failed: Operation not permitted', ['lockfile-chmod-eperm']],
  ['\terror: chmod on /srv/share/repo/.git/config.lock failed: Operation not permitted', ['lockfile-chmod-eperm']],
  // coreutils' chmod of another user's file is ownership (ownership-change-eperm), not this.
  ["chmod: changing permissions of '/srv/share/repo/config': Operation not permitted", ['ownership-change-eperm']],
  // ld.so's open refused (elf/dl-load.c "cannot open shared object file").
  ['./svc: error while loading shared libraries: libzeta.so.5: cannot open shared object file: Permission denied', ['shared-object-open-denied']],
  ['dlopen failed: /opt/plug/libq.so: cannot open shared object file: Permission denied', ['shared-object-open-denied']],
  // A library that is not there is the library path's (env-inheritance), a mapping refused the mount's.
  ['./svc: error while loading shared libraries: libzeta.so.5: cannot open shared object file: No such file or directory', ['shared-lib-missing']],
  ['./svc: error while loading shared libraries: libzeta.so.5: failed to map segment from shared object', ['shared-object-map-denied']],
];

describe('lanes mac and fs: rules on the catalog rows\' upstream formats', () => {
  it.each(RULE_CASES)('%s', (line, want) => {
    expect(ids(line)).toEqual(want);
  });

  it('puts each class first, by a rule, with what users paste around it', () => {
    const read = (text: string) => {
      const c = causes(text);
      return [c[0]?.id, Math.max(...(c[0]?.findings.map((f) => f.confidence) ?? [0])) > MECHANISM_CONFIDENCE];
    };
    expect(read('$ code-insiders\ncannot update snap namespace: cannot create writable mimic over "/snap/code-insiders/9/usr/share/fonts": permission denied\nsnap-update-ns failed with code 1')).toEqual(['mac-policy', true]);
    expect(read('ann@box:~/proj$ go test ./...\ngo: downloading go1.22.7 (linux/arm64)\ngo: exec go1.22.7: permission denied')).toEqual(['noexec-mount', true]);
    expect(read('$ go mod tidy\ngo: corp.example/lib@v1.2.0: git init --bare in /mnt/d/gomod/cache/vcs/77aa: exit status 1:\n\terror: chmod on /mnt/d/gomod/cache/vcs/77aa/config.lock failed: Operation not permitted\n\tfatal: could not set \'core.filemode\' to \'false\'')).toEqual(['fs-access', true]);
    expect(read('$ ./svc\n./svc: error while loading shared libraries: libzeta.so.5: cannot open shared object file: Permission denied\n$ ls -ld /srv/libs\ndrwx------ 2 ops ops 4096 Jan  3 08:00 /srv/libs')).toEqual(['fs-access', true]);
  });
});

describe('a mechanism or setting named with no failure told is a state (Rule.besideFailure)', () => {
  const STATES = [
    '$ getenforce\nPermissive',
    '# sestatus\nSELinux status:                 enabled\nCurrent mode:                   enforcing\nPolicy version:                 31',
    '$ restorecon -Rv /srv/proj\nRelabeled /srv/proj/bin/tool from system_u:object_r:default_t:s0 to system_u:object_r:bin_t:s0',
    '$ sudo ausearch -m avc -ts recent\n<no matches>',
    'ann@box:~$ grep Seccomp /proc/self/status\nSeccomp:\t2',
    'ann@box:~/proj$ GOTMPDIR=$HOME/.tmp/go go test ./pkg/...\nok  \tcorp.example/proj/pkg/a\t0.101s\nok  \tcorp.example/proj/pkg/b\t(cached)',
    '$ GOTMPDIR=/scratch/go go build -work ./cmd/svc\nWORK=/scratch/go/go-build220011',
    // ext4's errors= option (mount(8)) is no error word: nothing for the word model to read.
    '$ go env GOCACHE\n/home/ann/.cache/go-build\n$ findmnt -T /home/ann\nTARGET SOURCE    FSTYPE OPTIONS\n/home  /dev/nvme0n1p3 ext4   rw,relatime,errors=continue',
  ];
  it.each(STATES)('names nothing: %s', (text) => {
    expect(causes(text)).toEqual([]);
  });

  // The same words beside a failure are the evidence they always were.
  it('keeps them beside a failure', () => {
    expect(causes('$ go build ./...\nopen /srv/proj/go.mod: permission denied\n$ sestatus\nSELinux status:                 enabled\nCurrent mode:                   enforcing').map((c) => c.id)).toContain('mac-policy');
    expect(causes('runtime/cgo: pthread_create failed: Operation not permitted\nSeccomp:\t2')[0]?.id).toBe('mac-policy');
    expect(causes('$ GOTMPDIR=/scratch/go go test ./...\nfork/exec /scratch/go/go-build1/b001/x.test: permission denied')[0]?.id).toBe('noexec-mount');
    // A rule's own line that tells of trouble is the failure ("… is preventing …").
    expect(causes('SELinux is preventing /usr/bin/gopls from execute access on the file gopls.').map((c) => c.id)).toContain('mac-policy');
    // A mount listing with noexec is still read alone (real reports paste it as their evidence).
    expect(causes('tmpfs on /var/build type tmpfs (rw,nosuid,nodev,noexec,relatime)')[0]?.id).toBe('noexec-mount');
  });

  it('still reads "errors" as a failure word elsewhere', () => {
    const s = analyzeText('mount: /mnt/x: wrong fs type; 3 errors=found\nbuild finished with errors\n');
    expect(s.unclassifiedCount).toBeGreaterThan(0);
  });
});
