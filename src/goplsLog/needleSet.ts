// Which of many fixed strings occur in a text, found in one pass: an Aho-Corasick automaton
// compiled to a dense table over the needles' own characters (every other character is one class).
//
// Why not a regex or an npm package (measured on the 50 MB bench trace, 165 needles, same run):
// V8's alternation of 165 literals tries them at every position (1.5 s on 12 MB of short lines,
// this table 0.21 s); one regex or indexOf per needle rescans a long line 165 times (the 6.7 MB
// single-line log); @monyone/aho-corasick (a Map per trie node) was slower than the regex and
// modern-ahocorasick (grapheme-aware) a hundred times slower.
//
// Needles are matched on UTF-16 code units, exactly as String.prototype.includes does.
import { Trie } from './automaton.js';
import type { CaselessWords } from './lineWords.js';

export class NeedleSet {
  readonly needles: readonly string[];
  /** Code unit → character class; 0 for a code unit no needle has. */
  private readonly cls: Uint16Array;
  /** The same for a byte (a latin1 code unit): 1 KiB that stays in the cache. */
  private readonly byteCls: Int32Array;
  /** Classes, the row width of `next`. */
  private readonly width: number;
  /**
   * (state × width + class) → the next state × width, bitwise-negated (negative) when that state
   * ends a needle: the hot loop reads one entry per character and branches only on a sign.
   */
  private readonly next: Int32Array;
  /** Per state: the needles (indexes) that end there, its own and its suffixes'. */
  private readonly ends: Array<readonly number[] | undefined>;
  /** Needles found in every text (the empty string). */
  private readonly always: readonly number[];
  /** The words' mask of the last findBytesAndWords call. */
  wordMask = 0;
  /** findBytesAndWords's automaton for the last words set it was given. */
  private product: LazyProduct | undefined;

  constructor(needles: readonly string[]) {
    this.needles = [...needles];
    const cls = new Uint16Array(65536);
    let width = 1;
    for (const n of needles) for (let i = 0; i < n.length; i++) if (cls[n.charCodeAt(i)] === 0) cls[n.charCodeAt(i)] = width++;
    this.cls = cls;
    this.byteCls = Int32Array.from(cls.subarray(0, 256));
    this.width = width;
    // The trie: goto[state] is a row of child states (-1: none), ends[state] the needles ending there.
    const trie = new Trie(width);
    const ends: number[][] = [[]];
    needles.forEach((n, idx) => ends[trie.insert(cls, n, () => ends.push([]))]!.push(idx));
    // Failure links, breadth first, folded into the table: every (state, class) gets its target.
    this.next = trie.table((t, f) => ends[t]!.push(...ends[f]!), (t) => ends[t]!.length > 0);
    this.always = ends[0]!;
    this.ends = ends.map((e) => (e.length ? e : undefined));
  }

  /** Does any needle occur in text? */
  test(text: string): boolean {
    if (this.always.length) return true;
    const { cls, next } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      s = next[s + cls[text.charCodeAt(i)]!]!;
      if (s < 0) return true;
    }
    return false;
  }

  /**
   * Sets found[i] to 1 for every needle i that occurs in text (found has one slot per needle and
   * is not cleared here); returns how many were newly set. `list`, if given, gets each newly set i.
   */
  find(text: string, found: Uint8Array, list?: number[]): number {
    const { cls, next, width, ends } = this;
    let n = 0;
    for (const i of this.always) if (found[i] === 0) (found[i] = 1), n++, list?.push(i);
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      s = next[s + cls[text.charCodeAt(i)]!]!;
      if (s < 0) {
        s = ~s;
        for (const k of ends[s / width]!) if (found[k] === 0) (found[k] = 1), n++, list?.push(k);
      }
    }
    return n;
  }

  /**
   * find() over bytes[from, to) read as latin1 code units (one byte, one code unit): the same
   * answer as find(bytes.latin1Slice(from, to)), faster, since a typed array's bytes are read
   * directly where a string cut from a larger one is unwrapped at every charCodeAt.
   */
  findBytes(bytes: Uint8Array, from: number, to: number, found: Uint8Array, list?: number[]): number {
    const { byteCls, next, width, ends } = this;
    let n = 0;
    for (const i of this.always) if (found[i] === 0) (found[i] = 1), n++, list?.push(i);
    let s = 0;
    for (let i = from; i < to; i++) {
      s = next[s + byteCls[bytes[i]!]!]!;
      if (s < 0) {
        s = ~s;
        for (const k of ends[s / width]!) if (found[k] === 0) (found[k] = 1), n++, list?.push(k);
      }
    }
    return n;
  }

  /**
   * findBytes() and words.maskBytes() over the same bytes in one pass; returns findBytes's count and
   * leaves the mask in `wordMask`. The pass runs one automaton, the product of the two over bytes
   * (LazyProduct), whose states are made as a text first reaches them: one table read a byte,
   * where the two side by side read two.
   */
  findBytesAndWords(bytes: Uint8Array, from: number, to: number, found: Uint8Array, list: number[] | undefined, words: CaselessWords): number {
    let p = this.product;
    if (p === undefined || p.words !== words) p = this.product = new LazyProduct(this.byteCls, this.next, this.width, this.ends, words);
    const { col, ends, masks, classes } = p;
    let table = p.table;
    let n = 0;
    for (const i of this.always) if (found[i] === 0) (found[i] = 1), n++, list?.push(i);
    let s = 0;
    let m = 0;
    let i = from;
    scan: while (i < to) {
      // The common case in a loop of its own, with no call in it (so the compiler keeps the
      // tables' addresses out of it): a byte to a state already made that ends nothing.
      let v = table[s + col[bytes[i]!]!]!;
      while (v >= 0) {
        s = v;
        if (++i === to) break scan;
        v = table[s + col[bytes[i]!]!]!;
      }
      if (v === UNMADE) {
        v = p.make(s, col[bytes[i]!]!);
        table = p.table;
        if (v >= 0) {
          s = v;
          i++;
          continue;
        }
      }
      s = ~v;
      const row = s / classes;
      const e = ends[row];
      if (e !== undefined) for (const k of e) if (found[k] === 0) (found[k] = 1), n++, list?.push(k);
      m |= masks[row]!;
      i++;
    }
    this.wordMask = m;
    return n;
  }
}

