// The system-messages catalog (test/fixtures/system-messages.jsonl, system-messages.md): what a
// desktop session, a sandbox, the dynamic loader, the kernel's security modules, file systems and CI
// runners print around Go tooling, each row written from the printing program's own source by the
// four catalog lanes of 2026-12-05 (env, mac, fs, limits), never from a bug report. Failure rows
// must name their class first in a raw log, by a rule; fine rows must name nothing. A row the
// doctor does not read yet carries `open` (why, and what a rule could key on) and is held as
// failing (it.fails): a rule that starts reading it flips the test, and the row loses its `open`.
import { describe, expect, it } from 'vitest';
import { MECHANISM_CONFIDENCE } from '../../../src/probes/goplsLogs.js';
import { itNamesEachRow, rankedCauses, readCatalog, type CatalogRow } from '../../support/catalog.js';

interface Row extends CatalogRow {
  lane: 'env' | 'mac' | 'fs' | 'limits';
  program: string;
  open?: string;
}

const rows = readCatalog<Row>('system-messages');
const CLASSES = ['gopls-launch', 'env-inheritance', 'module-resolution', 'file-watch', 'memory-limit', 'process-limit', 'noexec-mount', 'fs-access', 'mac-policy'];

describe('the system-messages catalog', () => {
  it('is a catalog: each row cites the upstream file its format is in, and says how it was read', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    for (const r of rows) {
      expect(r.source, r.instance).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(?:blob|tree)\//);
      expect(r.format.length, r.instance).toBeGreaterThan(5);
      expect(['source', 'rule', 'notes'], r.instance).toContain(r.read);
      expect([...CLASSES, 'none'], r.instance).toContain(r.expect);
    }
  });

  itNamesEachRow(rows.filter((r) => !r.open), 'system.log', (r) => `${r.lane}: ${r.program}`, 100);

  const open = rows.filter((r) => r.open);
  it.fails.each(open.map((r) => [`${r.lane}: ${r.instance.split('\n')[0]!.slice(0, 90)}`, r] as const))('not read yet: %s', (_t, r) => {
    const causes = rankedCauses(r.instance, 'system.log');
    if (r.expect === 'none') expect(causes).toEqual([]);
    else {
      expect(causes[0]?.id).toBe(r.expect);
      expect(Math.max(...causes[0]!.findings.map((f) => f.confidence))).toBeGreaterThan(MECHANISM_CONFIDENCE);
    }
  });
});
