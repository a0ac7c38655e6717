// The refusing layers' model is trained by test/corpus/logistic.ts and read by
// src/goplsLog/resemblance/refusal.ts: what each must do, on examples small enough to follow.
import { describe, expect, it } from 'vitest';
import { trainLogistic, LOGISTIC } from './logistic.js';
import { parseWeights, REFUSING_LAYERS } from '../../src/goplsLog/resemblance/refusal.js';
import { resemble } from '../../src/goplsLog/resemblance/classify.js';

// Words: 0 "mount", 1 "label", 2 "owner", 3 "denied" (in every text).
const examples = [
  ...Array.from({ length: 6 }, () => ({ features: [0, 3], label: 1 })),
  ...Array.from({ length: 6 }, () => ({ features: [1, 3], label: 2 })),
  ...Array.from({ length: 6 }, () => ({ features: [2, 3], label: 0 })),
];

describe('trainLogistic', () => {
  it('learns which word says which label, and a word every label shares decides nothing', () => {
    const { weights } = trainLogistic(examples, 4, 3);
    const w = (word: number, label: number) => weights[word * 3 + label]!;
    expect(w(0, 1)).toBeGreaterThan(w(0, 0));
    expect(w(0, 1)).toBeGreaterThan(w(0, 2));
    expect(w(1, 2)).toBeGreaterThan(w(1, 1));
    expect(w(2, 0)).toBeGreaterThan(w(2, 2));
    expect(Math.max(...[0, 1, 2].map((l) => Math.abs(w(3, l) - w(3, 0))))).toBeLessThan(0.05);
  });

  it('gives the same weights every time (the shipped model is checked against a retrain)', () => {
    const a = trainLogistic(examples, 4, 3);
    const b = trainLogistic(examples, 4, 3);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(Array.from(a.bias)).toEqual(Array.from(b.bias));
  });

  it('a heavier L2 penalty keeps the weights smaller', () => {
    const light = trainLogistic(examples, 4, 3);
    const heavy = trainLogistic(examples, 4, 3, { ...LOGISTIC, l2: 0.1 });
    expect(Math.abs(heavy.weights[0 * 3 + 1]!)).toBeLessThan(Math.abs(light.weights[0 * 3 + 1]!));
  });

  it('an empty training set gives zero weights, not NaN', () => {
    const { weights, bias } = trainLogistic([], 2, 3);
    expect([...weights, ...bias].every((x) => x === 0)).toBe(true);
  });
});

describe('the refusing layers\' model as the product reads it', () => {
  const model = parseWeights(REFUSING_LAYERS, [0.2, 0, 0], ['mount -0.5 1.5 -0.5', 'label -0.5 -0.5 1.5', 'denied 0.1 0.1 0.1'].join('\n'));

  it('names the layer whose words these are, by how much, and the words that lean to it', () => {
    const r = resemble(['mount', 'denied'], model, 0)!;
    expect(r).toMatchObject({ classId: 'noexec-mount', words: ['mount'] });
    // By hand: noexec 1.5 + 0.1 against fs-access 0.2 − 0.5 + 0.1 (mac-policy −0.5 + 0.1).
    expect(r.margin).toBeCloseTo(1.6 - -0.2, 5);
    expect(r.runnerUp).toBe('fs-access');
  });

  it('with no word of its own, the bias decides and the margin is small', () => {
    expect(resemble(['denied'], model, 0)).toMatchObject({ classId: 'fs-access', margin: 0.2 });
    expect(resemble(['denied'], model, 1)).toBeUndefined();
  });

  it('a malformed table fails at load, naming the word', () => {
    expect(() => parseWeights(REFUSING_LAYERS, [0, 0, 0], 'mount 1 2')).toThrow(/"mount" has 2 weights for 3 labels/);
    expect(() => parseWeights(REFUSING_LAYERS, [0, 0, 0], 'mount 1 x 2')).toThrow(/"mount" has a weight that is not a number/);
    expect(() => parseWeights(REFUSING_LAYERS, [0, 0], '')).toThrow(/2 biases for 3 labels/);
  });
});