/** A product transition not made yet (LazyProduct). */
const UNMADE = -0x40000000;

/**
 * The needles' automaton and a CaselessWords automaton run together over bytes as one: a state is
 * a pair of theirs, a byte's class the pair of its classes (90 for the rules' needles and the line
 * words). Its transitions are made when a text first takes them, so only the pairs texts reach
 * exist (a trace's lines keep to a few hundred; every reachable pair is about 16 800, 6 MB), and
 * making them costs nothing up front (all of them at once took about 150 ms).
 */
class LazyProduct {
  readonly col: Int32Array;
  readonly classes: number;
  /**
   * (state × classes + class) → the next state × classes, bitwise-negated when that state ends a
   * needle or a word, or UNMADE. Grows as states are made (make() may replace it; ends and masks
   * grow in place).
   */
  table: Int32Array;
  /** Per state: the needles that end there (the needle automaton's ends of its half). */
  readonly ends: Array<readonly number[] | undefined> = [];
  /** Per state: the words' bits that end there. */
  readonly masks: number[] = [];
  /** Per state: its pair, the needle state × width and the word state × words.width. */
  private readonly pairs: number[] = [];
  private readonly byPair = new Map<number, number>();
  /** Per class: a byte of it (whose classes in the two automata it stands for). */
  private readonly sample: number[] = [];
  private states = 0;

  constructor(
    private readonly byteCls: Int32Array,
    private readonly next: Int32Array,
    private readonly width: number,
    private readonly needleEnds: ReadonlyArray<readonly number[] | undefined>,
    readonly words: CaselessWords,
  ) {
    const classOf = new Map<number, number>();
    this.col = new Int32Array(256);
    for (let b = 0; b < 256; b++) {
      const key = byteCls[b]! * 65536 + words.byteCls[b]!;
      let c = classOf.get(key);
      if (c === undefined) {
        classOf.set(key, (c = this.sample.length));
        this.sample.push(b);
      }
      this.col[b] = c;
    }
    this.classes = this.sample.length;
    this.table = new Int32Array(64 * this.classes).fill(UNMADE);
    this.stateOf(0, 0);
  }

  /** The transition from state s (× classes) on class c, made and stored. */
  make(s: number, c: number): number {
    const row = s / this.classes;
    const b = this.sample[c]!;
    const ns = this.pairs[2 * row]!;
    const ws = this.pairs[2 * row + 1]!;
    let t = this.next[ns + this.byteCls[b]!]!;
    if (t < 0) t = ~t;
    let u = this.words.next[ws + this.words.byteCls[b]!]!;
    if (u < 0) u = ~u;
    const target = this.stateOf(t, u);
    const tr = target / this.classes;
    const v = this.ends[tr] !== undefined || this.masks[tr] !== 0 ? ~target : target;
    this.table[s + c] = v;
    return v;
  }

  /** The state (× classes) of a pair of states (each × its width), made if new. */
  private stateOf(t: number, u: number): number {
    const key = (t / this.width) * (this.words.next.length / this.words.width) + u / this.words.width;
    const known = this.byPair.get(key);
    if (known !== undefined) return known;
    const row = this.states++;
    if ((row + 1) * this.classes > this.table.length) {
      const grown = new Int32Array(this.table.length * 2).fill(UNMADE);
      grown.set(this.table);
      this.table = grown;
    }
    this.pairs.push(t, u);
    this.ends.push(this.needleEnds[t / this.width]);
    this.masks.push(this.words.masks[u / this.words.width]!);
    this.byPair.set(key, row * this.classes);
    return row * this.classes;
  }
}
