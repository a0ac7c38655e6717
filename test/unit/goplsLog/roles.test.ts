// Each gopls-log rule says whether its line is an observed symptom or a cause (TAXONOMY,
// "Symptoms and causes"); the findings built from a log carry that role.
import { describe, expect, it } from 'vitest';
import { RULES, matchRules } from '../../../src/goplsLog/rules.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema } from '../../../src/doctor/model.js';

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

  // The editor's word that running go failed is what it saw; the go command's own stderr after it
  // says why, and that reason comes first (corpus42's tuning text golang/vscode-go#3317).
  it("the editor's failed go run is a symptom, and the go command's reason after it goes first", () => {
    expect(matchRules("Failed to run '/usr/local/go/bin/go env' (cwd: /home/ann/src/app): Error: Command failed: /usr/local/go/bin/go env -json GOPATH")).toEqual([expect.objectContaining({ id: 'editor-go-run-failed', role: 'symptom' })]);
    const text = "Failed to run '/usr/local/go/bin/go env' (cwd: /home/ann/src/app): Error: Command failed: /usr/local/go/bin/go env -json GOPATH GOROOT\ngo: downloading go1.22 (linux/amd64)\ngo: download go1.22 for linux/amd64: toolchain not available\n";
    const causes = rankCauses(findingsOf('gopls.log', analyzeText(text)).map((f) => FindingSchema.parse({ ...f, probe: 'gopls-logs' })));
    expect(causes.map((c) => c.id)).toEqual(['module-resolution', 'env-inheritance']);
  });

  it('a log finding carries the role and kind of its rule', () => {
    const s = analyzeText('[Error - 10:01:02 AM] Connection to server got closed. Server will restart.\n');
    const fs = findingsOf('gopls.log', s);
    expect(fs).toEqual([expect.objectContaining({ classId: 'gopls-launch', role: 'symptom', symptom: 'died' })]);
  });
});
