// Each gopls-log rule says whether its line is an observed symptom or a cause (TAXONOMY,
// "Symptoms and causes"); the findings built from a log carry that role.
import { describe, expect, it } from 'vitest';
import { RULES, matchRules } from '../../../src/goplsLog/rules.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';

describe('rule roles', () => {
  it('every symptom rule names the kind of symptom, and no cause rule does', () => {
    for (const r of RULES) {
      if (r.role === 'symptom') expect(r.symptom, r.id).toBeDefined();
      else expect(r.symptom, r.id).toBeUndefined();
    }
  });

  const table: Array<{ line: string; role: 'symptom' | 'cause'; kind?: string }> = [
    { line: '[Error - 10:01:02 AM] Connection to server got closed. Server will restart.', role: 'symptom', kind: 'died' },
    { line: 'go: error obtaining buildID for go tool compile: signal: killed', role: 'symptom', kind: 'killed' },
    { line: 'runtime: failed to create new OS thread (have 11 already; errno=11)', role: 'symptom', kind: 'thread-create' },
    { line: 'fork/exec /tmp/go-build123/b001/x.test: permission denied', role: 'symptom', kind: 'exec-denied' },
    { line: 'err: exit status 1: stderr: go: go.mod file not found in current directory or any parent directory', role: 'cause' },
    { line: 'failed to start watch: inotify_add_watch /w: no space left on device', role: 'cause' },
  ];
  for (const t of table) {
    it(`${t.role}${t.kind ? ` (${t.kind})` : ''}: ${t.line.slice(0, 60)}`, () => {
      const rules = matchRules(t.line);
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.every((r) => (r.role ?? 'cause') === t.role)).toBe(true);
      if (t.kind) expect(rules.map((r) => r.symptom)).toContain(t.kind);
    });
  }

  it('a log finding carries the role and kind of its rule', () => {
    const s = analyzeText('[Error - 10:01:02 AM] Connection to server got closed. Server will restart.\n');
    const fs = findingsOf('gopls.log', s);
    expect(fs).toEqual([expect.objectContaining({ classId: 'gopls-launch', role: 'symptom', symptom: 'died' })]);
  });
});
