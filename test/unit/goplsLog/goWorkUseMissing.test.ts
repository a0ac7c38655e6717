// A go.work `use` of a folder that does not exist or holds no go.mod: the exact words of go1.26.8
// and gopls v0.23.0 (measured on the development VM: go build / go list in the workspace, and a
// gopls -rpc.trace on it) name rule gowork-use-missing, and its finding names the go.work, the
// folder and the go work command that drops it (probes/goWorkUseMissingFinding.ts).
import { describe, expect, it } from 'vitest';
import { matchRules } from '../../../src/goplsLog/rules.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { asGoWorkUseMissing, goWorkUsesOf } from '../../../src/probes/goWorkUseMissingFinding.js';
import { FindingSchema, type FindingInput } from '../../../src/doctor/model.js';

const ids = (line: string) => matchRules(line).map((r) => r.id);

describe('gowork-use-missing: the words, exactly as go and gopls print them', () => {
  const said: string[] = [
    // go1.26.8, in the go.work's folder, a sibling module's folder, and a folder whose GOWORK names a go.work elsewhere.
    'go: cannot load module gone listed in go.work file: open gone/go.mod: no such file or directory',
    'go: cannot load module ../gone listed in go.work file: open ../gone/go.mod: no such file or directory',
    'go: cannot load module ../nomod listed in go.work file: open ../nomod/go.mod: no such file or directory',
    'go: cannot load module ../../gowork-other/a listed in go.work file: open ../../gowork-other/a/go.mod: no such file or directory',
    // gopls v0.23.0 relaying go's stderr, and its own stat of the folder.
    '2026/12/06 06:55:36 initial workspace load failed: packages.Load error: err: exit status 1: stderr: go: cannot load module gone listed in go.work file: open gone/go.mod: no such file or directory',
    '2026/12/06 06:54:37 errors loading workspace: stat /tmp/h3/ws/gowork-other/a/go.mod: no such file or directory',
    '2026/12/06 06:55:36 warning: while diagnosing go.mod file: stat /tmp/h3/ws/wsgw/gone/go.mod: no such file or directory',
    '2026/12/06 06:55:36 warning: while diagnosing go.mod upgrades: stat /tmp/h3/ws/wsgw/gone/go.mod: no such file or directory',
    '2026/12/06 06:55:36 warning: while diagnosing vulnerabilities: stat /tmp/h3/ws/wsgw/gone/go.mod: no such file or directory',
    // gopls's diagnostic on the use line of go.work.
    'directory ./gone does not contain a module',
    'Params: {"uri":"file:///tmp/h3/ws/gowork-other/go.work","diagnostics":[{"range":{"start":{"line":3,"character":1},"end":{"line":3,"character":4}},"severity":1,"source":"go.work file","message":"directory ./a does not contain a module"}]}',
  ];
  it.each(said)('%s', (line) => {
    expect(ids(line)).toContain('gowork-use-missing');
    // The generic "go.mod or go.work cannot be used as written" says less: it yields.
    expect(ids(line)).not.toContain('go-mod-invalid');
  });

  const other: Array<[string, string]> = [
    // Another errno is another story; GOWORK naming a missing file is gowork-file-missing's.
    ['go: cannot load module gone listed in go.work file: open gone/go.mod: permission denied', 'go-mod-invalid'],
    ['go: reading go.work: open /tmp/nope.work: no such file or directory', 'gowork-file-missing'],
    ['go: example.com/x@v0.0.0 (replaced by ../x): reading ../x/go.mod: open /abs/x/go.mod: no such file or directory', 'replace-target-missing'],
  ];
  it.each(other)('not this rule: %s', (line, want) => {
    expect(ids(line)).not.toContain('gowork-use-missing');
    expect(ids(line)).toContain(want);
  });
  it('a stat of some other go.mod outside a workspace load says nothing of go.work', () => {
    expect(ids('stat /home/ann/app/go.mod: no such file or directory')).not.toContain('gowork-use-missing');
  });
});

