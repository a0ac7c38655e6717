// What the message-catalog tests (test/unit/goplsLog/*Messages.test.ts) share: reading a catalog
// (test/fixtures/<name>.jsonl, one JSON row a line) and the causes a raw log holding one row's
// instance gets, ranked as the report ranks them, info-level ones left out.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../src/probes/goplsLogs.js';
import { rankCauses } from '../../src/doctor/rank.js';
import { FindingSchema, type Cause } from '../../src/doctor/model.js';

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
