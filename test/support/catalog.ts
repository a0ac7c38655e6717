// What the message-catalog tests (test/unit/goplsLog/*Messages.test.ts) share: reading a catalog
// (test/fixtures/<name>.jsonl, one JSON row a line), the causes a raw log holding one row's
// instance gets, ranked as the report ranks them, info-level ones left out, and the two checks
// every catalog's rows get.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { analyzeText } from '../../src/goplsLog/analyzer.js';
import { findingsOf, MECHANISM_CONFIDENCE } from '../../src/probes/goplsLogs.js';
import { rankCauses } from '../../src/doctor/rank.js';
import { FindingSchema, type Cause } from '../../src/doctor/model.js';

/** The fields every catalog row has: where its format was read, the format, an instance, and the class it must get ("none": a fine state). */
export interface CatalogRow {
  source: string;
  format: string;
  instance: string;
  expect: string;
  note?: string;
  read: 'source' | 'rule' | 'notes';
}

/** Every row of test/fixtures/<name>.jsonl, parsed, in file order. */
export function readCatalog<Row>(name: string): Row[] {
  return readFileSync(path.resolve(__dirname, `../fixtures/${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

/** The warning- and error-level causes of a log named `source` that holds `text` alone. */
export function rankedCauses(text: string, source: string): Cause[] {
  return rankCauses(findingsOf(source, analyzeText(`${text}\n`)).map((f) => FindingSchema.parse(f))).filter((c) => c.severity !== 'info');
}

/**
 * Inside a catalog's describe: each failure row, alone in a raw log named `source`, names its
 * class first, and by a rule: not only by the last-resort fallbacks (a program named beside a
 * failure word, a mechanism's name, the resemblance model), which sit at or below a named
 * mechanism's confidence, so a rule that stops matching its program's words fails here. Each fine
 * row names nothing. `who` names a row in the test's title, cut to `width` characters.
 */
export function itNamesEachRow<Row extends CatalogRow>(rows: readonly Row[], source: string, who: (r: Row) => string, width = Infinity): void {
  const title = (r: Row) => `${who(r)}: ${r.instance.split('\n')[0]!.slice(0, width)}`;
  it.each(rows.filter((r) => r.expect !== 'none').map((r) => [title(r), r] as const))('%s names its class first', (_name, r) => {
    const causes = rankedCauses(r.instance, source);
    expect(causes[0]?.id).toBe(r.expect);
    expect(Math.max(...causes[0]!.findings.map((f) => f.confidence))).toBeGreaterThan(MECHANISM_CONFIDENCE);
  });
  it.each(rows.filter((r) => r.expect === 'none').map((r) => [title(r), r] as const))('%s names nothing', (_name, r) => {
    expect(rankedCauses(r.instance, source)).toEqual([]);
  });
}
