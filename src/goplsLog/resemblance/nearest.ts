// Which real report a failure no rule knows reads most like (issue 11). The word model
// (classify.ts) asks which class's reports use these words most; this asks which one report, of
// the corpus's tuning half, shares most of them, weighing each word by how rare it is among those
// reports (a shared "gopls" says little, a shared "inotify+watches" much). A text nearly the same as
// a known report is most likely the same trouble: that report's class is the guess, and its thread
// (where the fix was found) is the evidence a user can follow. Trained on the tuning half alone
// (test/corpus/train.ts); the probe files it, like the word model's guess, as a hint below every
// rule and named mechanism, and only when nothing else names a cause and the word model does not
// lean clearly either.
import type { ClassId } from '../../doctor/model.js';
import { shippedModel, type Label, type ResemblanceModel } from './classify.js';
import { REPORTS } from './reports.js';

/**
 * How much of the two texts' weighted words must be shared (weighted Jaccard over the model's
 * vocabulary, 0..1). Chosen on the tuning half by grouped 5-fold cross-validation (2026-12-02 13:20,
 * 960 texts, each against the other folds' reports over their vocabulary), on the texts whose words
 * the word model does not lean on clearly, where this guess is the only one made: at 0.5 the
 * nearest report's class is right on 15 and wrong on 2, and no harmless text gets a guess; at 0.4,
 * 29 and 5 and one harmless text; at 0.3, 51 and 14 and two. 0.5 also leaves every fine row of the
 * message catalogs unguessed (the closest, a watcher's "lstat …: no such file or directory" beside
 * a CI runner's ENOENT, is at 0.42).
 */
export const MIN_SIMILARITY = 0.5;
/** At most this many shared words are quoted as the reason. */
const REASON_WORDS = 5;

export interface Report {
  url: string;
  label: Label;
  /** Indices into the model's vocabulary (its words in sorted order). */
  words: readonly number[];
}

export interface ReportTable {
  reports: readonly Report[];
  /** The vocabulary, in the order `words` index. */
  vocabulary: readonly string[];
  /** Per vocabulary word: log(texts / texts holding it). */
  idf: Float64Array;
  /** word → its index. */
  index: ReadonlyMap<string, number>;
}

export interface NearestReport {
  classId: ClassId;
  url: string;
  /** Weighted Jaccard, rounded to two places. */
  similarity: number;
  /** The rarest shared words, most telling first. */
  words: string[];
}

let shipped: ReportTable | undefined;

/** reports.ts's table over the shipped model's vocabulary, parsed once on first use. */
export function shippedReports(): ReportTable {
  return (shipped ??= parseReports(REPORTS, shippedModel()));
}

/** The corpus runner's held-out check swaps in a table built without the scored text's fold; undefined restores the shipped one. */
export function swapShippedReports(t: ReportTable | undefined): void {
  shipped = t;
}

/** reports.ts's compact rows ([url, label, "i,j,…" in base 36]) over `model`'s vocabulary. */
export function parseReports(rows: ReadonlyArray<readonly [string, Label, string]>, model: ResemblanceModel): ReportTable {
  const vocabulary = [...model.lean.keys()].sort();
  const df = new Float64Array(vocabulary.length);
  const reports = rows.map(([url, label, packed]) => {
    const words = packed ? packed.split(',').map((s) => parseInt(s, 36)) : [];
    for (const w of words) {
      if (!(w >= 0 && w < vocabulary.length)) throw new Error(`reports: ${url} names word ${w} of ${vocabulary.length}`);
      df[w]!++;
    }
    return { url, label, words };
  });
  const idf = df.map((n) => Math.log(reports.length / Math.max(1, n)));
  return { reports, vocabulary, idf, index: new Map(vocabulary.map((w, i) => [w, i])) };
}

/**
 * The report whose words these most resemble, when it shares at least MIN_SIMILARITY of them and
 * is not a harmless one (a negative: then nothing is named). Pure.
 */
export function nearestReport(present: Iterable<string>, table: ReportTable = shippedReports(), minSimilarity = MIN_SIMILARITY): NearestReport | undefined {
  const mine = new Set<number>();
  for (const w of present) {
    const i = table.index.get(w);
    if (i !== undefined) mine.add(i);
  }
  if (!mine.size) return undefined;
  let own = 0;
  for (const i of mine) own += table.idf[i]!;
  let best: Report | undefined;
  let bestSim = 0;
  for (const r of table.reports) {
    let shared = 0, theirs = 0;
    for (const i of r.words) {
      const v = table.idf[i]!;
      theirs += v;
      if (mine.has(i)) shared += v;
    }
    const sim = shared / (own + theirs - shared || 1);
    if (sim > bestSim) {
      bestSim = sim;
      best = r;
    }
  }
  if (!best || best.label === 'negative' || bestSim < minSimilarity) return undefined;
  const words = best.words
    .filter((i) => mine.has(i))
    .sort((a, b) => table.idf[b]! - table.idf[a]! || table.vocabulary[a]!.localeCompare(table.vocabulary[b]!))
    .slice(0, REASON_WORDS)
    .map((i) => table.vocabulary[i]!);
  return { classId: best.label, url: best.url, similarity: Math.round(bestSim * 100) / 100, words };
}
