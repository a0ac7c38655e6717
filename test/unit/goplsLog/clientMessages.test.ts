// The client-messages catalog (test/fixtures/client-messages.jsonl) is the spec for how a gopls
// that will not start or keeps dying is named in other editors' words (issue 11): each row is a
// format string read in a client's own source (the file it cites), with an instance as that
// client prints it with gopls as its server (test/fixtures/client-messages.md says how it was
// built and what each field means). Rows that say the server failed must name their
// class first in a raw log (no VS Code connection-closed line after them); rows that say all is
// well (started, stopped on request, installed) must raise no warning or error at all.
import { describe, expect, it } from 'vitest';
import { itNamesEachRow, readCatalog, rankedCauses, type CatalogRow } from '../../support/catalog.js';

interface Row extends CatalogRow {
  client: string;
}

const rows = readCatalog<Row>('client-messages');

const causesOf = (text: string) => rankedCauses(text, 'client.log');

const failures = rows.filter((r) => r.expect !== 'none');
const fine = rows.filter((r) => r.expect === 'none');

describe('the client-messages catalog', () => {
  it('is a catalog: many clients, each row citing the upstream file its format is in', () => {
    expect(new Set(rows.map((r) => r.client.split(' ')[0])).size).toBeGreaterThanOrEqual(20);
    expect(failures.length).toBeGreaterThanOrEqual(60);
    expect(fine.length).toBeGreaterThanOrEqual(15);
    for (const r of rows) {
      expect(r.source, r.instance).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/blob\//);
      expect(r.format.length, r.instance).toBeGreaterThan(10);
      expect(['source', 'rule', 'notes'], r.instance).toContain(r.read);
    }
  });

  itNamesEachRow(rows, 'client.log', (r) => r.client);

  it('a line that only says the server went away stays a warning-level symptom', () => {
    for (const r of failures) {
      const c = causesOf(r.instance)[0]!;
      if (c.severity === 'warning') expect(c.findings.every((f) => (f as { role?: string }).role === 'symptom'), r.instance).toBe(true);
    }
  });
});
