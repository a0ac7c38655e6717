import { describe, expect, it } from 'vitest';
import { inShellTooWording, sameInLoginShell } from '../../../src/probes/sameInLoginShell.js';
import { goFailureReadings } from '../../../src/probes/goFailureReadings.js';
import type { FindingInput } from '../../../src/doctor/model.js';
import type { ProbeOutcome } from '../../../src/probes/probe.js';
import { makeCtx } from '../../support/probeContext.js';
import { headingOf } from '../../../src/doctor/heading.js';
import { FindingSchema } from '../../../src/doctor/model.js';

const env = { PATH: '/usr/bin:/bin', HOME: '/home/ci', GOFLAGS: '-mod=bogus' };
const finding: FindingInput = { classId: 'env-inheritance', severity: 'error', confidence: 0.95, message: 'GOFLAGS=-mod=bogus makes every go command fail', evidence: [{ source: 'go env', excerpt: 'GOFLAGS' }], fixes: [] };
const login = (e: Record<string, string>) => ({ ok: true as const, shell: '/bin/bash', env: e, commandLine: 'bash -l -i -c env' });
const headlines = async (loginEnv: Record<string, string> | undefined, outcome: ProbeOutcome = { findings: [finding] }) =>
  (await sameInLoginShell(makeCtx({ env, ...(loginEnv ? { loginShell: login(loginEnv) } : {}) }), outcome)).findings!.map((f) => f.headline);

describe('sameInLoginShell: an environment finding the login shell shares is not the launcher’s doing', () => {
  it('the login shell has the same Go variables and no go either (a CI container): go-environment', async () => {
    expect(await headlines({ ...env, PATH: '/usr/sbin:/usr/bin:/bin', SHLVL: '1' })).toEqual(['go-environment']);
    // …and the title the reader sees says so, not "desktop launcher".
    const f = FindingSchema.parse({ ...finding, headline: 'go-environment' });
    expect(headingOf('env-inheritance', [f], 'error').title).toBe('The Go environment is wrong here, in terminals as in the editor');
  });

  it.each([
    ['the login shell sets GOFLAGS otherwise', { ...env, GOFLAGS: '' }],
  ])('%s: left as it was', async (_, loginEnv) => {
    expect(await headlines(loginEnv)).toEqual([undefined]);
  });

  // The finding names GOFLAGS alone, which the login shell has as the editor does: a terminal's go
  // fails the same way whatever else differs (a tester's /etc/profile reset PATH, and an inherited
  // GOROOT was put down to the launcher).
  it.each([
    ['the login shell has GOPATH the editor lacks', { ...env, GOPATH: '/home/ci/go' }],
    ['the login shell finds go, the editor does not', { ...env, PATH: `${process.env.PATH}` }],
  ])('%s, and the finding is about GOFLAGS alone: go-environment', async (_, loginEnv) => {
    expect(await headlines(loginEnv)).toEqual(['go-environment']);
  });

  it('a finding about GOPATH where the login shell has another GOPATH: left as it was', async () => {
    const aboutGopath: FindingInput = { ...finding, message: 'GOPATH holds a relative entry ("gp")' };
    expect(await headlines({ ...env, GOPATH: '/home/ci/go' }, { findings: [aboutGopath] })).toEqual([undefined]);
  });

  it('a Go variable go.toolsEnvVars sets is not shared with terminals: left as it was', async () => {
    const out = await sameInLoginShell(makeCtx({ env, settings: { toolsEnvVarsKeys: ['GOFLAGS'] }, loginShell: login({ ...env }) }), { findings: [finding] });
    expect(out.findings!.map((f) => f.headline)).toEqual([undefined]);
  });

  it('no login shell read: left as it was; a finding with a headline of its own or of another class: untouched', async () => {
    expect(await headlines(undefined)).toEqual([undefined]);
    const other: FindingInput = { ...finding, headline: 'cgo-build' };
    const notEnv: FindingInput = { ...finding, classId: 'gopls-launch' };
    expect(await headlines({ ...env }, { findings: [other, notEnv] })).toEqual(['cgo-build', undefined]);
  });

  it("a follow-up's findings are titled the same way", async () => {
    const out = await sameInLoginShell(makeCtx({ env, loginShell: login({ ...env }) }), { findings: [], followUp: { title: 'late', outcome: Promise.resolve({ findings: [finding] }) } });
    expect((await out.followUp!.outcome).findings!.map((f) => f.headline)).toEqual(['go-environment']);
  });
});

