import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cleanAttr, isEditorComm, isGoToolComm, looksLikeSelinuxContext, parseAppArmorLabel, parseDenials, parseSeccompStatus, parseSelinuxEnforce } from '../../../src/procfs/lsm.js';

describe('parseSelinuxEnforce', () => {
  const rows: Array<[string | undefined, string]> = [
    ['1', 'enforcing'],
    ['0', 'permissive'],
    ['1\n', 'enforcing'],
    [undefined, 'disabled'],
    ['', 'disabled'],
  ];
  for (const [text, want] of rows) it(`${JSON.stringify(text)} → ${want}`, () => expect(parseSelinuxEnforce(text)).toBe(want));
});

describe('parseAppArmorLabel', () => {
  const rows: Array<[string, ReturnType<typeof parseAppArmorLabel>]> = [
    ['snap.code.code (complain)\n', { profile: 'snap.code.code', mode: 'complain' }],
    ['firejail-default (enforce)\n', { profile: 'firejail-default', mode: 'enforce' }],
    ['/usr/share/code/code (unconfined)\n', { profile: '/usr/share/code/code', mode: 'unconfined' }],
    ['unconfined\n', { profile: 'unconfined', mode: 'unconfined' }],
    ['unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023\0', undefined],
  ];
  for (const [text, want] of rows) it(JSON.stringify(text), () => expect(parseAppArmorLabel(text)).toEqual(want));
  it('an SELinux context is recognised as one, with its NUL stripped', () => {
    expect(cleanAttr('unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023\0')).toBe('unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023');
    expect(looksLikeSelinuxContext('system_u:system_r:container_t:s0:c496,c697')).toBe(true);
    expect(looksLikeSelinuxContext('snap.code.code (complain)')).toBe(false);
  });
});

describe('parseSeccompStatus', () => {
  it('reads the filter mode captured on this VM', () => {
    const s = parseSeccompStatus(readFileSync('test/fixtures/hosts/seccomp-filter/proc/self/status', 'utf8'));
    expect(s).toEqual({ mode: 2, filters: 1, noNewPrivs: 1 });
  });
  it('the published docker lines, and a status without the fields', () => {
    expect(parseSeccompStatus('Seccomp:\t2\nSeccomp_filters:\t1\n')).toMatchObject({ mode: 2, filters: 1 });
    expect(parseSeccompStatus('Name:\tcat\n')).toEqual({ mode: undefined, filters: undefined, noNewPrivs: undefined });
  });
});

describe('parseDenials', () => {
  it('SELinux AVC, raw audit.log (sosreport/sos#3372): comm, perms, path, enforced, time', () => {
    const [d] = parseDenials(
      'type=AVC msg=audit(1696227229.107:8490): avc:  denied  { write } for  pid=22413 comm="ovs-appctl" path="/var/tmp/sos.oq1u66ua/x" dev="dm-0" ino=1804675 scontext=system_u:system_r:openvswitch_t:s0 tcontext=system_u:object_r:tmp_t:s0 tclass=file permissive=0',
    );
    expect(d).toMatchObject({ lsm: 'selinux', comm: 'ovs-appctl', operation: 'write', target: '/var/tmp/sos.oq1u66ua/x', subject: 'system_u:system_r:openvswitch_t:s0', tclass: 'file', enforced: true, time: 1696227229, line: 1 });
  });
  it('SELinux AVC as ausearch -i prints it (minetest-mapserver/mapserver#15): bare comm=go, permissive=1', () => {
    const [d] = parseDenials(
      'type=AVC msg=audit(02/26/2019 14:54:48.647:503) : avc:  denied  { unlink } for  pid=11033 comm=go name=mapserver-linux-x86_64-go-tmp-umask dev="dm-2" ino=13634944 scontext=system_u:system_r:container_t:s0:c496,c697 tcontext=system_u:object_r:user_home_t:s0 tclass=file permissive=1',
    );
    expect(d).toMatchObject({ comm: 'go', operation: 'unlink', target: 'mapserver-linux-x86_64-go-tmp-umask', enforced: false, time: undefined });
  });
  it('AppArmor DENIED in a kernel log line (snapcrafters/sentry#33 dmesg)', () => {
    const text = 'x\n[Wed Apr  7 09:49:17 2021] audit: type=1400 audit(1617781758.936:18): apparmor="DENIED" operation="open" profile="snap.sentry.web" name="/proc/425/mounts" pid=425 comm="python2" requested_mask="r" denied_mask="r" fsuid=0 ouid=0';
    const [d] = parseDenials(text);
    expect(d).toMatchObject({ lsm: 'apparmor', comm: 'python2', operation: 'open', subject: 'snap.sentry.web', target: '/proc/425/mounts', enforced: true, time: 1617781758, line: 2 });
  });
  it('ignores lines that are neither', () => {
    expect(parseDenials('type=SYSCALL msg=audit(1551992261.059:189): arch=c000003e syscall=257 success=no exit=-13 comm="electron"\nhello')).toEqual([]);
  });
});

describe('comm classes', () => {
  it('knows the Go toolchain and the editor by their kernel names', () => {
    expect(['go', 'gopls', 'compile', 'link', 'vet', 'dlv', 'mypkg.test'].every(isGoToolComm)).toBe(true);
    expect(['gofmt-x', 'python2', 'godoc-server', undefined].some(isGoToolComm)).toBe(false);
    expect(['code', 'electron', 'node', 'codium', 'cursor'].every(isEditorComm)).toBe(true);
  });
});
