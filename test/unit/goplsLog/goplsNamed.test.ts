// The fallback for failure lines that name gopls but that no rule knows (goplsNamed.ts): such a
// line says gopls itself failed, which is the gopls-launch symptom, as a warning below every rule
// and every named mechanism. Lines written for this test in the shapes LSP clients and installers
// use (a client's name, a level, the server's name, a failure word); programs, paths and numbers
// are the test's own, not any corpus text's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { namesGoLanguageServer, saysProcessFailed } from '../../../src/goplsLog/goplsNamed.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { RULES, matchRules } from '../../../src/goplsLog/rules.js';
import { findingsOf, GOPLS_NAMED_CONFIDENCE, MECHANISM_CONFIDENCE } from '../../../src/probes/goplsLogs.js';
import { FindingSchema } from '../../../src/doctor/model.js';
import { rankCauses } from '../../../src/doctor/rank.js';

const FAILS = [
  '[lsp-client] ERROR gopls: the initialize request got no answer',
  'kak-lsp: language server gopls returned an error on startup',
  'WARN  gopls exited: status 3',
  'Installing gopls into /opt/tools/bin FAILED',
  'error: could not update gopls to the latest release',
  'LanguageClient: gopls failure, see the log',
  '2026/01/02 03:04:05 go-langserver: cannot serve requests',
  'E: /opt/tools/bin/gopls: timed out waiting for the first response',
  // Go's context.DeadlineExceeded, in gopls's own words
  'gopls: context deadline exceeded',
  // a command line's own refusals (Go's flag package, a CLI's subcommand lookup, shells)
  'lsp-client: gopls could not be started from /opt/tools/bin',
  'wrapper: gopls rejected the invocation: invalid argument "--mode=x"',
  // gopls that cannot be built or installed with the Go at hand, in a reporter's words
  "x/tools/cmd/gopls: doesn't build with Go 1.9; some.Field undefined",
  'gopls does not support Go 1.12 any more',
  "gopls won't compile with the distro's Go 1.10",
];

const NOT = [
  // gopls named, nothing failed
  'Starting gopls v0.23.0 for /home/dev/app',
  'gopls: workspace loaded in 1.2s',
  // a failure, gopls not its subject
  'error: cannot find module providing package example.com/x',
  // inside a longer word or a frame path of gopls's own source
  'goplsx error: unknown plugin',
  'golang.org/x/tools/gopls/internal/cache.(*Snapshot).load failed',
  // an ordinary exit, in clients' words (Emacs's process event "finished", a status of 0)
  'LSP :: gopls has exited (finished)',
  'Mon 06 May 2024 10:11:12 AM CEST:["s:on_exit",2,"gopls","exited",0]',
  'lsp-client: gopls exited with code 0',
  'WARN  gopls exited: status 0',
];

describe('a failure line naming gopls that no rule knows', () => {
  it.each(FAILS)('%s: a gopls-launch symptom, not a rule match', (line) => {
    expect(matchRules(line, {})).toEqual([]);
    const s = analyzeText(`${line}\n`);
    expect(s.goplsFailures.map((l) => l.line)).toEqual([1]);
    // Still shown as an unnamed line.
    expect(s.unclassified.map((u) => u.line)).toEqual([1]);
  });

  it.each(NOT)('%s: not one', (line) => {
    expect(namesGoLanguageServer(line) && (/error|fail|cannot/i.test(line) || saysProcessFailed(line))).toBe(false);
    expect(analyzeText(`${line}\n`).goplsFailures).toEqual([]);
  });

  it('a failure line just after one naming gopls counts; farther on, not', () => {
    const near = analyzeText('Installing gopls into /opt/tools/bin\nbuilding…\nerror: build step exited early\n');
    expect(near.goplsFailures.map((l) => l.line)).toEqual([3]);
    const far = analyzeText('Installing gopls into /opt/tools/bin\na\nb\nc\nerror: build step exited early\n');
    expect(far.goplsFailures).toEqual([]);
    // Build words count only on a line naming gopls: near it, "doesn't build" is the user's own code.
    expect(analyzeText("Installing gopls into /opt/tools/bin\nthe app doesn't build with Go 1.9\n").goplsFailures).toEqual([]);
  });

  it.each([
    'main.go:31:2: Error return value of `f.Close` is not checked (errcheck)',
    // go test's t.Errorf/t.Fatalf line: indented, a file and line without a column.
    '    main_test.go:20: failed to parse flags: unexpected EOF',
    'C:\\Users\\ann\\app\\main.go:7:9: cannot use x (variable of type int) as string value in return statement',
    'internal/x/x.go:40: error strings should not be capitalized',
  ])('a diagnostic at a Go source position just after gopls is named is about the code, not gopls: %s', (diag) => {
    expect(analyzeText(`gopls: diagnosing the workspace\n${diag}\n`).goplsFailures).toEqual([]);
    // …while a failure line there that is no diagnostic still counts.
    expect(analyzeText('gopls: diagnosing the workspace\nerror: build step exited early\n').goplsFailures.map((l) => l.line)).toEqual([2]);
  });

  it('a line a rule matches is the rule’s, not the fallback’s', () => {
    const line = '[Error - 10:00:00 AM] Starting client failed';
    expect(matchRules(line, {}).length).toBeGreaterThan(0);
    expect(analyzeText(`${line}\n`).goplsFailures).toEqual([]);
  });
});