// A log rule's reading of a live go failure blamed the launcher ("the editor was started without the
// environment the shell sets up") beside the go-env finding that no start-up file sets the value and
// the login shell has it too (a tester's relative GOPATH): where the login shell shares it, the
// reading says so instead.
describe('a go failure read by the log rules, where the login shell has the same value', () => {
  it.each([
    ['GOPATH entry is relative', 'gp', 'failed to load view for file:///w: err: exit status 2: stderr: go: GOPATH entry is relative; must be absolute path: "gp".'],
    ['GOPATH set to GOROOT', '/usr/local/go', 'go: warning: GOPATH set to GOROOT (/usr/local/go) has no effect'],
  ])('%s: shared, the launcher is not blamed; the login shell differs, the reading is kept', async (_, gopath, line) => {
    const readings = goFailureReadings([line], 'gopls (view error)');
    const envHere = { ...env, GOFLAGS: '', GOPATH: gopath };
    expect(readings.map((r) => r.classId)).toContain('env-inheritance');
    const launcher = /started without the environment/;
    expect(readings.some((r) => launcher.test(r.message))).toBe(true);
    const shared = (await sameInLoginShell(makeCtx({ env: envHere, loginShell: login({ ...envHere }) }), { findings: readings })).findings!;
    const gp = shared.find((f) => f.headline === 'go-environment')!;
    expect(gp.message).not.toMatch(launcher);
    expect(gp.message).toMatch(/as in your login shell.*\(1 line in gopls \(view error\)\)\.$/);
    const differs = (await sameInLoginShell(makeCtx({ env: envHere, loginShell: login({ ...envHere, GOPATH: '/home/ci/go' }) }), { findings: readings })).findings!;
    expect(differs.some((f) => launcher.test(f.message))).toBe(true);
  });

  it('a message no rule with such wording made is left as it is', () => {
    expect(inShellTooWording('GOFLAGS=-mod=bogus makes every go command fail')).toBe('GOFLAGS=-mod=bogus makes every go command fail');
  });
});

// The other launcher-blaming readings a live go or gopls failure can carry: HOME unset (go's own
// cache words) and a shell's "go: command not found". Told as the login shell's too only where the
// run measured it so; a login shell that differs keeps the launcher reading.
describe('more log readings the login shell agrees with', () => {
  it.each<[string, string, Record<string, string>, Record<string, string>, Record<string, string>, RegExp]>([
    [
      'HOME unset',
      'go: build cache is required, but could not be located: GOCACHE is not defined and neither $XDG_CACHE_HOME nor $HOME are defined',
      { PATH: '/usr/bin:/bin' },
      { PATH: '/usr/bin:/bin' },
      { PATH: '/usr/bin:/bin', HOME: '/root' },
      /and so is your login shell.*a terminal's go fails the same way/,
    ],
    // bash's words (go-binary-not-found) and zsh's (go-not-found-shells, whose words begin with the other's).
    ...['bash: line 1: go: command not found', 'zsh:1: command not found: go'].map((line) => [`go on no PATH: ${line}`, line, { PATH: '/nonexistent-s1', HOME: '/home/ci' }, { PATH: '/nonexistent-s1:/also-not', HOME: '/home/ci' }, { PATH: `${process.env.PATH}`, HOME: '/home/ci' }, /^The editor or a tool it ran could not find the go command on the PATH it was given, nor does your login shell: a terminal finds no go either \(1 line in go env\)\.$/] as [string, string, Record<string, string>, Record<string, string>, Record<string, string>, RegExp]),
  ])('%s: shared, said so; the login shell differs, the reading is kept', async (_, line, editorEnv, sameLogin, otherLogin, said) => {
    const readings = goFailureReadings([line], 'go env');
    const reading = readings.find((r) => r.classId === 'env-inheritance');
    expect(reading, JSON.stringify(readings)).toBeDefined();
    const shared = (await sameInLoginShell(makeCtx({ env: editorEnv, loginShell: login(sameLogin) }), { findings: [reading!] })).findings!;
    expect(shared[0]!.message).toMatch(said);
    expect(shared[0]!.headline).toBe('go-environment');
    const differs = (await sameInLoginShell(makeCtx({ env: editorEnv, loginShell: login(otherLogin) }), { findings: [reading!] })).findings!;
    expect(differs[0]!.message).toBe(reading!.message);
    expect(differs[0]!.headline).toBeUndefined();
  });
});
