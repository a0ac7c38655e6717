// The Aho-Corasick steps both of the analyzer's string sets take (needleSet.ts, lineWords.ts): a
// trie of dense rows, its missing edges and failure links folded into them breadth first, and the
// flat table a scan reads, so a scan is one table lookup a character.

/**
 * Adds `key` to the trie `rows` (rows[state][class], -1 for no child; state 0 the root), its
 * characters' classes from `cls`; `onNewState` is told of each state added, so the caller can grow
 * what it keeps per state. Returns the state the key ends in. Mutates `rows`.
 */
export function insertKey(rows: Int32Array[], cls: ArrayLike<number>, width: number, key: string, onNewState: () => void): number {
  let s = 0;
  for (let i = 0; i < key.length; i++) {
    const c = cls[key.charCodeAt(i)]!;
    if (rows[s]![c]! < 0) {
      rows[s]![c] = rows.length;
      rows.push(new Int32Array(width).fill(-1));
      onNewState();
    }
    s = rows[s]![c]!;
  }
  return s;
}

/**
 * The folded rows as one flat table: (state × width + class) → the next state × width,
 * bitwise-negated (negative) when `ends(next state)`, so the hot loop reads one entry per
 * character and branches only on a sign.
 */
export function denseTable(rows: readonly Int32Array[], width: number, ends: (state: number) => boolean): Int32Array {
  const next = new Int32Array(rows.length * width);
  rows.forEach((row, s) => {
    for (let c = 0; c < width; c++) {
      const t = row[c]!;
      next[s * width + c] = ends(t) ? ~(t * width) : t * width;
    }
  });
  return next;
}

/**
 * Folds failure links into `rows` (rows[state][class], -1 for no child; state 0 the root): every
 * missing edge gets the target the failure link would reach. `inherit(state, failState)` is told
 * each link, in breadth-first order, so the caller can add what the failure state matches to what
 * the state matches. Mutates `rows`.
 */
export function foldFailureLinks(rows: Int32Array[], width: number, inherit: (state: number, failState: number) => void): void {
  const fail = new Int32Array(rows.length);
  const queue: number[] = [];
  for (let c = 0; c < width; c++) {
    const t = rows[0]![c]!;
    if (t < 0) rows[0]![c] = 0;
    else queue.push(t);
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    for (let c = 0; c < width; c++) {
      const t = rows[s]![c]!;
      if (t < 0) rows[s]![c] = rows[fail[s]!]![c]!;
      else {
        fail[t] = rows[fail[s]!]![c]!;
        inherit(t, fail[t]!);
        queue.push(t);
      }
    }
  }
}
