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
import { CLASS_IDS } from '../../../src/doctor/model.js';
import { itNamesEachRow, readCatalog, type CatalogRow } from '../../support/catalog.js';

interface Row extends CatalogRow {
  program: string;
}

const rows = readCatalog<Row>('gopls-messages');

const failures = rows.filter((r) => r.expect !== 'none');
const fine = rows.filter((r) => r.expect === 'none');

describe('the gopls-messages catalog', () => {
  it("is a catalog: gopls's own formats, each row citing the golang/tools file at a commit", () => {
    expect(failures.length).toBeGreaterThanOrEqual(60);
    expect(fine.length).toBeGreaterThanOrEqual(20);
    for (const r of rows) {
      // A commit, not a branch: the format is the one read there.
      expect(r.source, r.instance).toMatch(/^https:\/\/github\.com\/golang\/tools\/blob\/[0-9a-f]{40}\/\S+\.go$/);
      expect(r.format.length, r.instance).toBeGreaterThan(10);
      expect(['source', 'rule', 'notes'], r.instance).toContain(r.read);
      expect([...CLASS_IDS, 'none'], r.instance).toContain(r.expect);
    }
    expect(new Set(rows.map((r) => r.instance)).size).toBe(rows.length);
  });

  itNamesEachRow(rows, 'gopls.log', (r) => r.program, 90);
});
