// The leave-family-out check's seam (`npm run test:corpus -- --heldout --lfo`): a class's rules
// silenced read nothing, every other class's still do, and undefined restores them all.
import { afterEach, describe, expect, it } from 'vitest';
import { silenceRulesOf } from '../../../src/goplsLog/rules.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';

const ids = (text: string) => analyzeText(`${text}\n`).events.map((e) => e.classId);
const LINES = 'go: could not create module cache: mkdir /nonexistent: permission denied\nfailed to create fsnotify watcher: too many open files';

describe('silenceRulesOf', () => {
  afterEach(() => silenceRulesOf(undefined));

  it("silences one class's rules, line rules and environment-listing facts alike, and nothing else", () => {
    const all = ids(LINES);
    expect(all).toEqual(expect.arrayContaining(['fs-access', 'file-watch']));
    silenceRulesOf('fs-access');
    expect(ids(LINES)).not.toContain('fs-access');
    expect(ids(LINES)).toContain('file-watch');
    const listing = 'GOOS="windows"\nGOHOSTOS="linux"';
    expect(ids(listing)).toContain('env-inheritance');
    silenceRulesOf('env-inheritance');
    expect(ids(listing)).not.toContain('env-inheritance');
    silenceRulesOf(undefined);
    expect(ids(LINES)).toEqual(all);
  });
});
