import { describe, expect, it } from 'vitest';
import type { Cause, Report } from '../../../src/doctor/model.js';
import { findFix } from '../../../src/vscode/fixLookup.js';

const cause = (id: Cause['id'], fixIds: string[]): Cause => ({
  id,
  score: 0.9,
  severity: 'error',
  title: id,
  explanation: '',
  findings: [{ classId: id, severity: 'error', confidence: 0.9, message: 'm', evidence: [{ source: 's', excerpt: 'e' }], fixes: [] }],
  fixes: fixIds.map((f) => ({ id: f, title: f, kind: 'terminal' as const, text: `echo ${f}`, needsRoot: false })),
});

const report = {
  causes: [cause('file-watch', ['inotify-raise-watches', 'watcher-exclude']), cause('noexec-mount', ['gotmpdir-toolsenv'])],
} as unknown as Report;

describe('findFix: the extension looks a fix up by ids in its own report', () => {
  it('finds the fix under its cause', () => {
    const r = findFix(report, 'file-watch', 'watcher-exclude');
    expect(r?.cause.id).toBe('file-watch');
    expect(r?.fix).toMatchObject({ id: 'watcher-exclude', text: 'echo watcher-exclude' });
  });

  it.each([
    ['a fix id under another cause', 'file-watch', 'gotmpdir-toolsenv'],
    ['an unknown fix id', 'noexec-mount', 'rm-rf'],
    ['a cause that is not in the report', 'mac-policy', 'gotmpdir-toolsenv'],
  ] as const)('finds nothing for %s', (_, causeId, fixId) => {
    expect(findFix(report, causeId, fixId)).toBeUndefined();
  });

  it('finds nothing without a report (a panel restored after a reload)', () => {
    expect(findFix(undefined, 'noexec-mount', 'gotmpdir-toolsenv')).toBeUndefined();
  });
});