describe('an ordinary exit', () => {
  it('is no process failure unless the line also tells of a crash, a time-out or a missing file', () => {
    expect(saysProcessFailed('gopls exited with code 0')).toBe(false);
    expect(saysProcessFailed('gopls exited successfully')).toBe(false);
    expect(saysProcessFailed('gopls exited with code 0 after it crashed twice')).toBe(true);
    expect(saysProcessFailed('gopls exited with code 02')).toBe(true);
    expect(saysProcessFailed('gopls exited with code 2')).toBe(true);
    expect(saysProcessFailed('gopls has exited (exited abnormally with code 1)')).toBe(true);
  });
});

describe('the finding', () => {
  const text = 'session 4\n[lsp-client] ERROR gopls: the initialize request got no answer\nWARN  gopls exited: status 3\n';

  it('is a gopls-launch warning symptom that quotes its line and says it does not know why', () => {
    const f = findingsOf('/logs/client.log', analyzeText(text)).find((x) => x.classId === 'gopls-launch' && x.severity === 'warning')!;
    expect(FindingSchema.parse(f)).toBeTruthy();
    expect(f).toMatchObject({ role: 'symptom', symptom: 'died', confidence: GOPLS_NAMED_CONFIDENCE });
    expect(f.message).toContain('Line 2 of client.log');
    expect(f.message).toContain('"[lsp-client] ERROR gopls: the initialize request got no answer"');
    expect(f.message).toMatch(/1 more line/);
    expect(f.message).toMatch(/not why/);
    expect(f.evidence.map((e) => e.line)).toEqual([2, 3]);
  });

  it('sits below every rule and every named mechanism', () => {
    expect(GOPLS_NAMED_CONFIDENCE).toBeLessThan(MECHANISM_CONFIDENCE);
    expect(GOPLS_NAMED_CONFIDENCE).toBeLessThan(Math.min(...RULES.map((r) => r.confidence)));
  });

  it('alone it names gopls-launch as a warning; beside a cause a rule finds, the cause comes first', () => {
    const alone = rankCauses(findingsOf('/logs/client.log', analyzeText(text)).map((f) => FindingSchema.parse(f)));
    expect(alone[0]).toMatchObject({ id: 'gopls-launch', severity: 'warning' });
    expect(alone.every((c) => c.severity !== 'error')).toBe(true);
    const beside = rankCauses(findingsOf('/logs/client.log', analyzeText(`${text}$ sysctl fs.inotify.max_user_watches\n`)).map((f) => FindingSchema.parse(f)));
    expect(beside[0]!.id).toBe('file-watch');
  });
});

describe('real healthy gopls logs and traces say gopls failed nowhere', () => {
  const F = path.resolve('test/fixtures');
  const HEALTHY = ['logs/trace-healthy.rpc.log', 'logs/trace-broken-import.rpc.log', 'gopls/sessions/healthy.json', 'gopls/gopls-version-v0.23.0.txt', 'gopls/go-version-m-gopls.txt'];
  it.each(HEALTHY)('%s', (file) => {
    expect(analyzeText(readFileSync(path.join(F, file))).goplsFailures).toEqual([]);
  });
});
