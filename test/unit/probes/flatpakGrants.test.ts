// Is a host path visible inside a Flatpak sandbox with these [Context] filesystems= entries
// (flatpak-metadata(5), flatpak-context.c flatpak_context_export), and does a "permission denied"
// on a path it does not expose become the sandbox's cause, explaining the fs-access symptom?
// The sandbox host is test/fixtures/hosts/flatpak-code (VS Code's Flathub finish-args).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { filesystemGrant, flatpakAccessFindings, grantFixId, parseUserDirs, sandboxRefusal, type Grant, type Need } from '../../../src/probes/flatpakGrants.js';
import { ToExtensionSchema } from '../../../src/protocol/panel.js';
import { goplsLogsProbe } from '../../../src/probes/goplsLogs.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { Host } from '../../../src/host/host.js';
import { FindingSchema } from '../../../src/doctor/model.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { makeCtx } from '../../support/probeContext.js';

const places = { home: '/home/dev', runtimeDir: '/run/user/1000', appId: 'com.visualstudio.code' };
const yes = (by: string, mode: 'rw' | 'ro' = 'rw'): Grant => ({ granted: true, by, mode });
const no: Grant = { granted: false };

const GRANTS: Array<[string, string[], Grant]> = [
  // home: $HOME and below, nothing else.
  ['/home/dev/go/pkg/mod', ['home'], yes('home')],
  ['/home/other/x', ['home'], no],
  ['/opt/go', ['home'], no],
  // host: every top-level folder but those flatpak keeps (tmp, var, run, root, …), and /run/media.
  ['/home/dev/go', ['host'], yes('host')],
  ['/opt/go/bin', ['host'], yes('host')],
  ['/srv/ws', ['host'], yes('host')],
  ['/run/media/dev/usb/ws', ['host'], yes('host')],
  ['/var/lib/gopath', ['host'], no],
  ['/tmp/go-build1', ['host'], no],
  ['/root/go', ['host'], no],
  ['/run/user/1000/x', ['host'], no],
  // Never at their own path, whatever is granted: the sandbox's runtime is there.
  ['/usr/local/go/pkg', ['host'], { granted: false, reserved: '/usr' }],
  ['/etc/ssl/certs', ['host', 'host-etc'], { granted: false, reserved: '/etc' }],
  ['/lib64/ld-linux-x86-64.so.2', ['host-os'], { granted: false, reserved: '/lib64' }],
  // host-os and host-etc: under /run/host.
  ['/run/host/usr/local/go', ['host-os'], yes('host-os')],
  ['/run/host/etc/passwd', ['host-etc'], yes('host-etc')],
  ['/run/host/etc/passwd', ['host-os'], no],
  // xdg-*: the XDG directory, or a folder below it.
  ['/home/dev/.config/gtk-3.0/settings.ini', ['xdg-config/gtk-3.0'], yes('xdg-config/gtk-3.0')],
  ['/home/dev/.config/go/env', ['xdg-config/gtk-3.0'], no],
  ['/home/dev/.cache/go-build/00', ['xdg-cache'], yes('xdg-cache')],
  ['/home/dev/Downloads/x.go', ['xdg-download'], yes('xdg-download')],
  ['/run/user/1000/gopls.sock', ['xdg-run/gopls.sock'], yes('xdg-run/gopls.sock')],
  // ~/x and /abs.
  ['/home/dev/go/pkg', ['~/go'], yes('~/go')],
  ['/home/dev/gox', ['~/go'], no],
  ['/var/lib/gopath/src', ['/var/lib/gopath'], yes('/var/lib/gopath')],
  // :ro, :rw, :create.
  ['/home/dev/go', ['~/go:ro'], yes('~/go:ro', 'ro')],
  ['/opt/go', ['/opt/go:create'], yes('/opt/go:create')],
  ['/opt/go', ['/opt/go:rw'], yes('/opt/go:rw')],
  // The more specific entry wins, as the deeper bind mount does.
  ['/home/dev/go/pkg', ['home', '~/go:ro'], yes('~/go:ro', 'ro')],
  ['/home/dev/src', ['home', '~/go:ro'], yes('home')],
  ['/home/dev/.config/kdeglobals', ['host', 'xdg-config/kdeglobals:ro'], yes('xdg-config/kdeglobals:ro', 'ro')],
  // !negation takes a grant away (a later entry for the same filesystem replaces the earlier).
  ['/home/dev/go', ['home', '!home'], { granted: false, hiddenBy: '!home' }],
  ['/home/dev/secret/k', ['home', '!~/secret'], { granted: false, hiddenBy: '!~/secret' }],
  ['/home/dev/go', ['!home', 'home'], yes('home')],
  // The app's own ~/.var/app/ID is always there.
  ['/home/dev/.var/app/com.visualstudio.code/config', [], yes("(the app's own ~/.var/app/com.visualstudio.code)")],
  // …and bound again at /var/cache, /var/data, /var/config and /var/tmp (flatpak-run.c); the rest of /var is the runtime's.
  ['/var/cache/go-build', ['host'], yes("(the app's own /var/cache, ~/.var/app/com.visualstudio.code/cache)")],
  ['/var/tmp/go-build1', [], yes("(the app's own /var/tmp, ~/.var/app/com.visualstudio.code/cache/tmp)")],
  ['/var/cachex/go', ['host'], no],
  // Nothing granted, an unknown word, a reset.
  ['/home/dev/go', [], no],
  ['/home/dev/go', ['xdg-nonsense', 'host:reset'], no],
];