describe('goWorkUsesOf: the go.work and the folders, from lines that each say part of it', () => {
  it('the go.work diagnostic names both; the stat and go\'s line are the same folder', () => {
    expect(goWorkUsesOf(['{"uri":"file:///w/go.work","diagnostics":[{"message":"directory ./gone does not contain a module"}]}', 'errors loading workspace: stat /w/gone/go.mod: no such file or directory', 'go: cannot load module gone listed in go.work file: open gone/go.mod: no such file or directory'])).toEqual({
      workFile: '/w/go.work',
      base: '/w',
      dirs: [{ abs: '/w/gone', written: './gone' }],
    });
  });
  it("go's name is resolved against the folder gopls ran it in (the record's directory=, escaped in a trace)", () => {
    const trace = 'Params: {"type":1,"message":"2026/12/05 go/packages.Load #1: err: exit status 1: stderr: go: cannot load module ../gone listed in go.work file: open ../gone/go.mod: no such file or directory\\n\\n\\tview_id=\\"1\\"\\n\\tsnapshot=0\\n\\tdirectory=/srv/ws/real\\n"}';
    expect(goWorkUsesOf([trace]).dirs).toEqual([{ abs: '/srv/ws/gone' }]);
  });
  it('the go.work\'s folder from a folder\'s path and its use line when no line names the file; several folders', () => {
    const u = goWorkUsesOf(['…"message":"directory ./a does not contain a module"}', '…"message":"directory ./lib/b does not contain a module"}', 'errors loading workspace: stat /x/other/a/go.mod: no such file or directory', 'warning: while diagnosing go.mod file: stat /x/other/lib/b/go.mod: no such file or directory']);
    expect(u.workFile).toBeUndefined();
    expect(u.base).toBe('/x/other');
    expect(u.dirs).toEqual([{ abs: '/x/other/a', written: './a' }, { abs: '/x/other/lib/b', written: './lib/b' }]);
  });
  it("only go's relative name: kept as said, no folder guessed", () => {
    expect(goWorkUsesOf(['go: cannot load module ../tools listed in go.work file: open ../tools/go.mod: no such file or directory'])).toEqual({ dirs: [{ said: '../tools' }] });
  });
});

describe('the finding', () => {
  const base: FindingInput = { classId: 'module-resolution', severity: 'error', confidence: 0.85, message: 'x', evidence: [{ source: 'gopls.log', line: 3, excerpt: 'x' }], fixes: [] };
  it('names the go.work and the folders, and drops them with go work edit in the go.work\'s folder', () => {
    const f = asGoWorkUseMissing(base, ['{"uri":"file:///w/go.work","diagnostics":[{"message":"directory ./gone does not contain a module"},{"message":"directory ../sib does not contain a module"}]}'], 2, 'gopls.log');
    expect(FindingSchema.safeParse({ ...f, probeId: 'gopls-logs' }).success).toBe(true);
    expect(f.message).toContain('/w/go.work uses /w/gone, /sib');
    expect(f.fixes![0]).toMatchObject({ kind: 'terminal', text: 'go work edit -dropuse=./gone -dropuse=../sib', cwd: '/w' });
    expect(f.fixes!.map((x) => x.id)).toEqual(['go-work-drop-missing', 'go-work-use-recursive', 'go-work-show']);
  });
  it('without the go.work, no command is typed that might edit another one: only the check', () => {
    const f = asGoWorkUseMissing(base, ['go: cannot load module ../tools listed in go.work file: open ../tools/go.mod: no such file or directory'], 1, 'gopls.log');
    expect(f.message).toContain('the go.work in effect');
    expect(f.fixes!.map((x) => x.id)).toEqual(['go-work-show']);
  });
  it('through the log probe: a real trace of a go.work using a missing folder', () => {
    const text = [
      'Params: {"type":1,"message":"2026/12/05 06:39:48 warning: while diagnosing go.mod file: stat /tmp/gedlog/workmiss/gone/go.mod: no such file or directory\\n\\tview_id=\\"1\\"\\n\\tsnapshot=0\\n\\tdirectory=/tmp/gedlog/workmiss\\n"}',
      'Params: {"uri":"file:///tmp/gedlog/workmiss/go.work","diagnostics":[{"range":{"start":{"line":4,"character":1},"end":{"line":4,"character":7}},"severity":1,"source":"go.work file","message":"directory ./gone does not contain a module"}]}',
    ].join('\n');
    const f = findingsOf('/logs/trace.log', analyzeText(text)).find((x) => /uses/.test(x.message))!;
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'error' });
    expect(f.role).toBeUndefined();
    expect(f.message).toContain('/tmp/gedlog/workmiss/go.work uses /tmp/gedlog/workmiss/gone');
    expect(f.fixes![0]).toMatchObject({ text: 'go work edit -dropuse=./gone', cwd: '/tmp/gedlog/workmiss' });
  });
});
