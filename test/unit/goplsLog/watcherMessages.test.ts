// The watcher-messages catalog (test/fixtures/watcher-messages.jsonl): what gopls's own file watcher
// (golang/tools gopls/internal/filewatcher, whose errors gopls mcp logs as "watch error: %v") and
// the fsnotify library under it print when a watch cannot be added, a descriptor cannot be had or
// events were lost, and the same programs' harmless lines (test/fixtures/watcher-messages.md).
// Failure rows must name file-watch first in a raw log, by a rule; fine rows name nothing.
import { describe, expect, it } from 'vitest';
import { itNamesEachRow, readCatalog, type CatalogRow } from '../../support/catalog.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';

interface Row extends CatalogRow {
  program: string;
}

const rows = readCatalog<Row>('watcher-messages');

describe('the watcher-messages catalog', () => {
  it('is a catalog: each row citing the upstream file its format is in, at a commit', () => {
    expect(rows.filter((r) => r.expect !== 'none').length).toBeGreaterThanOrEqual(6);
    expect(rows.filter((r) => r.expect === 'none').length).toBeGreaterThanOrEqual(3);
    for (const r of rows) {
      expect(r.source, r.instance).toMatch(/^https:\/\/github\.com\/(?:golang\/tools|fsnotify\/fsnotify|kubernetes\/kubernetes)\/blob\/[0-9a-f]{40}\/\S+\.go$/);
      expect(r.format.length, r.instance).toBeGreaterThan(10);
      expect(['source', 'rule', 'notes'], r.instance).toContain(r.read);
      expect(['file-watch', 'none'], r.instance).toContain(r.expect);
    }
    expect(new Set(rows.map((r) => r.instance)).size).toBe(rows.length);
  });

  itNamesEachRow(rows, 'gopls.log', (r) => r.program, 90);
});

describe('what a watcher out of descriptors offers', () => {
  it("raises the descriptor limit (RLIMIT_NOFILE), not inotify's instances", () => {
    const fs = findingsOf('gopls.log', analyzeText('2026/12/01 10:00:07 watch error: open /home/ann/proj/internal: too many open files\n'));
    const f = fs.find((x) => x.classId === 'file-watch')!;
    expect(f.fixes?.map((x) => x.id)).toEqual(['rlimit-raise-nofile']);
    expect(f.fixes?.[0]).toMatchObject({ kind: 'terminal', needsRoot: true });
  });
});