describe('filesystemGrant', () => {
  it.each(GRANTS)('%s with %j', (p, fs, want) => {
    expect(filesystemGrant(p, fs, places)).toEqual(want);
  });
});

// Is a refusal on this path, needing this access, the sandbox's? undefined: not the sandbox's doing.
const REFUSALS: Array<[string, Need, string[], Grant | undefined]> = [
  // Exposed read-write: the refusal is the host's.
  ['/home/dev/go', 'write', ['home'], undefined],
  ['/opt/go', 'write', ['host'], undefined],
  // Not exposed, taken away, or the runtime's own: the sandbox's.
  ['/var/lib/gopath', 'write', ['host'], no],
  ['/var/lib/gopath', 'read', ['host'], no],
  ['/opt/go', 'read', ['home'], no],
  ['/home/dev/go', 'write', ['home', '!~/go'], { granted: false, hiddenBy: '!~/go' }],
  ['/usr/local/gopath', 'write', ['host'], { granted: false, reserved: '/usr' }],
  // Read-only: enough to read, not to write.
  ['/home/dev/go', 'read', ['~/go:ro'], undefined],
  ['/home/dev/go/pkg/mod', 'write', ['home', '~/go:ro'], yes('~/go:ro', 'ro')],
  // The Go SDK extension's tree is the sandbox's own Go (GOROOT=/usr/lib/sdk/golang): never a missing grant.
  ['/usr/lib/sdk/golang', 'read', ['host'], undefined],
  ['/usr/lib/sdk/golang/pkg/tool/linux_amd64', 'write', [], undefined],
  ['/usr/lib/sdkx/go', 'write', ['host'], { granted: false, reserved: '/usr' }],
];

describe('sandboxRefusal', () => {
  it.each(REFUSALS)('%s (%s) with %j', (p, need, fs, want) => {
    expect(sandboxRefusal(p, need, fs, places)).toEqual(want);
  });
});

