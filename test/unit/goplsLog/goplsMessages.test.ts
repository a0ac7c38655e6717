// The gopls-messages catalog (test/fixtures/gopls-messages.jsonl) is the spec for how gopls's own
// words are named (issue 11): each row is a format string read in golang/tools at the commit its
// source URL names (gopls's server, cache and settings packages, and the internal/gocommand and
// go/packages code gopls loads with), with an instance as gopls prints it in its -logfile, its
// window/showMessage and logMessage texts or its request errors, v0.1 to v0.2x
// (test/fixtures/gopls-messages.md says how it was built and what each field means). Rows that say
// gopls cannot start, load the workspace or run go must name their class first in a raw log, by a
// rule; rows that say all is well (startup, progress, cancellation, deprecation notices gopls calls
// soft) must raise no warning or error at all.
import { describe, expect, it } from 'vitest';
import { MECHANISM_CONFIDENCE } from '../../../src/probes/goplsLogs.js';
import { readCatalog, rankedCauses } from '../../support/catalog.js';

interface Row {
  program: string;
  source: string;
  format: string;
  instance: string;
  expect: string;
  note?: string;
  read: 'source' | 'rule' | 'notes';
}

const rows = readCatalog<Row>('gopls-messages');

const causesOf = (text: string) => rankedCauses(text, 'gopls.log');

const failures = rows.filter((r) => r.expect !== 'none');
const fine = rows.filter((r) => r.expect === 'none');
const CLASSES = ['gopls-launch', 'env-inheritance', 'module-resolution', 'file-watch', 'memory-limit', 'process-limit', 'noexec-mount', 'fs-access', 'mac-policy'];

describe('the gopls-messages catalog', () => {
  it("is a catalog: gopls's own formats, each row citing the golang/tools file at a commit", () => {
    expect(failures.length).toBeGreaterThanOrEqual(60);
    expect(fine.length).toBeGreaterThanOrEqual(20);
    for (const r of rows) {
      // A commit, not a branch: the format is the one read there.
      expect(r.source, r.instance).toMatch(/^https:\/\/github\.com\/golang\/tools\/blob\/[0-9a-f]{40}\/\S+\.go$/);
      expect(r.format.length, r.instance).toBeGreaterThan(10);
      expect(['source', 'rule', 'notes'], r.instance).toContain(r.read);
      expect([...CLASSES, 'none'], r.instance).toContain(r.expect);
    }
    expect(new Set(rows.map((r) => r.instance)).size).toBe(rows.length);
  });

  it.each(failures.map((r) => [`${r.program}: ${r.instance.split('\n')[0]!.slice(0, 90)}`, r] as const))('%s names its class first', (_name, r) => {
    const causes = causesOf(r.instance);
    expect(causes[0]?.id).toBe(r.expect);
    // By a rule: not only by the last-resort fallbacks (gopls named beside a failure word, a
    // mechanism's name, the resemblance model), which sit at or below a named mechanism's
    // confidence. So a rule that stops matching gopls's words fails here.
    expect(Math.max(...causes[0]!.findings.map((f) => f.confidence))).toBeGreaterThan(MECHANISM_CONFIDENCE);
  });

  it.each(fine.map((r) => [`${r.program}: ${r.instance.split('\n')[0]!.slice(0, 90)}`, r] as const))('%s names nothing', (_name, r) => {
    expect(causesOf(r.instance)).toEqual([]);
  });
});
