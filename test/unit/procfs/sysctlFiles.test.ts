import { describe, expect, it } from 'vitest';
import { dropInName, sysctlSetters } from '../../../src/procfs/sysctlFiles.js';
import { execFileSync } from 'node:child_process';
import { raisedFrom, raiseInotifyLimitFix } from '../../../src/fixes/catalog.js';
import { makeCtx } from '../../support/probeContext.js';
import { liveHost } from '../../../src/host/host.js';
import { goplsLogsProbe } from '../../../src/probes/goplsLogs.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const KEY = 'fs.inotify.max_user_watches';
// Debian's /etc/sysctl.d/99-sysctl.conf is a link to /etc/sysctl.conf, whose shipped text is all comments.
const DEBIAN_SYSCTL_CONF = '#\n# /etc/sysctl.conf - Configuration file for setting system variables\n#kernel.domainname = example.com\n';

describe('sysctlSetters: the files that set a key, in the order systemd-sysctl applies them', () => {
  it.each([
    ['nothing sets it', [{ path: '/etc/sysctl.d/99-sysctl.conf', text: DEBIAN_SYSCTL_CONF }], []],
    ['one file, spaces and a leading "-" allowed, slashes for dots', [{ path: '/etc/sysctl.d/30-ide.conf', text: '-fs/inotify/max_user_watches = 524288\n' }], [{ path: '/etc/sysctl.d/30-ide.conf', value: '524288' }]],
    [
      'sorted by name across directories; the last line in a file wins there',
      [
        { path: '/usr/lib/sysctl.d/50-default.conf', text: `${KEY}=8192\n` },
        { path: '/etc/sysctl.d/99-local.conf', text: `${KEY}=12\n# ${KEY}=999\n${KEY} = 16\n` },
        { path: '/etc/sysctl.d/10-early.conf', text: `${KEY}=4096\n` },
      ],
      [{ path: '/etc/sysctl.d/10-early.conf', value: '4096' }, { path: '/usr/lib/sysctl.d/50-default.conf', value: '8192' }, { path: '/etc/sysctl.d/99-local.conf', value: '16' }],
    ],
    [
      "/etc masks /usr/lib's file of the same name",
      [{ path: '/usr/lib/sysctl.d/50-x.conf', text: `${KEY}=8192\n` }, { path: '/etc/sysctl.d/50-x.conf', text: '# emptied by the admin\n' }],
      [],
    ],
  ] as const)('%s', (_, files, want) => {
    expect(sysctlSetters(files, KEY)).toEqual(want);
  });
});

describe('dropInName: a file read after every one that sets the key', () => {
  it.each([
    ['none later: the usual name', [], '60-inotify-watches.conf'],
    ['an earlier one is outlasted anyway', [{ path: '/etc/sysctl.d/30-ide.conf', value: '8192' }], '60-inotify-watches.conf'],
    ["its own earlier write is no reason to move", [{ path: '/etc/sysctl.d/60-inotify-watches.conf', value: '8192' }], '60-inotify-watches.conf'],
    ['a 99- file: after it', [{ path: '/etc/sysctl.d/99-local.conf', value: '12' }], 'zz-inotify-watches.conf'],
    ['a zz- file: after that too', [{ path: '/etc/sysctl.d/zz-inotify-watches.conf', value: '12' }], 'zzz-inotify-watches.conf'],
  ] as const)('%s', (_, setters, name) => {
    const got = dropInName('60-inotify-watches.conf', setters);
    expect(got.name).toBe(name);
    expect(got.name >= (setters.at(-1)?.path.split('/').pop() ?? '')).toBe(true);
  });

  it('the inotify fix writes there and says why', () => {
    const fix = raiseInotifyLimitFix('watches', 524288, [{ path: '/etc/sysctl.d/99-local.conf', text: `${KEY}=12\n` }]) as { text: string; detail: string };
    expect(fix.text).toBe(`sysctl -w ${KEY}=524288 && echo '${KEY}=524288' > /etc/sysctl.d/zz-inotify-watches.conf`);
    expect(fix.detail).toContain(`read after /etc/sysctl.d/99-local.conf (${KEY}=12)`);
    expect((raiseInotifyLimitFix('watches', 524288, []) as { text: string }).text).toContain('/etc/sysctl.d/60-inotify-watches.conf');
  });
});