describe('flatpakAccessFindings', () => {
  const info = { source: '/.flatpak-info', excerpt: '[Context]\nfilesystems=home;' };
  const line = (p: string, op?: string) => ({ path: p, ...(op ? { op } : {}), source: 'gopls.log', line: 4, excerpt: `go: ${op ?? 'open'} ${p}: permission denied` });

  it('a path the grants do not cover: an env-inheritance cause that explains fs-access, naming the path and the missing grant, with flatpak override typed', () => {
    const [f] = flatpakAccessFindings({ app: 'com.visualstudio.code', filesystems: ['home'], infoEvidence: info, places, denied: [line('/var/lib/gopath', 'mkdir')] }).map((x) => FindingSchema.parse(x));
    expect(f).toMatchObject({ classId: 'env-inheritance', severity: 'warning', explains: ['fs-access'] });
    expect(f!.message).toContain('whose filesystem grants do not cover it (filesystems=home): /var/lib/gopath is refused');
    expect(f!.message).toContain('the missing grant is --filesystem=/var/lib/gopath');
    expect(f!.evidence).toEqual([{ source: 'gopls.log', line: 4, excerpt: 'go: mkdir /var/lib/gopath: permission denied' }, info]);
    expect(f!.fixes[0]).toMatchObject({ id: 'flatpak-grant-filesystem-var-lib-gopath', kind: 'terminal', text: 'flatpak override --user --filesystem=/var/lib/gopath com.visualstudio.code', needsRoot: false });
  });

  it('a file in a Go directory asks for all of it; a file elsewhere for its folder', () => {
    const fs = flatpakAccessFindings({ app: 'a.b.C', filesystems: [], infoEvidence: info, places, denied: [line('/var/go/pkg/mod/cache/lock'), line('/data/ws/main.go')], goDirs: ['/var/go', '/var/go/pkg/mod'] });
    expect(fs.map((f) => (f.fixes![0] as { text: string }).text)).toEqual(['flatpak override --user --filesystem=/var/go/pkg/mod a.b.C', 'flatpak override --user --filesystem=/data/ws a.b.C']);
  });

  it('granted read-write: nothing (the refusal is the host\'s); read-only: said so', () => {
    expect(flatpakAccessFindings({ app: 'a.b.C', filesystems: ['home'], infoEvidence: info, places, denied: [line('/home/dev/go/x')] })).toEqual([]);
    const [ro] = flatpakAccessFindings({ app: 'a.b.C', filesystems: ['~/go:ro'], infoEvidence: info, places, denied: [line('/home/dev/go/x')] });
    expect(ro!.message).toContain('exposes it read-only (~/go:ro)');
  });

  it('in the Go SDK extension (/usr/lib/sdk/golang): nothing, the refusal is not a grant\'s', () => {
    expect(flatpakAccessFindings({ app: 'a.b.C', filesystems: ['host'], infoEvidence: info, places, denied: [line('/usr/lib/sdk/golang/pkg/tool/linux_amd64/x', 'open')] })).toEqual([]);
  });

  it('two folders, two grants, each fix with its own id (a cause lists its fixes by id)', () => {
    const fs = flatpakAccessFindings({ app: 'a.b.C', filesystems: [], infoEvidence: info, places, denied: [line('/var/go', 'mkdir'), line('/srv/cache', 'mkdir')] });
    expect(fs.map((f) => f.fixes![0]!.id)).toEqual(['flatpak-grant-filesystem-var-go', 'flatpak-grant-filesystem-srv-cache']);
  });

  it('under /usr: no grant helps; said, with no override to type', () => {
    const [f] = flatpakAccessFindings({ app: 'a.b.C', filesystems: ['host'], infoEvidence: info, places, denied: [line('/usr/local/go/pkg/tool/x', 'open')] });
    expect(f!.message).toContain('where /usr is the sandbox\'s own');
    expect(f!.fixes!.filter((x) => x.id.startsWith('flatpak-grant-filesystem'))).toEqual([]);
  });
});

