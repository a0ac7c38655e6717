// Real gopls v0.23.0 logs of a dependency missing from a fresh module cache under GOPROXY=off
// (test/fixtures/logs/README.md says how each was made), read alone as a user would hand them to
// the doctor: the report says which module go could not download and why, quotes the lines with
// their numbers, and offers the download once through the proxy, or GOPROXY back to its default.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema } from '../../../src/doctor/model.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { renderText } from '../../../src/render/text.js';
import { reportOf } from '../../support/report.js';

const fixture = (name: string) => path.resolve(__dirname, '../../fixtures/logs', name);
const report = (name: string) => reportOf({ causes: rankCauses(findingsOf(`/logs/${name}`, analyzeText(readFileSync(fixture(name)))).map((f) => FindingSchema.parse(f))), probes: [] });

describe('a dependency GOPROXY=off kept out of an empty module cache, from the log alone', () => {
  it("go 1.22 module, the user clicked gopls's \"go get package\": the refusal and the red import it caused", () => {
    const r = report('trace-proxyoff-goget.rpc.log');
    const [first] = r.causes;
    expect(first).toMatchObject({ id: 'module-resolution', title: 'go cannot download the modules it needs' });
    const f = first!.findings[0]!;
    expect(f.message).toContain('go could not download github.com/fatih/structtag@v1.2.0: it is not in the module cache, and GOPROXY=off forbids downloading');
    expect(f.message).toContain('"go: downloading github.com/fatih/structtag v1.2.0 / module lookup disabled by GOPROXY=off"');
    expect(f.message).toContain("gopls's diagnostics say no required module provides github.com/fatih/structtag");
    // The diagnostic (line 50), the client's line (82) and gopls's logMessage (87), in the log's order.
    expect(f.evidence.map((e) => e.line)).toEqual([50, 82, 87]);
    expect(first!.fixes.map((x) => x.kind === 'terminal' && x.text)).toEqual(['GOPROXY=https://proxy.golang.org,direct go mod download', 'go env -u GOPROXY', false]);
    const text = renderText(r, { color: false, verbose: true });
    expect(text).toContain('[module-resolution, warning');
    expect(text).toContain('/logs/trace-proxyoff-goget.rpc.log:50');
    expect(text).toContain('$ GOPROXY=https://proxy.golang.org,direct go mod download');
  });

  it('go 1.16 module (an unpruned graph): every package load fails, and all 9 lines are quoted with --verbose', () => {
    const r = report('trace-proxyoff-go116.rpc.log');
    const c = r.causes.find((x) => x.id === 'module-resolution')!;
    expect(r.causes[0]!.id).toBe('module-resolution');
    expect(c.title).toBe('go cannot download the modules it needs');
    const f = c.findings.find((x) => x.message.startsWith('go could not download'))!;
    expect(f.message).toContain('("go: github.com/fatih/structtag@v1.2.0: module lookup disabled by GOPROXY=off")');
    expect(f.evidence).toHaveLength(9);
    const text = renderText(r, { color: false, verbose: true });
    for (const e of f.evidence) expect(text).toContain(`/logs/trace-proxyoff-go116.rpc.log:${e.line}`);
    expect(text).toContain('$ go env -u GOPROXY');
  });

  it("the error reply's first line, whose failure the rule names on the next, is no unnamed error line", () => {
    const s = analyzeText(readFileSync(fixture('trace-proxyoff-goget.rpc.log')));
    // 81: "[Error - Received] … #3 err: exit status 1: stderr: go: downloading github.com/fatih/structtag v1.2.0"
    expect(s.unclassified.map((l) => l.line)).not.toContain(81);
    expect(s.unclassified.map((l) => l.line)).toEqual([78]);
  });

  it("a red import of a module nothing refused is the code's own, not this finding's evidence", () => {
    const log = readFileSync(fixture('trace-proxyoff-goget.rpc.log'), 'utf8').replaceAll('no required module provides package \\"github.com/fatih/structtag\\"', 'no required module provides package \\"example.com/typo\\"');
    const f = findingsOf('/logs/x.log', analyzeText(log)).find((x) => x.message.startsWith('go could not download'))!;
    expect(f.message).not.toContain('no required module provides');
    expect(f.evidence.map((e) => e.line)).toEqual([82, 87]);
  });
});
