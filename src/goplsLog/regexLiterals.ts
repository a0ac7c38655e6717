// The literal text every match of a regex must hold, read from its source: per alternative of its
// top level, the runs of plain characters it concatenates unconditionally, and the groups it
// always goes through (each with its own alternatives). A line that lacks them for every
// alternative cannot match, so the rules' matcher can leave the regex unrun (rules.ts: a line's
// words and needles, found in the one pass over it, say which literals it holds).
//
// The reading is conservative: whatever it does not follow (a lookaround, a class, an escape other
// than a punctuation character's, a quantified character, a `{` or a `}` that may be part of a
// quantifier) ends a run and adds nothing, so a run it gives is always one every match holds.
// Fewer or shorter runs only mean fewer regexes left unrun.

/** One alternative: runs of characters, and groups matched at least once (their alternatives). */
export type Alternative = Array<string | Alternative[]>;

/**
 * The alternatives of `re`'s top level (Alternative); undefined for a regex read in Unicode mode
 * (flags u, v: other escapes) or one whose test() keeps state (g, y: leaving it unrun would change
 * where the next test starts). With the `i` flag a run holds in some case only (without u, no
 * character outside ASCII folds to an ASCII one).
 */
export function mandatoryRuns(re: RegExp): Alternative[] | undefined {
  if (re.unicode || re.flags.includes('v') || re.global || re.sticky) return undefined;
  return alternativesIn(re.source, 0, re.source.length);
}

function alternativesIn(src: string, from: number, to: number): Alternative[] {
  const alternatives: Alternative[] = [];
  let alt: Alternative = [];
  let run = '';
  const endRun = () => {
    if (run) alt.push(run);
    run = '';
  };
  let i = from;
  while (i < to) {
    const c = src[i]!;
    if (c === '|') {
      endRun();
      alternatives.push(alt);
      alt = [];
      i++;
      continue;
    }
    // One atom, from i to `next`: a literal character (lit), a group gone through (group), or
    // something else (neither).
    let lit: string | undefined;
    let group: Alternative[] | undefined;
    let next = i + 1;
    if (c === '(') {
      next = skipGroup(src, i, to);
      // (?:…), (…) and (?<name>…) are gone through; lookarounds ((?=, (?!, (?<=, (?<!) are not read.
      const inner = src[i + 1] !== '?' ? i + 1 : src[i + 2] === ':' ? i + 3 : src[i + 2] === '<' && /[A-Za-z_$]/.test(src[i + 3] ?? '') ? src.indexOf('>', i) + 1 : -1;
      if (inner > 0 && inner < next) group = alternativesIn(src, inner, next - 1);
    } else if (c === '[') {
      next = skipClass(src, i, to);
    } else if (c === '\\') {
      const e = src[i + 1];
      next = i + 2;
      if (e === undefined) next = i + 1;
      else if (/[\^$\\.*+?()[\]{}|/\-'"`~!@#%&=:;,<> _]/.test(e)) lit = e;
      else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(src.slice(i + 2, i + 4))) next = i + 4;
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) next = i + 6;
      else if (e === 'c' && /^[A-Za-z]$/.test(src[i + 2] ?? '')) next = i + 3;
      else if (e === 'k' && src[i + 2] === '<') next = Math.min(to, src.indexOf('>', i) + 1 || to);
      else if (/[0-9]/.test(e)) {
        // A backreference or a legacy octal escape: its digits are all part of it.
        while (next < to && /[0-9]/.test(src[next]!)) next++;
      }
      // Any other escape (\d \s \b \n …) is not a plain character: nothing is added.
    } else if (!'.^$*+?{}])'.includes(c)) {
      lit = c;
    }
    i = Math.min(next, to);
    // What follows the atom: a quantifier changes what it contributes.
    const q = quantifierAt(src, i, to);
    if (q) {
      i = q.end;
      endRun();
      // At least once: it is there, but what follows need not be next to it.
      if (q.min >= 1) {
        if (lit !== undefined) alt.push(lit);
        if (group) alt.push(group);
      }
      continue;
    }
    if (lit !== undefined) {
      run += lit;
      continue;
    }
    endRun();
    if (group) alt.push(group);
  }
  endRun();
  alternatives.push(alt);
  return alternatives;
}

/** The index just past the group opening at i (its parentheses balanced, classes and escapes skipped). */
function skipGroup(src: string, i: number, to: number): number {
  let depth = 0;
  let k = i;
  while (k < to) {
    const c = src[k]!;
    if (c === '\\') k += 2;
    else if (c === '[') k = skipClass(src, k, to);
    else {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return k + 1;
      k++;
    }
  }
  return to;
}

/** The index just past the class opening at i. In a JS regex a `]` right after `[` or `[^` closes it. */
function skipClass(src: string, i: number, to: number): number {
  let k = i + 1;
  if (src[k] === '^') k++;
  while (k < to) {
    const c = src[k]!;
    if (c === '\\') k += 2;
    else if (c === ']') return k + 1;
    else k++;
  }
  return to;
}

/**
 * A quantifier at i (*, +, ?, {n}, {n,}, {n,m}, each maybe lazy): its least count and end. A brace
 * that is not one is a literal brace; it is read as a quantifier of least count 1 that ends
 * nowhere (end = i), so that the atom before it is kept but not joined to what follows, and the
 * brace itself then adds nothing.
 */
function quantifierAt(src: string, i: number, to: number): { min: number; end: number } | undefined {
  if (i >= to) return undefined;
  const c = src[i];
  let min: number;
  let end: number;
  if (c === '*' || c === '?') (min = 0), (end = i + 1);
  else if (c === '+') (min = 1), (end = i + 1);
  else if (c === '{') {
    const m = /^\{(\d+)(?:,(\d*))?\}/.exec(src.slice(i, Math.min(to, i + 24)));
    if (!m) return { min: 1, end: i };
    min = Number(m[1]);
    end = i + m[0].length;
  } else return undefined;
  if (end < to && src[end] === '?') end++;
  return { min, end };
}