describe('the gopls-logs probe inside the flatpak-code sandbox (fixture host)', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ged-flatpak-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const env = { HOME: '/home/dev', FLATPAK_ID: 'com.visualstudio.code' };
  function ctx(log: string, root = 'test/fixtures/hosts/flatpak-code'): ProbeContext {
    return makeCtx({ host: new Host({ root, pid: 1, uid: 1000 }), env, goplsLogs: [log] });
  }
  async function rank(lines: string[]) {
    const log = path.join(tmp, `${lines.length}-${Math.random().toString(36).slice(2)}.log`);
    writeFileSync(log, `${lines.join('\n')}\n`);
    const r = await goplsLogsProbe.run(ctx(log));
    const fs = (r.findings ?? []).map((f) => FindingSchema.parse({ ...f, probeId: 'gopls-logs' }));
    return { fs, causes: rankCauses(fs) };
  }

  it('"mkdir /var/lib/gopath: permission denied" (filesystems=host keeps /var): the sandbox explains it and comes first', async () => {
    const { fs, causes } = await rank(['go: mkdir /var/lib/gopath: permission denied']);
    const sandbox = fs.find((f) => f.classId === 'env-inheritance')!;
    expect(sandbox.message).toContain('Flatpak sandbox (com.visualstudio.code)');
    expect(sandbox.message).toContain('/var/lib/gopath is refused');
    expect(sandbox.evidence.at(-1)).toEqual({ source: '/.flatpak-info', excerpt: '[Context]\nfilesystems=host;xdg-config/gtk-3.0;xdg-config/kdeglobals:ro;' });
    expect(causes[0]!.id).toBe('env-inheritance');
    const denied = causes.find((c) => c.id === 'fs-access')!.findings.find((f) => f.role === 'symptom')!;
    expect(denied.explainedBy).toEqual(['env-inheritance']);
  });

  it('"open /home/dev/go/pkg/mod/…: permission denied" (granted by host): no sandbox finding, the symptom stays fs-access\'s, unexplained', async () => {
    const { fs, causes } = await rank(['go: open /home/dev/go/pkg/mod/cache/download/x/@v/list: permission denied']);
    expect(fs.some((f) => f.classId === 'env-inheritance')).toBe(false);
    expect(causes[0]!.id).toBe('fs-access');
    expect(causes[0]!.findings[0]!.unexplained!.checks.map((c) => c.check)).toContain("a Flatpak sandbox's filesystem grants (/.flatpak-info [Context] filesystems=) against the refused path");
  });

  it('outside a sandbox (no /.flatpak-info) nothing changes', async () => {
    const log = path.join(tmp, 'plain.log');
    writeFileSync(log, 'go: mkdir /var/lib/gopath: permission denied\n');
    const r = await goplsLogsProbe.run(ctx(log, 'test/fixtures/hosts/none'));
    expect((r.findings ?? []).some((f) => f.classId === 'env-inheritance')).toBe(false);
  });
});

describe('the grant fix id', () => {
  it('names the folder, and a long path still fits the panel (ids of at most 200 characters), one id per folder', () => {
    expect(grantFixId('/var/lib/gopath')).toBe('flatpak-grant-filesystem-var-lib-gopath');
    const deep = `/srv/${'very-long-folder-name/'.repeat(12)}`;
    const a = grantFixId(`${deep}a`);
    const b = grantFixId(`${deep}b`);
    expect(a).not.toBe(b);
    for (const fixId of [a, b]) expect(ToExtensionSchema.safeParse({ type: 'applyFix', causeId: 'env-inheritance', fixId }).success).toBe(true);
  });
});

describe("the user's own XDG user directories (user-dirs.dirs)", () => {
  // As xdg-user-dirs-update writes it, in a French locale.
  const text = [
    '# This file is written by xdg-user-dirs-update',
    'XDG_DESKTOP_DIR="$HOME/Bureau"',
    'XDG_DOWNLOAD_DIR="$HOME/Téléchargements"',
    'XDG_TEMPLATES_DIR="$HOME/"',
    'XDG_PUBLICSHARE_DIR="$HOME"',
    'XDG_DOCUMENTS_DIR="/data/docs"',
    'XDG_MUSIC_DIR=relative/not/quoted',
  ].join('\n');
  it('are read as flatpak names them; $HOME itself means none', () => {
    expect(parseUserDirs(text, '/home/dev')).toEqual({ 'xdg-desktop': '/home/dev/Bureau', 'xdg-download': '/home/dev/Téléchargements', 'xdg-documents': '/data/docs' });
  });
  it('decide what xdg-download grants', () => {
    const fr = { ...places, userDirs: parseUserDirs(text, '/home/dev') };
    expect(filesystemGrant('/home/dev/Téléchargements/x.go', ['xdg-download'], fr)).toMatchObject({ granted: true });
    expect(filesystemGrant('/home/dev/Downloads/x.go', ['xdg-download'], fr)).toMatchObject({ granted: false });
    expect(filesystemGrant('/data/docs/go/x.go', ['xdg-documents/go'], fr)).toMatchObject({ granted: true });
  });
});
