// The runner's confusion lines (formatMissedAs): what came first instead on each miss, counts
// only, so a reader can tell a class whose texts name nothing from one that loses to another.
import { describe, expect, it } from 'vitest';
import { formatMissedAs, formatMissKinds, summarize, type ItemResult } from './corpus.js';

const r = (label: ItemResult['label'], form: ItemResult['form'], ok: boolean, more: Partial<ItemResult> = {}): ItemResult => ({ id: `x#1.${Math.random()}`, label, split: 'test', form, ok, errorClasses: [], ...more });

describe('misses by what came first instead', () => {
  it('counts nothing, another class, the label further down, and a negative’s error', () => {
    const s = summarize([
      r('gopls-launch', 'logfile', false),
      r('gopls-launch', 'logfile', false),
      r('gopls-launch', 'logfile', false, { top: 'module-resolution', labelAt: 1 }),
      r('gopls-launch', 'vscode', true, { top: 'gopls-launch', labelAt: 0 }),
      r('mac-policy', 'vscode', false, { top: 'fs-access' }),
      r('negative', 'logfile', false, { errorClasses: ['memory-limit'] }),
      r('negative', 'logfile', true),
    ]);
    expect(formatMissedAs(s).split('\n')).toEqual([
      '  gopls-launch logfile: 2 (nothing), 1 module-resolution (label #2)',
      '  mac-policy vscode: 1 fs-access',
      '  negative logfile: 1 error: memory-limit',
    ]);
  });

  it('says nothing when nothing was missed', () => {
    expect(formatMissedAs(summarize([r('file-watch', 'vscode', true, { top: 'file-watch', labelAt: 0 })]))).toBe('');
  });
});

describe('what the positives’ misses cost, beside top-1', () => {
  it('counts top-2, nothing named, and a wrong class first as an error, per form, positives only', () => {
    const s = summarize([
      r('gopls-launch', 'logfile', true, { top: 'gopls-launch', labelAt: 0, errorClasses: ['gopls-launch'] }),
      r('gopls-launch', 'logfile', false, { top: 'module-resolution', labelAt: 1 }),
      r('mac-policy', 'logfile', false, { top: 'fs-access', errorClasses: ['fs-access'] }),
      r('mac-policy', 'logfile', false, { top: 'fs-access', errorClasses: ['process-limit'] }),
      r('memory-limit', 'logfile', false),
      r('memory-limit', 'vscode', false, { top: 'gopls-launch', labelAt: 2 }),
      r('negative', 'logfile', false, { top: 'memory-limit', errorClasses: ['memory-limit'] }),
    ]);
    expect(s.positivesTop2).toEqual({ vscode: { n: 1, ok: 0 }, logfile: { n: 5, ok: 2 } });
    expect(s.positivesNothing).toEqual({ vscode: { n: 1, ok: 0 }, logfile: { n: 5, ok: 1 } });
    expect(s.positivesWrongError).toEqual({ vscode: { n: 1, ok: 0 }, logfile: { n: 5, ok: 1 } });
    expect(formatMissKinds(s).split('\n')[2]).toBe('  a wrong class named first, as an error: 0% (0/1) VS Code form, 20% (1/5) -logfile form');
  });
});
