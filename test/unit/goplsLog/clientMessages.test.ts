// The client-messages catalog (test/fixtures/client-messages.jsonl) is the spec for how a gopls
// that will not start or keeps dying is named in other editors' words (issue 11): each row is a
// format string read in a client's own source (the file it cites), with an instance as that
// client prints it with gopls as its server (test/fixtures/client-messages.md says how it was
// built and what each field means). Rows that say the server failed must name their
// class first in a raw log (no VS Code connection-closed line after them); rows that say all is
// well (started, stopped on request, installed) must raise no warning or error at all.
import { describe, expect, it } from 'vitest';
import { MECHANISM_CONFIDENCE } from '../../../src/probes/goplsLogs.js';
import { readCatalog, rankedCauses } from '../../support/catalog.js';

interface Row {
  client: string;
  source: string;
  format: string;
  instance: string;
  expect: string;
  note?: string;
  read: 'source' | 'rule' | 'notes';
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

  it.each(failures.map((r) => [`${r.client}: ${r.instance.split('\n')[0]}`, r] as const))('%s names its class first', (_name, r) => {
    const causes = causesOf(r.instance);
    expect(causes[0]?.id).toBe(r.expect);
    // By a rule: not only by the last-resort fallbacks (gopls named beside a failure word, a
    // mechanism's name, the resemblance model), which sit at or below a named mechanism's
    // confidence. So a rule that stops matching its client's words fails here.
    expect(Math.max(...causes[0]!.findings.map((f) => f.confidence))).toBeGreaterThan(MECHANISM_CONFIDENCE);
  });

  it.each(fine.map((r) => [`${r.client}: ${r.instance.split('\n')[0]}`, r] as const))('%s names nothing', (_name, r) => {
    expect(causesOf(r.instance)).toEqual([]);
  });

  it('a line that only says the server went away stays a warning-level symptom', () => {
    for (const r of failures) {
      const c = causesOf(r.instance)[0]!;
      if (c.severity === 'warning') expect(c.findings.every((f) => (f as { role?: string }).role === 'symptom'), r.instance).toBe(true);
    }
  });
});
