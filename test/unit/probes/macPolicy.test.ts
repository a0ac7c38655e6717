import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/host/host.js';
import { runDoctor } from '../../../src/engine/pipeline.js';
import { macPolicyProbe, assessMac, type MacState } from '../../../src/probes/macPolicy.js';
import { parseDenials } from '../../../src/procfs/lsm.js';

async function run(name: string) {
  const host = new Host({
    root: `test/fixtures/hosts/${name}`,
    pid: 4242,
    uid: 1000,
    exec: async (file) => {
      throw new Error(`fixture host spawned ${file}`);
    },
  });
  const report = await runDoctor({ host, probes: [macPolicyProbe], workspaces: [], env: { PATH: '' } });
  return { rec: report.probes[0]!, findings: report.causes.flatMap((c) => c.findings), report };
}

describe('mac-policy probe on fixture hosts', () => {
  it('Fedora, SELinux enforcing, go denied in permissive mode → warning + info, no error', async () => {
    const { rec, findings } = await run('selinux-enforcing');
    expect(rec.observed).toMatchObject({ selinux: 'enforcing', selinuxContext: 'unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023', denials: 1 });
    expect(findings.some((f) => f.severity === 'error')).toBe(false);
    const w = findings.find((f) => f.severity === 'warning')!;
    expect(w.message).toMatch(/logged \(not enforced\) \{ unlink \} on a file of mapserver-linux-x86_64-go-tmp-umask for go/);
    const ev = w.evidence.find((e) => e.source === '/var/log/audit/audit.log')!;
    expect(ev.excerpt).toContain('comm=go');
    expect(ev.line).toBe(3);
    expect(w.evidence.some((e) => e.source === '/sys/fs/selinux/enforce' && e.excerpt === '1')).toBe(true);
    // With a denial to show, the plain "SELinux is enforcing" note is not added on top.
    expect(findings.some((f) => f.severity === 'info' && /SELinux is enforcing/.test(f.message))).toBe(false);
  });

  it('VS Code snap (complain) → info only', async () => {
    const { rec, findings } = await run('apparmor-snap-code');
    expect(rec.observed.apparmor).toBe('snap.code.code (complain)');
    // Ubuntu's ptrace_scope 1 is read and says nothing: Delve's launches are its own descendants.
    expect(rec.observed.ptraceScope).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ classId: 'mac-policy', severity: 'info' });
    expect(findings[0]!.evidence[0]).toEqual({ source: '/proc/self/attr/apparmor/current', excerpt: 'snap.code.code (complain)' });
  });

  it('code-oss under firejail-default (enforce) with an enforced denial of electron → warnings, no error', async () => {
    const { findings } = await run('apparmor-firejail-code');
    expect(findings.map((f) => f.severity).sort()).toEqual(['warning', 'warning']);
    const denial = findings.find((f) => f.evidence.some((e) => e.source === '/var/log/audit/audit.log'))!;
    expect(denial.message).toMatch(/AppArmor denied open of \/proc\/17\/comm for electron \(firejail-default\)/);
    expect(findings.find((f) => /firejail-default in enforce mode/.test(f.message))).toBeTruthy();
  });

  it('seccomp filter → one info finding quoting /proc/self/status', async () => {
    const { findings, rec } = await run('seccomp-filter');
    expect(rec.observed.seccomp).toMatchObject({ mode: 2, filters: 1 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', evidence: [{ source: '/proc/self/status', excerpt: 'Seccomp:\t2\nSeccomp_filters:\t1' }] });
  });

  it('a host with none of it (the WSL fixture has no LSM files) → ok, nothing', async () => {
    const { rec, findings } = await run('wsl-9p');
    expect(findings).toEqual([]);
    expect(rec.status).toBe('ok');
    expect(rec.observed.selinux).toBe('disabled');
  });
});

