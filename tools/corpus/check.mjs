// A corpus collector's checks (test/fixtures/corpus/README.md, "How a batch is collected"): ids,
// the split and overlap only, never how the doctor reads a text, so a collector can use it without
// seeing the rules, the model or the runner's output.
//
//   node tools/corpus/check.mjs keys "owner/repo#123" ...   already in the corpus, claimed, or free
//   node tools/corpus/check.mjs split "owner/repo#123" ...  tuning | test, by the README's hash rule
//   node tools/corpus/check.mjs text FILE                   existing items holding all of FILE's text, or sharing its longer lines
//
// Environment: CORPUS_LANES, a colon-separated list of folders where other collectors working at
// the same time write their *.jsonl (they count as the corpus too); CORPUS_CLAIMS, a file of
// claimed keys, one per line, that collectors append to before reading a thread closely.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readJsonl = (file) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const jsonlIn = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => readJsonl(path.join(dir, f))) : []);
const items = [
  ...jsonlIn(path.join(root, 'test/fixtures/corpus/items')),
  ...jsonlIn(path.join(root, 'test/fixtures/corpus/disputed')),
  // A batch waiting to land is taken as well: its threads are read.
  ...jsonlIn(path.join(root, 'test/fixtures/corpus/pending')),
  ...(process.env.CORPUS_LANES ?? '').split(':').filter(Boolean).flatMap(jsonlIn),
];
const claims = process.env.CORPUS_CLAIMS && fs.existsSync(process.env.CORPUS_CLAIMS) ? fs.readFileSync(process.env.CORPUS_CLAIMS, 'utf8').split('\n').map((s) => s.trim().toLowerCase()).filter(Boolean) : [];
const norm = (s) => s.toLowerCase().replace(/\s+/g, ' ').trim();

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'keys') {
  const have = new Set(items.map((i) => `${i.repo}#${i.issue}`.toLowerCase()));
  for (const k of rest) console.log(`${k}\t${have.has(k.toLowerCase()) ? 'IN CORPUS' : claims.includes(k.toLowerCase()) ? 'CLAIMED' : 'free'}`);
} else if (cmd === 'split') {
  // test/corpus/corpus.ts splitOf: the first byte of sha256("repo#issue"), even → tuning.
  for (const k of rest) console.log(`${k}\t${crypto.createHash('sha256').update(k).digest()[0] % 2 === 0 ? 'tuning' : 'test'}`);
} else if (cmd === 'text' && rest[0]) {
  const raw = fs.readFileSync(rest[0], 'utf8');
  const whole = norm(raw);
  const lines = raw.split('\n').map(norm).filter((l) => l.length >= 25);
  for (const i of items) {
    const it = norm(i.text);
    const shared = lines.filter((l) => it.includes(l)).length;
    if (it.includes(whole)) console.log(`${i.id}\tCONTAINS THE WHOLE CANDIDATE`);
    else if (shared) console.log(`${i.id}\tshares ${shared} of ${lines.length} longer lines`);
  }
  console.log('done');
} else {
  console.error('usage: check.mjs keys KEY… | split KEY… | text FILE');
  process.exit(2);
}
