// How reliable the test half's labels are: a second, blind reading of a sample of its threads
// (`npm run test:corpus -- --audit sample DIR KEY [--salt S] [--per N] [--exclude KEY0,…]
// [--skip-collectors corpus63,…] [--text-only]` then, once reviewers have written DIR/labels-*.jsonl,
// `npm run test:corpus -- --audit score DIR KEY [DIR2 KEY2 …]`, rounds pooled). A second round takes another salt and excludes the
// threads of the first round's key, and the batches whose README sections its reviewers may read
// for the labelling conventions (those sections list their items' labels).
//
// Why: top-1 accuracy is measured against one collector's reading of each thread. If a second
// careful reader, given the same thread, often names another class, the labels themselves cap what
// any classifier can score, and a goal above that cap measures the labels, not the doctor.
//
// `sample` takes, by a salted hash, 30 (--per) test-half positives the doctor puts right first in the raw
// -logfile form and 30 it misses (one text per thread), shuffles them, and writes them in three
// files of 20 (key, url, text: no label, no collector's reason, no outcome) for three reviewers
// (tools/corpus/audit-prompt.md). The key from sample key to corpus id, label and outcome goes to
// KEY, which must be outside DIR: reviewers are never shown it. Nothing about any text is printed.
// `score` prints aggregates only (agreement on the hits, on the misses, by confidence), never an
// id: the reviewers' labels are not a second label set to tune against, and no label is changed
// from them (a relabel of only the sampled misses would flatter the figure).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus, measure, type CorpusItem } from './corpus.js';

const PER_FILE = 20;

interface SampleOptions {
  salt: string;
  perOutcome: number;
  /** Earlier rounds' key files: their threads are not sampled again. */
  exclude: string[];
  /** Collectors (corpusNN) whose texts are not sampled: their README sections are the reviewers' conventions. */
  skipCollectors: string[];
  /** The sample files hold the text alone, no thread address (tools/corpus/text-audit-prompt.md): what the text itself tells. */
  textOnly: boolean;
}

interface KeyRow {
  id: string;
  label: string;
  ok: boolean;
  top: string | null;
}

interface Review {
  key: string;
  label: string;
  confidence: 'high' | 'medium' | 'low';
}

async function sample(dir: string, keyFile: string, o: SampleOptions): Promise<number> {
  const hash = (s: string) => createHash('sha256').update(o.salt + s).digest('hex');
  if (path.resolve(keyFile).startsWith(path.resolve(dir) + path.sep)) {
    console.error('The key file must be outside the reviewers\' folder.');
    return 2;
  }
  const collectorOf = (it: CorpusItem) => it.at.split(':')[0]!.split('.')[1];
  const excluded = new Set(o.exclude.flatMap((f) => Object.values(JSON.parse(readFileSync(f, 'utf8')) as Record<string, KeyRow>).map((r) => r.id.replace(/\.\d+$/, ''))));
  const items = loadCorpus().items.filter((i) => i.split === 'test' && i.label !== 'negative' && !o.skipCollectors.includes(collectorOf(i) ?? '') && !excluded.has(`${i.repo}#${i.issue}`));
  const outcome = new Map((await measure(items, ['logfile'])).map((r) => [r.id, r]));
  const hits: CorpusItem[] = [];
  const misses: CorpusItem[] = [];
  const threads = new Set<string>();
  for (const it of [...items].sort((a, b) => (hash(a.id) < hash(b.id) ? -1 : 1))) {
    const thread = `${it.repo}#${it.issue}`;
    const bucket = outcome.get(it.id)!.ok ? hits : misses;
    if (threads.has(thread) || bucket.length >= o.perOutcome) continue;
    bucket.push(it);
    threads.add(thread);
  }
  const chosen = [...hits, ...misses].sort((a, b) => (hash(`s${a.id}`) < hash(`s${b.id}`) ? -1 : 1));
  const key: Record<string, KeyRow> = {};
  const lines = chosen.map((it, i) => {
    const k = `A${String(i + 1).padStart(2, '0')}`;
    const r = outcome.get(it.id)!;
    key[k] = { id: it.id, label: it.label, ok: r.ok, top: r.top ?? null };
    return JSON.stringify(o.textOnly ? { key: k, text: it.text } : { key: k, url: it.url, text: it.text });
  });
  for (let f = 0; f * PER_FILE < lines.length; f++) writeFileSync(path.join(dir, `sample-${f + 1}.jsonl`), `${lines.slice(f * PER_FILE, (f + 1) * PER_FILE).join('\n')}\n`);
  writeFileSync(keyFile, JSON.stringify(key));
  console.log(`${hits.length} texts the doctor reads right and ${misses.length} it misses, in ${Math.ceil(lines.length / PER_FILE)} files in ${dir}; key in ${keyFile}.`);
  return 0;
}

/** One reviewed text: the doctor's outcome on it and the second reader's verdict. */
interface Reviewed {
  ok: boolean;
  top: string | null;
  label: string;
  review: Review;
}

/** Rounds (a folder of labels-*.jsonl beside its key file), pooled. */
function readRounds(rounds: ReadonlyArray<readonly [string, string]>): Reviewed[] {
  const out: Reviewed[] = [];
  for (const [dir, keyFile] of rounds) {
    const key = JSON.parse(readFileSync(keyFile, 'utf8')) as Record<string, KeyRow>;
    for (const f of readdirSync(dir).filter((f) => /^labels-\d+\.jsonl$/.test(f)))
      for (const l of readFileSync(path.join(dir, f), 'utf8').split('\n')) if (l.trim()) {
        const review = JSON.parse(l) as Review;
        const k = key[review.key];
        if (k) out.push({ ok: k.ok, top: k.top, label: k.label, review });
      }
  }
  return out;
}

