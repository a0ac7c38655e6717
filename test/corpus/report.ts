// `npm run test:corpus`: the corpus table, test half first (aggregates and the ids of its misses,
// never its texts: rules are written from the tuning half only), then the tuning half with what
// the engine said for each miss. Exits non-zero only when the corpus itself is malformed.
import { CORPUS_DIR, formatMissedAs, formatTable, loadCorpus, measure, summarize, type ItemResult } from './corpus.js';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const dirAt = args.indexOf('--dir');
  const dir = dirAt >= 0 ? args[dirAt + 1]! : CORPUS_DIR;
  const json = args.includes('--json');
  const { items, errors } = loadCorpus(dir);
  if (errors.length) {
    console.error(`The corpus in ${dir} is malformed (${errors.length} problem${errors.length === 1 ? '' : 's'}):`);
    for (const e of errors) console.error(`  ${e}`);
    return 1;
  }
  if (!items.length) {
    console.error(`No corpus items in ${dir}.`);
    return 1;
  }
  const results = await measure(items);
  if (json) {
    // Aggregates only for the test half; per-item outcomes for the tuning half.
    const test = results.filter((r) => r.split === 'test');
    const tuning = results.filter((r) => r.split === 'tuning');
    console.log(JSON.stringify({ test: summarize(test), testMisses: missIds(test), tuning: summarize(tuning), tuningResults: tuning }, null, 2));
    return 0;
  }
  const count = (s: string) => items.filter((i) => i.split === s).length;
  console.log(`Corpus: ${items.length} texts (${count('test')} test, ${count('tuning')} tuning) from ${dir}`);
  console.log('Top-1: the first cause (warning or error) is the labelled class. Negatives: no error-severity cause.\n');
  const test = results.filter((r) => r.split === 'test');
  console.log('## TEST HALF (rules were not written from these)\n');
  console.log(formatTable(summarize(test)));
  const confusion = formatMissedAs(summarize(test));
  if (confusion) console.log(`\nTest-half misses by what came first instead (counts only):\n${confusion}`);
  const misses = missIds(test);
  console.log(`\nTest-half misses (ids only): ${misses.vscode.length + misses.logfile.length ? '' : 'none'}`);
  for (const f of ['vscode', 'logfile'] as const) if (misses[f].length) console.log(`  ${f}: ${misses[f].join(' ')}`);
  const tuning = results.filter((r) => r.split === 'tuning');
  console.log('\n## TUNING HALF (the rules were written from these; not a measure of generalisation)\n');
  console.log(formatTable(summarize(tuning)));
  const tm = tuning.filter((r) => !r.ok);
  if (tm.length) {
    console.log('\nTuning-half misses:');
    for (const r of tm) console.log(`  ${r.form.padEnd(7)} ${r.id.padEnd(44)} ${r.label.padEnd(17)} got ${r.top ?? '(nothing)'}${r.errorClasses.length ? `  errors: ${r.errorClasses.join(',')}` : ''}`);
  }
  return 0;
}

function missIds(rs: readonly ItemResult[]): { vscode: string[]; logfile: string[] } {
  return {
    vscode: rs.filter((r) => !r.ok && r.form === 'vscode').map((r) => r.id),
    logfile: rs.filter((r) => !r.ok && r.form === 'logfile').map((r) => r.id),
  };
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
