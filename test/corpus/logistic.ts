// Multinomial logistic regression over which words a text holds: the refusing layers' model
// (src/goplsLog/resemblance/refusal.ts reads its weights). Trained by full-batch Adam from zero
// for a fixed number of steps, with no randomness, so the same texts always give the same weights
// (the shipped model is checked against a retrain, corpus.test.ts). Asked which of three refusing
// layers a bare "permission denied" is, it reads better than the naive Bayes word model
// (`npm run corpus:train -- --cv`): naive Bayes counts each of twenty words that always come
// together (an SELinux denial's fields, a mount table's options) as twenty votes, logistic
// regression weighs them together. As the ten-label word model it gained only where harmless
// short lines got hints (docs/accuracy.md, the nearest-report paragraph), so the word model stays naive Bayes.

/** One text: the indices of the vocabulary words it holds, and its label's index. */
export interface Example {
  features: readonly number[];
  label: number;
}

export interface LogisticOptions {
  /** L2 penalty per weight: keeps a word seen in two texts from deciding alone. */
  l2: number;
  /** Full-batch Adam steps. */
  steps: number;
  /** Adam's step size. */
  rate: number;
}

/** L2 1e-3 over 300 steps: on the tuning half's grouped folds, asked the ten-label question, 1e-4 and 1e-2 read no better and 600 steps barely (2026-12-03). */
export const LOGISTIC: LogisticOptions = { l2: 1e-3, steps: 300, rate: 0.005 };

export interface LogisticWeights {
  /** Per label. */
  bias: Float64Array;
  /** weights[word * labels + label]. */
  weights: Float64Array;
}

/** Minimises the mean cross-entropy plus l2/2 · Σ w² (not on the biases). Deterministic. */
export function trainLogistic(examples: readonly Example[], vocabulary: number, labels: number, o: LogisticOptions = LOGISTIC): LogisticWeights {
  const K = labels;
  const W = new Float64Array(vocabulary * K), b = new Float64Array(K);
  const gW = new Float64Array(W.length), gb = new Float64Array(K);
  const mW = new Float64Array(W.length), vW = new Float64Array(W.length), mb = new Float64Array(K), vb = new Float64Array(K);
  const s = new Float64Array(K);
  const n = examples.length || 1;
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  for (let t = 1; t <= o.steps; t++) {
    gW.fill(0);
    gb.fill(0);
    for (const ex of examples) {
      for (let k = 0; k < K; k++) s[k] = b[k]!;
      for (const j of ex.features) for (let k = 0; k < K; k++) s[k]! += W[j * K + k]!;
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, s[k]!);
      let z = 0;
      for (let k = 0; k < K; k++) z += s[k] = Math.exp(s[k]! - max);
      for (let k = 0; k < K; k++) {
        const g = (s[k]! / z - (k === ex.label ? 1 : 0)) / n;
        gb[k]! += g;
        for (const j of ex.features) gW[j * K + k]! += g;
      }
    }
    const c1 = 1 - beta1 ** t, c2 = 1 - beta2 ** t;
    const step = (p: Float64Array, g: number, i: number, m: Float64Array, v: Float64Array) => {
      m[i] = beta1 * m[i]! + (1 - beta1) * g;
      v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
      p[i]! -= (o.rate * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + eps);
    };
    for (let i = 0; i < W.length; i++) step(W, gW[i]! + o.l2 * W[i]!, i, mW, vW);
    for (let k = 0; k < K; k++) step(b, gb[k]!, k, mb, vb);
  }
  return { bias: b, weights: W };
}
