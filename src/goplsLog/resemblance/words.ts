// The words a text is compared by (resemblance/classify.ts): lower-case runs of letters (and _,
// for max_user_watches), and each pair of neighbours on a line. Digits, addresses and punctuation
// say nothing about the class and differ in every report (pids, times, 0xc000376270, go1.21), so
// they end a word and are not words, and letters right after a digit (the x of 0x) start none;
// a path or a flag falls apart into its words (/proc/sys/fs/inotify → proc, sys, inotify). Pairs
// keep what single words lose: "no required" module, "go mod", "not found" against "found".
// Single words are 3 to 30 characters (shorter ones are mostly noise: "is", "to"); a pair may use
// 2-character words ("go+mod", "no+such"). The same function builds the model
// (test/corpus/train.ts) and reads a log, so the two can never disagree.

import { logfmtMessage } from '../rules.js';
import { isBoilerplate, stepCommand, withoutFormTags } from './boilerplate.js';

const WORD = /(?<![a-z0-9])[a-z][a-z_]*/g;
/**
 * A compiler's or vet's position at a line's start ("pkg/aa/mount.go:8:2: package slices is not in
 * GOROOT"): the user's own file, whose name says nothing about the class (a mount.go in a compile
 * error lent "mount" to the negatives). Stack frames ("…/proc.go:123 +0x48") carry no column and
 * keep their words: gopls's own frames name gopls.
 */
const SOURCE_POSITION = /^\s*(?:[\w.@+~-]*\/)*[\w.@+-]+\.go:\d+:\d+:/;
const MIN = 3;
const MIN_IN_PAIR = 2;
const MAX = 30;

/** Adds the words and word pairs of one line to `into` when `keep` accepts them (the model's vocabulary). */
export function addWords(line: string, into: Set<string>, keep: (w: string) => boolean = () => true): void {
  // What a form, a runner or gopls's healthy start put around the failure (boilerplate.ts).
  if (isBoilerplate(line)) return;
  // A logfmt record's keys (time=, level=, msg=) are the daemon's logger's, not the failure's words;
  // a builder's failed step is read for its command (boilerplate.ts stepCommand).
  const lower = withoutFormTags(logfmtMessage(line) ?? stepCommand(line) ?? line).replace(SOURCE_POSITION, ' ').toLowerCase();
  let prev: string | undefined;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    const w = m[0];
    if (w.length > MAX || w.length < MIN_IN_PAIR) {
      prev = w.length > MAX ? undefined : prev;
      continue;
    }
    if (w.length >= MIN && keep(w)) into.add(w);
    if (prev !== undefined) {
      const pair = `${prev}+${w}`;
      if (keep(pair)) into.add(pair);
    }
    prev = w;
  }
}

/** A word or pair as a person reads it: "no+required" is "no required". */
export function shownWord(w: string): string {
  return w.replace('+', ' ');
}

/** The distinct words and word pairs of a text, line by line. */
export function wordsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) addWords(line, out);
  return out;
}
