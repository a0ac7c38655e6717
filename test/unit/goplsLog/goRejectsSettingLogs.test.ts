// Real gopls v0.23.0 logs of go refusing a Go setting from go env's file (test/fixtures/logs/README.md
// says how each was made), read alone: the cause is headlined by what go said and the variable it
// names (not "The editor does not see the environment your shell sees", which a log cannot show),
// stays env-inheritance, and offers go env -u; on this machine go env's file is asked whether it holds it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema, type FindingInput } from '../../../src/doctor/model.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { rejectedIn, unsetInGoEnvFileFix, withGoEnvFileOrigin } from '../../../src/probes/goRejectsSettingFinding.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { renderText } from '../../../src/render/text.js';
import { reportOf } from '../../support/report.js';

const fixture = (name: string) => path.resolve(__dirname, '../../fixtures/logs', name);
const fromLog = (name: string): FindingInput[] => findingsOf(`/logs/${name}`, analyzeText(readFileSync(fixture(name))));
const report = (fs: FindingInput[]) => reportOf({ causes: rankCauses(fs.map((f) => FindingSchema.parse(f))), probes: [] });

describe('go refuses a setting, from the log alone', () => {
  it('GO111MODULE=maybe in go env\'s file: headlined in go\'s words, env-inheritance, go env -u as the fix', () => {
    const r = report(fromLog('trace-goenv-go111module.rpc.log'));
    const [first] = r.causes;
    expect(first).toMatchObject({ id: 'env-inheritance', severity: 'error', title: 'go refuses GO111MODULE=maybe: "go: unknown environment setting GO111MODULE=maybe"' });
    expect(first!.title).not.toContain('shell');
    const f = first!.findings[0]!;
    expect(f.message).toContain('go refuses GO111MODULE=maybe and stops before doing anything ("go: unknown environment setting GO111MODULE=maybe")');
    expect(f.evidence.map((e) => e.line)).toEqual([38, 42, 66, 70]);
    expect(first!.fixes[0]).toMatchObject({ kind: 'terminal', text: 'go env -u GO111MODULE' });
    const text = renderText(r, { color: false });
    expect(text).toContain('1. go refuses GO111MODULE=maybe: "go: unknown environment setting GO111MODULE=maybe" [env-inheritance, error');
    expect(text).toContain('/logs/trace-goenv-go111module.rpc.log:42');
    expect(text).toContain('$ go env -u GO111MODULE');
  });

  it('a -mod in GOFLAGS go does not know: go names the flag, the doctor the variable', () => {
    const [first] = report(fromLog('trace-goenv-goflags.rpc.log')).causes;
    expect(first).toMatchObject({ id: 'env-inheritance', title: `go refuses GOFLAGS (-mod=vendr): "-mod=vendr not supported (can be '', 'mod', 'readonly', or 'vendor')"` });
    expect(first!.fixes[0]).toMatchObject({ kind: 'terminal', text: 'go env -u GOFLAGS' });
  });
});

describe("on this machine, go env's file is asked whether it holds the value", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'goenv-'));
  it('it does: the file is named, quoted and the fix is certain', async () => {
    const file = path.join(dir, 'env');
    writeFileSync(file, 'GOFLAGS=-buildvcs=false\nGO111MODULE=maybe\n');
    const [f] = (await withGoEnvFileOrigin(fromLog('trace-goenv-go111module.rpc.log'), { GOENV: file, HOME: dir })).filter((x) => x.headline === 'go-rejects-setting');
    expect(f!.message).toContain(`Here go env's file ${file} sets GO111MODULE=maybe: go env -u removes it.`);
    expect(f!.evidence.at(-1)).toEqual({ source: file, excerpt: 'GO111MODULE=maybe' });
    expect(f!.fixes![0]).toMatchObject({ title: `Remove GO111MODULE from go's env file (${file})`, text: 'go env -u GO111MODULE' });
  });
  it('it does not, and the environment has it: go env -u, which would change nothing, is not offered', async () => {
    const file = path.join(dir, 'other-env');
    writeFileSync(file, 'GOFLAGS=-buildvcs=false\n');
    const [f] = (await withGoEnvFileOrigin(fromLog('trace-goenv-go111module.rpc.log'), { GOENV: file, HOME: dir, GO111MODULE: 'maybe' })).filter((x) => x.headline === 'go-rejects-setting');
    expect(f!.message).toContain('the environment the doctor was started with has GO111MODULE=maybe');
    expect(f!.fixes!.map((x) => x.id)).not.toContain('go-env-unset-go111module');
  });
});

// go env -u refuses GOWORK and cannot even start on an invalid one in the file (go1.26.8: exit 1),
// so the fix deletes the line; typed as offered, with the real go, it mends go and keeps the rest.
describe.skipIf(spawnSync('go', ['version']).status !== 0)('GOWORK go refuses, in go env\'s file', () => {
  const said = 'go: invalid GOWORK: not an absolute path';
  it.each([
    { known: true, lines: ['GOWORK=go.work', 'GOFLAGS=-buildvcs=false'] },
    { known: false, lines: ['GOFLAGS=-tags=integration', 'GOWORK=../rel/go.work', 'GOPROXY=off'] },
  ])('the file known to the doctor: $known', ({ known, lines }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gowork-file-'));
    const file = path.join(dir, 'env');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = rejectedIn([{ text: said }]);
    expect(r?.variable).toBe('GOWORK');
    const fix = unsetInGoEnvFileFix(r!, known ? file : undefined);
    expect(fix.kind).toBe('terminal');
    const text = (fix as { text: string }).text;
    expect(text).not.toContain('go env -u');
    const env = { ...process.env, GOENV: file, GOWORK: '', GOFLAGS: '' };
    expect(spawnSync('go', ['env', 'GOFLAGS'], { env, encoding: 'utf8' }).stderr).toContain(said);
    execFileSync('bash', ['-c', text], { env });
    const after = spawnSync('go', ['env', 'GOFLAGS', 'GOWORK'], { env, encoding: 'utf8', cwd: dir });
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout.split('\n')[0]).toBe(lines.find((l) => l.startsWith('GOFLAGS='))!.slice('GOFLAGS='.length));
    expect(readFileSync(file, 'utf8')).toBe(`${lines.filter((l) => !l.startsWith('GOWORK=')).join('\n')}\n`);
  });
});
