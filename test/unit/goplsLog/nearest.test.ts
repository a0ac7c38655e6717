// The nearest real report (resemblance/nearest.ts): when no rule, no mechanism and no clear lean of
// the word model names a cause, a text nearly the same as one tuning report takes that report's
// class as a hint, with the report's thread. Toy tables here; the shipped one is checked against
// the tuning half in test/corpus/corpus.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { parseModel, resemble, swapShippedModel } from '../../../src/goplsLog/resemblance/classify.js';
import { MIN_SIMILARITY, nearestReport, parseReports, swapShippedReports } from '../../../src/goplsLog/resemblance/nearest.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { AGREED_GUESS_CONFIDENCE, findingsOf } from '../../../src/probes/goplsLogs.js';
import { FindingSchema, type Finding } from '../../../src/doctor/model.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { matchRules } from '../../../src/goplsLog/rules.js';

// Vocabulary (sorted): 0 failed, 1 overlay, 2 snapshot, 3 the, 4 toolchain, 5 unpack, 6 vendor.
// Every label's counts are even, so the word model leans nowhere clearly and only the reports decide.
const labels = ['module-resolution', 'noexec-mount', 'negative'] as const;
const words = ['failed', 'overlay', 'snapshot', 'the', 'toolchain', 'unpack', 'vendor'];
const model = parseModel(labels, [10, 10, 10], words.map((w) => `${w} 5 5 5`).join('\n'));
const rows: Array<readonly [string, (typeof labels)[number], string]> = [
  ['https://example.invalid/a/1', 'noexec-mount', '0,1,3,5'], // failed overlay the unpack
  ['https://example.invalid/b/2', 'module-resolution', '0,3,4,6'], // failed the toolchain vendor
  ['https://example.invalid/c/3', 'negative', '2,3'], // snapshot the
  ['https://example.invalid/d/4', 'module-resolution', '3'], // the
];
const table = parseReports(rows, model);

describe('nearestReport', () => {
  it('the report sharing most of the words, weighed by how rare they are, with the rarest shared words as the reason', () => {
    const n = nearestReport(['failed', 'overlay', 'unpack', 'the'], table)!;
    expect(n).toMatchObject({ classId: 'noexec-mount', url: 'https://example.invalid/a/1', similarity: 1 });
    expect(n.words.slice(0, 2).sort()).toEqual(['overlay', 'unpack']);
    expect(nearestReport(['failed', 'toolchain', 'vendor'], table)).toMatchObject({ classId: 'module-resolution', url: 'https://example.invalid/b/2' });
  });

  it('a common word shared with a short report does not make them alike', () => {
    // "the" is in every report but one: sharing it and "failed" with report a is less than half its weight.
    expect(nearestReport(['the', 'failed'], table)).toBeUndefined();
    expect(nearestReport(['the', 'failed'], table, 0)).toBeDefined();
  });

  it('nearest to a harmless report, or too far from every report, or no known word: no guess', () => {
    expect(nearestReport(['snapshot', 'the'], table, 0)).toBeUndefined();
    // Words outside the vocabulary weigh nothing either way (the analyzer keeps only the vocabulary's).
    expect(nearestReport(['overlay', 'unpack', 'failed', 'the', 'zebra'], table)).toMatchObject({ url: 'https://example.invalid/a/1', similarity: 1 });
    expect(nearestReport(['zebra', 'quux'], table, 0)).toBeUndefined();
    expect(nearestReport([], table, 0)).toBeUndefined();
    expect(MIN_SIMILARITY).toBeGreaterThan(0);
    expect(MIN_SIMILARITY).toBeLessThanOrEqual(1);
  });

  it('a row naming a word outside the vocabulary is refused, with the report named', () => {
    expect(() => parseReports([['https://example.invalid/x', 'negative', 'z']], model)).toThrow(/example\.invalid\/x names word 35 of 7/);
  });
});

