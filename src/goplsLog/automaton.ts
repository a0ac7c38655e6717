// The Aho-Corasick step both of the analyzer's string sets take (needleSet.ts, lineWords.ts): a
// trie's missing edges and failure links, breadth first, folded into its dense rows, so a scan is
// one table lookup a character.

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
