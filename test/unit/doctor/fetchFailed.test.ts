// A module download that failed ("no such host", 401/403, git without credentials) is a symptom
// only what blocks downloads explains (explain.ts fetch-failed). Before, a go.sum line missing for
// the same module "explained" it, and the one fix offered was go mod tidy, which fails for that
// very reason (tester's finding D13, 2026-12-05).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema, type Finding, type FindingInput } from '../../../src/doctor/model.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';

const LOG = path.resolve(__dirname, '../../fixtures/logs/trace-host-unresolved.rpc.log');
const fromLog = (): Finding[] => findingsOf('/logs/gopls.log', analyzeText(readFileSync(LOG))).map((x) => FindingSchema.parse(x));
const f = (x: FindingInput): Finding => FindingSchema.parse(x);
const tidy = { id: 'go-mod-tidy', kind: 'terminal' as const, title: 'Add the missing go.sum lines', text: 'go mod tidy', needsRoot: false };
// As moduleDownloads.ts files it: the go.sum line is missing, which is what the download was for.
const missingSum = f({ classId: 'module-resolution', severity: 'error', confidence: 0.9, message: 'go.sum has no checksum for gitlab.example.invalid/corp/lib v1.2.0', evidence: [{ source: 'go.sum', excerpt: '(absent)' }], fixes: [tidy] });
const fetchSymptom = (fs: Finding[]) => fs.find((x) => x.symptom === 'fetch-failed' && /reach a module proxy/.test(x.message));

describe('a failed module download (real gopls log: the private host has no DNS name)', () => {
  it('reads the DNS failure as a download symptom', () => {
    expect(fetchSymptom(fromLog())).toMatchObject({ classId: 'module-resolution', role: 'symptom' });
  });

  it('alone, it is titled by what was observed and says which checks would explain it, the online check among them', () => {
    const [first] = rankCauses(fromLog());
    expect(first).toMatchObject({ id: 'module-resolution', title: 'go cannot download the modules it needs' });
    expect(fetchSymptom(first!.findings)!.unexplained!.checks.map((c) => c.probe)).toEqual(['goproxy-online', 'module-downloads', 'module-downloads', 'module-downloads']);
  });

  it('is not explained by the missing go.sum line it was fetching for, and what gets the download through is offered before go mod tidy', () => {
    const [first] = rankCauses([...fromLog(), missingSum]);
    expect(first!.id).toBe('module-resolution');
    const s = fetchSymptom(first!.findings)!;
    expect(s.explainedBy).toBeUndefined();
    expect(s.unexplained).toBeDefined();
    const ids = first!.fixes.map((x) => x.id);
    expect(ids.indexOf('go-mod-tidy')).toBeGreaterThan(0);
    expect(first!.fixes[0]!.kind).toBe('link');
    // A missing go.sum line is a cause: the class keeps the class's own title.
    expect(first!.title).toBe('gopls cannot place your files in a module');
  });

  it('is explained by a cause that blocks downloads: GOPROXY=off, or a proxy variable the editor lacks (which then leads)', () => {
    const off = f({ classId: 'module-resolution', severity: 'error', confidence: 0.9, message: 'not in the module cache and GOPROXY=off forbids downloading', evidence: [{ source: 'go env', excerpt: 'GOPROXY=off' }], explains: ['module-resolution'] });
    expect(fetchSymptom(rankCauses([...fromLog(), off])[0]!.findings)!.explainedBy).toEqual(['module-resolution']);
    const proxyVar = f({ classId: 'env-inheritance', severity: 'warning', confidence: 0.8, message: 'HTTPS_PROXY is set in the login shell, not in the editor', evidence: [{ source: 'environment (editor)', excerpt: 'HTTPS_PROXY is unset' }], explains: ['module-resolution'] });
    const ranked = rankCauses([...fromLog(), proxyVar]);
    expect(ranked[0]!.id).toBe('env-inheritance');
    expect(fetchSymptom(ranked.find((c) => c.id === 'module-resolution')!.findings)!.explainedBy).toEqual(['env-inheritance']);
  });

  it('an environment finding that does not say it blocks downloads explains nothing there', () => {
    const preload = f({ classId: 'env-inheritance', severity: 'warning', confidence: 0.65, message: 'LD_PRELOAD library cannot be preloaded', evidence: [{ source: 'environment', excerpt: 'LD_PRELOAD=/x.so' }] });
    const ranked = rankCauses([...fromLog(), preload]);
    expect(fetchSymptom(ranked.find((c) => c.id === 'module-resolution')!.findings)!.explainedBy).toBeUndefined();
  });

  it('beside a symptom a failed download does not produce, the class keeps its own title', () => {
    const hang = f({ classId: 'module-resolution', severity: 'warning', confidence: 0.6, role: 'symptom', symptom: 'hang', message: 'go list hung', evidence: [{ source: 'x', excerpt: 'x' }] });
    expect(rankCauses([...fromLog(), hang])[0]!.title).toBe('gopls cannot place your files in a module');
  });

  it('a cause that blocks downloads (GOPROXY=off) offers its fix before the missing go.sum line\'s go mod tidy, which it makes fail', () => {
    const once = { id: 'go-mod-tidy-default-proxy', kind: 'terminal' as const, title: 'Download once', text: 'GOPROXY=https://proxy.golang.org,direct go mod tidy', needsRoot: false };
    // Listed after the go.sum finding, and less confident: the order of fixes is the blocker's, not the input's.
    const off = f({ classId: 'module-resolution', severity: 'error', confidence: 0.8, message: 'not in the module cache and GOPROXY=off forbids downloading', evidence: [{ source: 'go env', excerpt: 'GOPROXY=off' }], explains: ['module-resolution'], fixes: [once] });
    const [first] = rankCauses([missingSum, off]);
    expect(first!.fixes.map((x) => x.id)).toEqual(['go-mod-tidy-default-proxy', 'go-mod-tidy']);
  });

  it('a cause that blocks downloads (the online check\'s failed hop, GOPROXY=off) is titled by the downloads when it leads alone', () => {
    const hop = f({ classId: 'module-resolution', severity: 'error', confidence: 0.85, headline: 'module-downloads', explains: ['module-resolution'], message: 'the request to https://goproxy.corp failed at the DNS lookup', evidence: [{ source: 'GET https://goproxy.corp/x/@v/list', excerpt: 'ENOTFOUND' }] });
    const [first] = rankCauses([...fromLog(), hop]);
    expect(first).toMatchObject({ id: 'module-resolution', title: 'go cannot download the modules it needs' });
    expect(fetchSymptom(first!.findings)!.explainedBy).toEqual(['module-resolution']);
  });
});