describe('what a limit is raised to', () => {
  it.each([
    [undefined, 524288, 524288],
    [8192, 524288, 524288],
    [524287, 524288, 524288],
    // Already at or past the recommendation (a tester's 1048576): never the same or lower.
    [524288, 524288, 1048576],
    [1048576, 524288, 2097152],
    [2048, 1024, 4096],
  ])('set %s, recommended %s: %s', (current, recommended, want) => {
    expect(raisedFrom(current, recommended)).toBe(want);
  });

  it("a log's ENOSPC gets a raise above this machine's limit as it is now, which the finding says", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'inotify-log-'));
    try {
      const log = path.join(dir, 'gopls.log');
      writeFileSync(log, '2026/12/05 10:14:06 fsnotify: watch /home/dev/proj/pkg/x: no space left on device\n[Error - 10:14:07 AM] 2026/12/05 fsnotify: queue or buffer overflow\n');
      const out = await goplsLogsProbe.run(makeCtx({ host: liveHost(), goplsLogs: [log] }));
      const now = Number(readFileSync('/proc/sys/fs/inotify/max_user_watches', 'utf8'));
      const f = out.findings!.find((x) => x.fixes?.some((y) => y.id === 'inotify-raise-watches'))!;
      expect(f.message).toContain(`fs.inotify.max_user_watches is ${now} now`);
      const value = Number(/max_user_watches=(\d+)/.exec((f.fixes!.find((y) => y.id === 'inotify-raise-watches') as { text: string }).text)![1]);
      expect(value).toBeGreaterThan(now);
      expect(value).toBe(raisedFrom(now, 524288));
      // The queue's overflow has a fix of its own now, and its own title.
      const q = out.findings!.find((x) => x.headline === 'inotify-queue')!;
      expect(q.fixes!.map((x) => x.id)).toContain('inotify-raise-queued-events');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('/etc/sysctl.conf setting the key', () => {
  const CONF = '#\n# tuned by hand\nvm.swappiness = 10\n fs/inotify/max_user_watches = 3000\nfs.inotify.max_user_instances=64\n';
  const linked = { path: '/etc/sysctl.d/99-sysctl.conf', text: CONF, linksTo: '/etc/sysctl.conf' };
  const conf = { path: '/etc/sysctl.conf', text: CONF };

  it("changes that file's line too (sysctl --system reads it last, whatever the drop-in's name), and the link to it is no reason for a zz- name", () => {
    const fix = raiseInotifyLimitFix('watches', 524288, [linked, conf]) as { text: string; detail: string };
    expect(fix.text).toContain(`> /etc/sysctl.d/60-inotify-watches.conf && sed -i -E`);
    expect(fix.text).toContain('/etc/sysctl.conf');
    expect(fix.detail).toContain('/etc/sysctl.conf sets it to 3000');
    // Another drop-in after 60- still gets outlasted by name.
    const both = raiseInotifyLimitFix('watches', 524288, [linked, conf, { path: '/etc/sysctl.d/99-zlocal.conf', text: `${KEY}=12\n` }]) as { text: string };
    expect(both.text).toContain('/etc/sysctl.d/zz-inotify-watches.conf');
    // Not set there: no sed.
    expect((raiseInotifyLimitFix('instances', 1024, [{ path: '/etc/sysctl.conf', text: 'vm.swappiness=10\n' }]) as { text: string }).text).not.toContain('sed');
  });

  it('the sed line it types rewrites the key however it was written, and nothing else', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sysctl-conf-'));
    try {
      const f = path.join(dir, 'sysctl.conf');
      writeFileSync(f, CONF);
      const fix = raiseInotifyLimitFix('watches', 524288, [linked, conf]) as { text: string };
      const sed = fix.text.slice(fix.text.indexOf('sed -i')).replace('/etc/sysctl.conf', f);
      execFileSync('bash', ['-c', sed]);
      expect(readFileSync(f, 'utf8')).toBe('#\n# tuned by hand\nvm.swappiness = 10\nfs.inotify.max_user_watches=524288\nfs.inotify.max_user_instances=64\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