describe('the finding: one similar report, as weak as a guess from words', () => {
  afterAll(() => {
    swapShippedModel(undefined);
    swapShippedReports(undefined);
  });
  const findings = (text: string) => findingsOf('/logs/gopls.log', analyzeText(text)).map((f) => FindingSchema.parse(f) as Finding);
  const text = 'overlay unpack failed\nthe build stopped\n';

  it('no rule knows the line (else this would test the rules)', () => {
    expect(matchRules('overlay unpack failed', {})).toEqual([]);
  });

  it("names the report's class and thread as a warning hint, and ranks as one", () => {
    swapShippedModel(model);
    swapShippedReports(table);
    const fs = findings(text);
    const hint = fs.find((f) => f.headline === 'resembles-reports');
    expect(hint).toMatchObject({ classId: 'noexec-mount', severity: 'warning', role: 'symptom', confidence: 0.15 });
    expect(hint!.message).toContain('https://example.invalid/a/1');
    expect(hint!.message).toMatch(/A guess from one similar report, not a diagnosis/);
    expect(hint!.evidence[0]).toMatchObject({ line: 1, excerpt: 'overlay unpack failed' });
    // The thread is one click away.
    expect(hint!.fixes).toEqual([expect.objectContaining({ kind: 'link', url: 'https://example.invalid/a/1', title: 'Read the similar report' })]);
    expect(rankCauses(fs)[0]!.fixes.map((f) => f.id)).toContain(hint!.fixes[0]!.id);
    expect(rankCauses(fs).filter((c) => c.severity !== 'info').map((c) => c.id)).toEqual(['noexec-mount']);
  });

  it('without the reports, nothing is guessed (the word model leans nowhere)', () => {
    swapShippedModel(model);
    swapShippedReports(parseReports([], model));
    expect(findings(text).filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('two weak guesses that agree: a word model leaning, not clearly, and a report near, not near enough', () => {
  // "overlay" and "unpack" in 80 of 100 noexec-mount reports and 5 of the others': with both, the
  // words lean to noexec-mount by about 5.5 (below MIN_MARGIN, 8, above AGREED_MARGIN, 5).
  const leaning = parseModel(labels, [100, 100, 100], ['failed 50 50 50', 'overlay 5 80 5', 'snapshot 50 50 50', 'the 50 50 50', 'toolchain 50 50 50', 'unpack 5 80 5', 'vendor 50 50 50'].join('\n'));
  // The noexec-mount report shares overlay and unpack, not its other words: 0.44 of the weight
  // (below MIN_SIMILARITY, 0.5, above AGREED_SIMILARITY, 0.25).
  const near = (label: (typeof labels)[number]) =>
    parseReports(
      [
        ['https://example.invalid/a/1', label, '1,2,4,5,6'],
        ['https://example.invalid/b/2', 'module-resolution', '0,3,4'],
        ['https://example.invalid/c/3', 'negative', '2,3'],
      ],
      leaning,
    );
  afterAll(() => {
    swapShippedModel(undefined);
    swapShippedReports(undefined);
  });
  const findings = (text: string) => findingsOf('/logs/gopls.log', analyzeText(text)).map((f) => FindingSchema.parse(f) as Finding);
  const hintOf = (fs: Finding[]) => fs.find((f) => f.headline === 'resembles-reports');
  const closed = '[Info  - 10:15:12 AM] Connection to server got closed. Server will restart.';
  const text = 'overlay unpack failed\nthe build stopped\n';

  it('neither alone clears its own bar', () => {
    expect(resemble(['overlay', 'unpack', 'failed'], leaning)).toBeUndefined();
    expect(resemble(['overlay', 'unpack', 'failed'], leaning, 5)?.classId).toBe('noexec-mount');
    expect(nearestReport(['overlay', 'unpack', 'failed'], near('noexec-mount'))).toBeUndefined();
    expect(nearestReport(['overlay', 'unpack', 'failed'], near('noexec-mount'), 0.25)).toMatchObject({ classId: 'noexec-mount' });
  });

  it('together: a hint weaker than either, with the thread, that says both readings agree and comes before gopls\'s bare death', () => {
    swapShippedModel(leaning);
    swapShippedReports(near('noexec-mount'));
    for (const log of [text, `${text}${closed}\n`]) {
      const fs = findings(log);
      expect(hintOf(fs), log).toMatchObject({ classId: 'noexec-mount', severity: 'warning', role: 'symptom', confidence: AGREED_GUESS_CONFIDENCE });
      expect(hintOf(fs)!.message).toMatch(/lean, if only slightly.*https:\/\/example\.invalid\/a\/1.*A weak guess on which two readings agree/);
      expect(hintOf(fs)!.fixes).toEqual([expect.objectContaining({ kind: 'link', url: 'https://example.invalid/a/1' })]);
      expect(rankCauses(fs).filter((c) => c.severity !== 'info')[0]!.id).toBe('noexec-mount');
    }
    expect(AGREED_GUESS_CONFIDENCE).toBeLessThan(0.15);
  });

  it('when the nearest report is of another class than the words lean to, nothing is guessed', () => {
    swapShippedModel(leaning);
    swapShippedReports(near('module-resolution'));
    expect(hintOf(findings(text))).toBeUndefined();
  });

  it('when a rule already says how gopls failed (here the client could not start it), the weak guess stays out', () => {
    swapShippedModel(leaning);
    swapShippedReports(near('noexec-mount'));
    const fs = findings(`[Error - 10:00:00 AM] Starting client failed\n${text}`);
    expect(fs.some((f) => f.classId === 'gopls-launch' && f.severity !== 'info')).toBe(true);
    expect(hintOf(fs)).toBeUndefined();
  });
});
