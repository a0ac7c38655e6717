// gopls's "no package metadata for file %s" (gopls/internal/golang/snapshot.go) in the shapes a log
// carries it: gopls's own trace reply line, vscode-languageclient's "Request … failed. Message:",
// a JSON record body, Neovim's and vim-go's echo. The rule reads it as a module-resolution symptom,
// and the file it names is parsed out for the machine check. Paths and names are made up.
import { describe, expect, it } from 'vitest';
import { matchRules } from '../../../src/goplsLog/rules.js';
import { filesWithoutPackage } from '../../../src/goplsLog/noPackageFile.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf, noPackageSaid } from '../../../src/probes/goplsLogs.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema } from '../../../src/doctor/model.js';

const ids = (line: string) => matchRules(line).map((r) => r.id);

const LINES: Array<[string, string[], string[]]> = [
  ['[Error - Received] 09:41:07.120 AM #12 no package metadata for file file:///srv/kit/cmd/tool/main.go', ['no-package-metadata'], ['/srv/kit/cmd/tool/main.go']],
  ['  Message: no package metadata for file file:///home/ana/src/lib/conv_test.go', ['no-package-metadata'], ['/home/ana/src/lib/conv_test.go']],
  ['[Trace - 10:00:00 AM] Received response \'textDocument/definition - (9)\' in 3ms. Request failed: no package metadata for file file:///opt/w/a.go (0).', ['no-package-metadata'], ['/opt/w/a.go']],
  ['Params: {"type":1,"message":"no package metadata for file file:///work/x/y.go\\n"}', ['no-package-metadata'], ['/work/x/y.go']],
  ['vim-go: no package metadata for file file:///data/my%20proj/z.go', ['no-package-metadata'], ['/data/my proj/z.go']],
  ['[ERROR][2024-05-01 10:00:00] ...lsp/handlers.lua:535\t"no package metadata for file file:///r/q.go"', ['no-package-metadata'], ['/r/q.go']],
  // A Windows editor's file, another host's, not a Go file: the rule reads the line, no path is checked here.
  ['no package metadata for file file:///c%3A/Users/bo/x.go', ['no-package-metadata'], []],
  ['no package metadata for file file:///C:/Users/bo/x.go', ['no-package-metadata'], []],
  ['no package metadata for file file://build-host/srv/x.go', ['no-package-metadata'], []],
  ['no package metadata for file file:///srv/notes.tmpl', ['no-package-metadata'], []],
  // Near misses: gopls 2019's words (their own rule), a sentence about the message, the bug report form.
  ['no metadata for file:///srv/kit/main.go', ['old-gopls-no-file'], []],
  ['bug.Reportf("no metadata for %s", uri)', [], []],
  ['// gopls returns "no package metadata for file" here', [], []],
];

describe('"no package metadata for file": the rule and the file it names', () => {
  it.each(LINES)('%s', (line, rules, files) => {
    expect(ids(line)).toEqual(rules);
    expect(filesWithoutPackage(line)).toEqual(files);
  });

  it('two files on one line, and a sentence stop after the URI', () => {
    expect(filesWithoutPackage('no package metadata for file file:///a/b.go. Then: no package metadata for file file:///a/c.go')).toEqual(['/a/b.go', '/a/c.go']);
  });
});

describe('as a finding', () => {
  const log = [
    '[Error - 09:41:07 AM] Request textDocument/hover failed.',
    '  Message: no package metadata for file file:///srv/kit/gen/tables.go',
    '  Code: 0 ',
    '[Error - 09:41:09 AM] Request textDocument/completion failed.',
    '  Message: no package metadata for file file:///srv/kit/gen/tables.go',
    '  Code: 0 ',
  ].join('\n');

  it('a module-resolution no-build symptom (warning), not an unnamed error line; the file is kept once, counted twice', () => {
    const s = analyzeText(log);
    const all = findingsOf('gopls.log', s).map((f) => FindingSchema.parse(f));
    // The client's "Request … failed." headers belong to the messages under them, which a rule
    // names: no line is left as unnamed evidence.
    expect(all.filter((f) => f.unclassified)).toEqual([]);
    const fs = all.filter((f) => !f.unclassified);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ classId: 'module-resolution', severity: 'warning', role: 'symptom', symptom: 'no-build' });
    expect(fs[0]!.evidence.map((e) => e.line)).toEqual([2, 5]);
    expect(noPackageSaid('gopls.log', s)).toEqual([{ file: '/srv/kit/gen/tables.go', source: 'gopls.log', line: 2, excerpt: '  Message: no package metadata for file file:///srv/kit/gen/tables.go', count: 2 }]);
  });

  it('ranked alone it is an unexplained symptom that says where to look (the modules probe first)', () => {
    const [c] = rankCauses(findingsOf('gopls.log', analyzeText(log)).map((f) => FindingSchema.parse(f)));
    expect(c).toMatchObject({ id: 'module-resolution', severity: 'warning' });
    expect(c!.findings[0]!.unexplained!.checks[0]).toMatchObject({ probe: 'modules' });
  });
});
