// Which layer refused, when a log says only "permission denied" (issue 11): the file's mode, a
// noexec mount or a security policy all refuse in those words (EACCES), and the words around the
// refusal are all that tells them apart. The word model (classify.ts) is a naive Bayes over ten
// labels; this question is narrower, three labels, and there a logistic model over the same words
// reads better: naive Bayes counts each of twenty words that always come together (an SELinux
// denial's fields, a mount table's options) as twenty separate votes, a logistic model weighs them
// together. Trained on the tuning half alone (test/corpus/train.ts, test/corpus/logistic.ts).
import type { Label } from './label.js';
import { tableRows, type LinearModel } from './classify.js';
import { REFUSAL_BIAS, REFUSAL_LABELS, REFUSAL_WORDS } from './refusalModel.js';

/** The layers that refuse in the same words: the only labels this model tells apart. */
export const REFUSING_LAYERS = ['fs-access', 'noexec-mount', 'mac-policy'] as const satisfies readonly Label[];

/** refusalModel.ts's compact form: a bias per label and one "word w0 w1 …" line of weights per word. */
export function parseWeights(labels: readonly Label[], bias: readonly number[], table: string): LinearModel {
  if (bias.length !== labels.length) throw new Error(`refusal model: ${bias.length} biases for ${labels.length} labels`);
  const lean = tableRows(table, labels.length, (w, n) => `refusal model: "${w}" has ${n} weights for ${labels.length} labels`);
  for (const [w, weights] of lean) if (weights.some((x) => !Number.isFinite(x))) throw new Error(`refusal model: "${w}" has a weight that is not a number`);
  return { labels, base: [...bias], lean };
}

let shipped: LinearModel | undefined;

/** The model built from the tuning half (refusalModel.ts), parsed once on first use. */
export function shippedRefusalModel(): LinearModel {
  return (shipped ??= parseWeights(REFUSAL_LABELS, REFUSAL_BIAS, REFUSAL_WORDS));
}

/** The corpus runner's held-out check swaps in the model of the other folds; undefined restores the shipped one. The product never calls this. */
export function swapShippedRefusalModel(m: LinearModel | undefined): void {
  shipped = m;
}
