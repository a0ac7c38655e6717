// Which of a few words a line holds, in any ASCII case, found in one pass: the cheap screen in
// front of the analyzer's per-line context regexes (a watcher, gopls, an exec, a container runtime
// named; an error word; a character a paste may have replaced).
//
// Why: a trace's screened record bodies are mostly a healthy server's chatter, and each of those
// regexes (case-insensitive alternations) walked every one of them, about 40 ms each on the 200 MB
// bench trace; this pass over the same bytes costs about as much as one of them, and a regex now
// runs only on a line that holds a word it needs.
//
// Each word stands for a bit; a line's mask is the OR of the bits of the words it holds. ASCII
// letters are matched in either case (what a regex's `i` flag does to them: without the `u` flag
// no other character folds to an ASCII letter), every other code unit exactly.

import { Trie } from './automaton.js';

export class CaselessWords {
  // Read by NeedleSet.findBytesAndWords, which runs this automaton beside its own in one loop.
  /** Code unit → character class (0: a code unit no word has); A-Z share a-z's class. */
  readonly cls: Uint8Array;
  /** The same for a byte (a latin1 code unit). */
  readonly byteCls: Int32Array;
  readonly width: number;
  /** (state × width + class) → next state × width, bitwise-negated when that state ends a word. */
  readonly next: Int32Array;
  /** Per state: the bits of the words that end there, its own and its suffixes'. */
  readonly masks: Int32Array;

  /** `words`: each word (ASCII letters in lower case) with its bit. */
  constructor(words: ReadonlyArray<readonly [string, number]>) {
    const cls = new Uint8Array(65536);
    let width = 1;
    for (const [w] of words) {
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        if (c >= 0x41 && c <= 0x5a) throw new Error(`CaselessWords: "${w}" has an upper-case letter`);
        if (cls[c] === 0) {
          if (width > 255) throw new Error('CaselessWords: too many distinct characters');
          cls[c] = width++;
          if (c >= 0x61 && c <= 0x7a) cls[c - 0x20] = cls[c]!;
        }
      }
    }
    this.cls = cls;
    this.byteCls = Int32Array.from(cls.subarray(0, 256));
    this.width = width;
    // The trie, then the failure links breadth first, folded into dense rows (automaton.ts, as NeedleSet does).
    const trie = new Trie(width);
    const mask: number[] = [0];
    for (const [w, bit] of words) mask[trie.insert(cls, w, () => mask.push(0))]! |= bit;
    this.next = trie.table((t, f) => (mask[t]! |= mask[f]!), (t) => mask[t] !== 0);
    this.masks = Int32Array.from(mask);
  }

  /** The OR of the bits of the words in text. */
  mask(text: string): number {
    const { cls, next, width, masks } = this;
    let m = 0;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      s = next[s + cls[text.charCodeAt(i)]!]!;
      if (s < 0) {
        s = ~s;
        m |= masks[s / width]!;
      }
    }
    return m;
  }

  /** mask() of bytes[from, to) read as latin1 code units: the same answer, without a string. */
  maskBytes(bytes: Uint8Array, from: number, to: number): number {
    const { byteCls, next, width, masks } = this;
    let m = 0;
    let s = 0;
    for (let i = from; i < to; i++) {
      s = next[s + byteCls[bytes[i]!]!]!;
      if (s < 0) {
        s = ~s;
        m |= masks[s / width]!;
      }
    }
    return m;
  }
}