describe('assessMac', () => {
  // The mapserver#15 record with permissive=0, i.e. as it reads when SELinux enforces it.
  const enforcedGo = parseDenials(
    'type=AVC msg=audit(02/26/2019 14:54:48.647:503) : avc:  denied  { unlink } for  pid=11033 comm=go name=mapserver-linux-x86_64-go-tmp-umask dev="dm-2" ino=13634944 scontext=system_u:system_r:container_t:s0:c496,c697 tcontext=system_u:object_r:user_home_t:s0 tclass=file permissive=0',
  ).map((d) => ({ ...d, source: '/var/log/audit/audit.log' }));
  const state = (over: Partial<MacState>): MacState => ({ selinux: 'disabled', seccomp: { mode: 0, filters: 0 }, denials: [], ...over });

  it('enforcing + an enforced denial for go → error with restorecon and audit2why fixes', () => {
    const [f] = assessMac(state({ selinux: 'enforcing', denials: enforcedGo }));
    expect(f).toMatchObject({ classId: 'mac-policy', severity: 'error' });
    expect(f!.fixes!.map((x) => x.id)).toEqual(['mac-selinux-restorecon', 'mac-selinux-audit2why', 'mac-selinux-troubleshoot']);
    expect(f!.evidence[0]).toEqual({ source: '/sys/fs/selinux/enforce', excerpt: '1' });
  });

  it('the same record while the whole system is permissive → warning', () => {
    expect(assessMac(state({ selinux: 'permissive', denials: enforcedGo }))[0]!.severity).toBe('warning');
  });

  it('enforcing without any denial → info only', () => {
    const found = assessMac(state({ selinux: 'enforcing', selinuxContext: 'unconfined_u:unconfined_r:unconfined_t:s0' }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'info' });
  });

  it('a confined snap in enforce mode → warning', () => {
    const [f] = assessMac(state({ apparmor: { profile: 'snap.code.code', mode: 'enforce' }, apparmorSource: '/proc/self/attr/current' }));
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.evidence[0]!.source).toBe('/proc/self/attr/current');
  });

  it.each([
    [undefined, undefined],
    [0, undefined],
    [1, undefined],
    [2, 'info'],
    [3, 'warning'],
  ] as const)('Yama ptrace_scope %s → %s', (ptraceScope, want) => {
    const found = assessMac(state(ptraceScope === undefined ? {} : { ptraceScope }));
    if (!want) return expect(found).toEqual([]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ classId: 'mac-policy', severity: want });
    expect(found[0]!.evidence).toEqual([{ source: '/proc/sys/kernel/yama/ptrace_scope', excerpt: String(ptraceScope) }]);
    expect(found[0]!.message).toContain(ptraceScope === 3 ? 'Delve cannot debug here' : 'attaching Delve to a running process');
    expect(found[0]!.fixes!.map((f) => f.id)).toEqual(['mac-yama-sysctl-files', 'mac-yama-docs']);
  });

  it('unconfined and seccomp 0 → nothing (this VM)', () => {
    expect(assessMac(state({ apparmor: { profile: 'unconfined', mode: 'unconfined' } }))).toEqual([]);
  });
});

describe('isRecent', () => {
  const [d] = parseDenials('type=AVC msg=audit(1696227229.107:8490): avc:  denied  { write } for  pid=1 comm="go" tclass=file permissive=0');
  it('keeps a denial from the last two weeks and drops an older one; untimed records are kept', async () => {
    const { isRecent } = await import('../../../src/probes/macPolicy.js');
    expect(isRecent(d!, 1696227229 + 13 * 86400)).toBe(true);
    expect(isRecent(d!, 1696227229 + 15 * 86400)).toBe(false);
    expect(isRecent({ ...d!, time: undefined }, 2e9)).toBe(true);
  });
});

describe('parseDenials: AppArmor modes', () => {
  // A kill-mode profile (or a `kill` rule) refuses and kills: enforced, like DENIED; complain mode's ALLOWED is not.
  const line = (mode: string) => `audit: type=1400 audit(1700000000.123:42): apparmor="${mode}" operation="exec" profile="snap.code.code" name="/home/dev/go/bin/gopls" pid=4242 comm="code" requested_mask="x" denied_mask="x" fsuid=1000 ouid=1000`;
  it.each([['DENIED', true], ['KILLED', true], ['ALLOWED', false]] as const)('apparmor="%s" → enforced %s', (mode, enforced) => {
    const [d] = parseDenials(line(mode));
    expect(d).toMatchObject({ lsm: 'apparmor', comm: 'code', target: '/home/dev/go/bin/gopls', enforced });
  });
  it('a STATUS record (a profile loaded) is no denial', () => {
    expect(parseDenials(line('STATUS'))).toEqual([]);
  });
});