/** A small seeded generator (mulberry32), so the bootstrap's interval is the same on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function score(rounds: ReadonlyArray<readonly [string, string]>): Promise<number> {
  const all = readRounds(rounds);
  const line = (what: string, rs: Reviewed[]) => {
    const labelled = rs.filter((r) => r.review.label !== 'drop');
    const agree = labelled.filter((r) => r.review.label === r.label).length;
    const negative = labelled.filter((r) => r.review.label === 'negative').length;
    const doctors = labelled.filter((r) => r.top !== null && r.review.label === r.top).length;
    return `${what}: ${rs.length} reviewed, ${rs.length - labelled.length} dropped (no resolution to label by); of ${labelled.length} labelled, ${agree} agree with the corpus label, ${negative} called negative, ${doctors} name the doctor's first class`;
  };
  console.log(line('read right by the doctor', all.filter((r) => r.ok)));
  console.log(line('missed by the doctor', all.filter((r) => !r.ok)));
  console.log(line('all', all));
  for (const c of ['high', 'medium', 'low'] as const) console.log(line(`  reviewer's confidence ${c}`, all.filter((r) => r.review.confidence === c)));
  // The sample holds as many misses as hits; the test half does not. Weighted back to the share of
  // its positives the doctor reads right today (form (b)): the agreement over the whole half, and
  // (Bayes' rule on the two strata) the doctor's top-1 on the texts two readers agree on. A
  // bootstrap over the labelled texts, each stratum resampled on its own, gives a 95% interval.
  const positives = loadCorpus().items.filter((i) => i.split === 'test' && i.label !== 'negative');
  const share = (await measure(positives, ['logfile'])).filter((r) => r.ok).length / positives.length;
  const agreed = (ok: boolean) => all.filter((r) => r.ok === ok && r.review.label !== 'drop').map((r) => r.review.label === r.label);
  const estimate = (hits: boolean[], misses: boolean[]) => {
    const h = hits.filter(Boolean).length / hits.length;
    const m = misses.filter(Boolean).length / misses.length;
    return { agreement: share * h + (1 - share) * m, top1OnAgreed: (share * h) / (share * h + (1 - share) * m) };
  };
  const [hits, misses] = [agreed(true), agreed(false)];
  const point = estimate(hits, misses);
  const random = seeded(20261203);
  const pick = (xs: boolean[]) => xs.map(() => xs[Math.floor(random() * xs.length)]!);
  const boot = Array.from({ length: 4000 }, () => estimate(pick(hits), pick(misses)));
  const intervalOf = (bs: ReadonlyArray<ReturnType<typeof estimate>>, k: 'agreement' | 'top1OnAgreed') => {
    const v = bs.map((b) => b[k]).sort((a, b) => a - b);
    return `${(100 * v[Math.floor(0.025 * v.length)]!).toFixed(1)}–${(100 * v[Math.floor(0.975 * v.length)]!).toFixed(1)}%`;
  };
  const interval = (k: 'agreement' | 'top1OnAgreed') => intervalOf(boot, k);
  console.log(`weighted to the test half (${(100 * share).toFixed(1)}% of its positives read right in form (b)): ${(100 * point.agreement).toFixed(1)}% agreement (${interval('agreement')}); the doctor's form (b) top-1 on the texts two readers agree on: ${(100 * point.top1OnAgreed).toFixed(1)}% (${interval('top1OnAgreed')})`);
  // The same with a drop counted as not naming the class: for a text-only round (--text-only), how
  // often a reader with nothing but the text names the collector's class, the task the doctor is
  // given, and the doctor's top-1 on the texts whose class such a reader can tell from them.
  const named = (ok: boolean) => all.filter((r) => r.ok === ok).map((r) => r.review.label === r.label);
  const [hitsAll, missesAll] = [named(true), named(false)];
  const pointAll = estimate(hitsAll, missesAll);
  const bootAll = Array.from({ length: 4000 }, () => estimate(pick(hitsAll), pick(missesAll)));
  const intervalAll = (k: 'agreement' | 'top1OnAgreed') => intervalOf(bootAll, k);
  console.log(`with a drop counted as not naming it: the reader names the corpus label on ${(100 * pointAll.agreement).toFixed(1)}% (${intervalAll('agreement')}); the doctor's form (b) top-1 on the texts whose label the reader names: ${(100 * pointAll.top1OnAgreed).toFixed(1)}% (${intervalAll('top1OnAgreed')})`);
  return 0;
}

const [mode, dir, keyFile, ...rest] = process.argv.slice(2);
const flag = (name: string) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
};
const list = (name: string) => (flag(name) ?? '').split(',').filter(Boolean);
const options: SampleOptions = { salt: flag('--salt') ?? 'audit-2026-12-03:', perOutcome: Number(flag('--per') ?? 30), exclude: list('--exclude'), skipCollectors: list('--skip-collectors'), textOnly: rest.includes('--text-only') };
// score takes one or more DIR KEY pairs (rounds), pooled.
const pairs = [dir, keyFile, ...rest].reduce<Array<[string, string]>>((acc, x, i, xs) => (i % 2 === 0 && xs[i + 1] ? [...acc, [x!, xs[i + 1]!]] : acc), []);
const run = mode === 'sample' && dir && keyFile ? sample(dir, keyFile, options) : mode === 'score' && pairs.length ? score(pairs) : Promise.resolve((console.error('usage: --audit sample DIR KEY [options] | --audit score DIR KEY [DIR KEY …]'), 2));
run.then((code) => process.exit(code));
