import { describe, expect, it } from 'vitest';
import { rankCauses, scoreOf } from '../../../src/doctor/rank.js';
import { FindingSchema, type Finding, type FindingInput } from '../../../src/doctor/model.js';

const f = (x: Partial<FindingInput> & Pick<FindingInput, 'classId' | 'severity'>): Finding =>
  FindingSchema.parse({ confidence: 0.9, message: `${x.classId} ${x.severity}`, evidence: [{ source: 'test', excerpt: 'x' }], ...x });

describe('rankCauses', () => {
  const table: Array<{ name: string; in: Finding[]; want: string[] }> = [
    { name: 'no findings, no causes', in: [], want: [] },
    {
      name: 'an error outranks any number of warnings',
      in: [f({ classId: 'fs-access', severity: 'warning', confidence: 1 }), f({ classId: 'fs-access', severity: 'warning', confidence: 1 }), f({ classId: 'noexec-mount', severity: 'error', confidence: 0.3 })],
      want: ['noexec-mount', 'fs-access'],
    },
    {
      name: 'within a severity, higher confidence first',
      in: [f({ classId: 'file-watch', severity: 'error', confidence: 0.6 }), f({ classId: 'memory-limit', severity: 'error', confidence: 0.95 })],
      want: ['memory-limit', 'file-watch'],
    },
    {
      name: 'two indications of one class combine above one stronger single one',
      in: [f({ classId: 'process-limit', severity: 'error', confidence: 0.7 }), f({ classId: 'process-limit', severity: 'error', confidence: 0.7 }), f({ classId: 'fs-access', severity: 'error', confidence: 0.85 })],
      want: ['process-limit', 'fs-access'],
    },
    {
      name: 'equal scores fall back to taxonomy order, deterministically',
      in: [f({ classId: 'mac-policy', severity: 'warning' }), f({ classId: 'gopls-launch', severity: 'warning' })],
      want: ['gopls-launch', 'mac-policy'],
    },
    {
      name: 'a cause that explains another is lifted above it',
      in: [f({ classId: 'gopls-launch', severity: 'error', confidence: 0.99 }), f({ classId: 'env-inheritance', severity: 'error', confidence: 0.8, explains: ['gopls-launch'] })],
      want: ['env-inheritance', 'gopls-launch'],
    },
    {
      name: 'a warning that claims to explain an error is not lifted over it',
      in: [f({ classId: 'gopls-launch', severity: 'error' }), f({ classId: 'env-inheritance', severity: 'warning', explains: ['gopls-launch'] })],
      want: ['gopls-launch', 'env-inheritance'],
    },
  ];
  for (const t of table) {
    it(t.name, () => {
      expect(rankCauses(t.in).map((c) => c.id)).toEqual(t.want);
    });
  }

  it('gives each cause its worst severity, its findings worst-first and its fixes once', () => {
    const fix = { id: 'sysctl', title: 'raise', kind: 'terminal' as const, text: 'sysctl x=1', needsRoot: true };
    const [cause] = rankCauses([
      f({ classId: 'file-watch', severity: 'info', message: 'limit read', fixes: [fix] }),
      f({ classId: 'file-watch', severity: 'error', message: 'exhausted', fixes: [fix] }),
    ]);
    expect(cause).toMatchObject({ id: 'file-watch', severity: 'error' });
    expect(cause!.findings.map((x) => x.message)).toEqual(['exhausted', 'limit read']);
    expect(cause!.fixes).toHaveLength(1);
    expect(cause!.title.length).toBeGreaterThan(0);
  });

  it('keeps scores inside 0..1 and inside the severity band', () => {
    expect(scoreOf([f({ classId: 'fs-access', severity: 'error', confidence: 1 })])).toBe(1);
    expect(scoreOf([f({ classId: 'fs-access', severity: 'warning', confidence: 1 })])).toBeLessThanOrEqual(0.6);
    expect(scoreOf([f({ classId: 'fs-access', severity: 'info', confidence: 1 })])).toBeLessThanOrEqual(0.3);
    expect(scoreOf([f({ classId: 'fs-access', severity: 'error', confidence: 0 })])).toBeGreaterThanOrEqual(0.6);
  });
});
