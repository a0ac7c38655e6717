// The Aho-Corasick steps both of the analyzer's string sets take (needleSet.ts, lineWords.ts): a
// trie, its missing edges and failure links folded in breadth first, and the flat table a scan
// reads, so a scan is one table lookup a character.
//
// Why the trie is a map of edges and the table is filled in place: the rules' 1042 needles make
// ~18,000 states over ~100 character classes. Built as one typed array per state (as until
// 2026-12-04), the first analysis of a process grew its RSS by ~27 MiB for a 7 MB table: 18,000
// small backing stores that malloc keeps after they are freed. The edges map holds only the
// edges that exist, and the one table is allocated once at its final size.

/** A trie under construction: its edges (state × width + class → child) and its state count. */
export class Trie {
  private readonly edges = new Map<number, number>();
  /** States so far; state 0 is the root. */
  states = 1;

  constructor(readonly width: number) {}

  /**
   * Adds `key`, its characters' classes from `cls`; `onNewState` is told of each state added, so
   * the caller can grow what it keeps per state. Returns the state the key ends in.
   */
  insert(cls: ArrayLike<number>, key: string, onNewState: () => void): number {
    let s = 0;
    for (let i = 0; i < key.length; i++) {
      const k = s * this.width + cls[key.charCodeAt(i)]!;
      let t = this.edges.get(k);
      if (t === undefined) {
        t = this.states++;
        this.edges.set(k, t);
        onNewState();
      }
      s = t;
    }
    return s;
  }

  /**
   * The scan table: (state × width + class) → the next state × width, bitwise-negated (negative)
   * when `ends(next state)`, so the hot loop reads one entry per character and branches only on a
   * sign. Every missing edge gets the target its failure link reaches, found breadth first;
   * `inherit(state, failState)` is told each link in that order, so the caller can add what the
   * failure state matches to what the state matches before `ends` is asked.
   */
  table(inherit: (state: number, failState: number) => void, ends: (state: number) => boolean): Int32Array {
    const { width } = this;
    const next = new Int32Array(this.states * width).fill(-1);
    for (const [k, t] of this.edges) next[k] = t;
    this.edges.clear();
    foldFailureLinks(next, width, this.states, inherit);
    for (let i = 0; i < next.length; i++) {
      const t = next[i]!;
      next[i] = ends(t) ? ~(t * width) : t * width;
    }
    return next;
  }
}

/**
 * Folds failure links into `rows` (rows[state × width + class], -1 for no child; state 0 the
 * root), in place: every missing edge gets the target the failure link would reach.
 */
function foldFailureLinks(rows: Int32Array, width: number, states: number, inherit: (state: number, failState: number) => void): void {
  const fail = new Int32Array(states);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let c = 0; c < width; c++) {
    const t = rows[c]!;
    if (t < 0) rows[c] = 0;
    else queue[tail++] = t;
  }
  for (let q = 0; q < tail; q++) {
    const s = queue[q]!;
    const row = s * width;
    const failRow = fail[s]! * width;
    for (let c = 0; c < width; c++) {
      const t = rows[row + c]!;
      if (t < 0) rows[row + c] = rows[failRow + c]!;
      else {
        fail[t] = rows[failRow + c]!;
        inherit(t, fail[t]!);
        queue[tail++] = t;
      }
    }
  }
}
