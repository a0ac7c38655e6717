// A system message in the user's language read as its English original. Go programs print an
// errno's text in English (syscall.Errno), but C programs localise theirs: glibc's strerror(3)
// and strsignal(3), bash's and coreutils' own messages speak the user's LANG, so a developer on a
// German or Chinese desktop pastes "bash: go: Kommando nicht gefunden.", "fork: Die Ressource ist
// zur Zeit nicht verfügbar", "pthread_create failed for thread 76 of 80: 资源暂时不可用". The rules
// are written in the English words; this file puts them back, from a table generated from the
// translators' catalogs (localizedTable.ts, tools/localized/generate.mjs), and the analyzer's rules
// read the English line instead when it names something (analyzer.ts scan()).
import { NeedleSet } from './needleSet.js';
import { asPrinted } from './rules.js';
import { LOCALIZED_PHRASES } from './localizedTable.js';
import { LOCALIZED_FORMATS } from './localizedFormats.js';
import { utf8AsLatin1 as asBytes } from './lines.js';

/**
 * How much of each phrase's start the screen looks for: enough to be rare in a healthy log (8 bytes
 * are 8 Latin letters or about three Han characters), short enough that the automaton stays small
 * (the whole phrases' UTF-8 would be ten thousand states in a table as wide as their bytes).
 */
const KEY_BYTES = 8;

interface Reader {
  /** The phrases' first bytes: a line without one holds no phrase (a cheap first pass). */
  keys: NeedleSet;
  /** Every phrase (bytes, latin1), longest first, where a program puts it (BEFORE, AFTER). */
  phrases: RegExp;
  /** Phrase (bytes, latin1) → its English. */
  english: Map<string, string>;
}
let reader: Reader | undefined;

// Where a program puts such a phrase: after the ": " (or "：") of "%s: %s", a "[Errno 13] ", Java's
// "error=13, ", or a job's pid (bash's "40423 Getötet   go build"); and before the line's end, a
// separator, a quote, or the spaces before a job's command. Alone on its line too ("Getötet").
// The same words inside a sentence ("Brak dostępu do internetu?", "Keine Berechtigung für X")
// are the user's prose, not a program's message, and are left as they are.
const BEFORE = String.raw`(?<=(?:[:\],\d]|\u00ef\u00bc[\u009a\u008c])[ \t]*)`;
const AFTER = String.raw`(?=[ \t]*$|[ \t]*[:,.;)'"\]]|[ \t]{2,}|[ \t]\(|\u00ef\u00bc|\u00e3\u0080)`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function build(): Reader {
  const english = new Map<string, string>();
  for (const [, en, loc] of LOCALIZED_PHRASES) {
    // As pasted and as the analyzer mends a paste (asPrinted: "пам’ять" is read as "пам'ять").
    for (const form of new Set([asBytes(loc), asPrinted(asBytes(loc))])) english.set(form, en);
  }
  const forms = [...english.keys()].sort((a, b) => b.length - a.length);
  const any = forms.map(escape).join('|');
  return {
    keys: new NeedleSet([...new Set(forms.map((f) => f.slice(0, KEY_BYTES)))]),
    phrases: new RegExp(`^[ \t]*(?:${any})(?=[ \t.]*$)|${BEFORE}(?:${any})${AFTER}`, 'g'),
    english,
  };
}

/**
 * Messages that put a program's name inside the sentence (localizedFormats.ts: Ubuntu's and Debian's
 * command-not-found handler, "No se ha encontrado la orden «go», pero se puede instalar con:"). Each
 * is matched as its words before the name, the name, and its words after it up to the first comma
 * or stop (a paste may cut or wrap the rest, which is taken too when it is there), and put back as
 * the English sentence around the same name.
 */
interface FormatReader {
  keys: NeedleSet;
  rows: Array<{ re: RegExp; english: readonly [string, string] }>;
}
let formats: FormatReader | undefined;
/** The name as the handler prints it: one word, no quotes or spaces. */
const NAME = String.raw`([^\s'"\u00ab\u00bb\u00e2\u00e3]{1,100}?)`;

function buildFormats(): FormatReader {
  const keys: string[] = [];
  const rows: FormatReader['rows'] = [];
  for (const [, english, before, after] of LOCALIZED_FORMATS) {
    const cut = after.search(/[,.\uff0c\u3002]/);
    const head = cut > 0 ? after.slice(0, cut) : after;
    const rest = head.length < after.length ? after.slice(head.length) : '';
    // As printed and as the analyzer mends a paste (asPrinted: French puts no-break spaces inside
    // its guillemets, Chinese typographic quotes around the name).
    for (const mend of [(x: string) => x, asPrinted]) {
      const [b, h, r] = [before, head, rest].map((x) => mend(asBytes(x)));
      // The screen's key: the longer of the two sides (a bare quote before the name says nothing).
      keys.push((b!.length >= h!.length ? b! : h!).slice(0, KEY_BYTES));
      const start = before ? '' : String.raw`(?<![^\s:])`;
      rows.push({
        re: new RegExp(`${start}${escape(b!)}${NAME}${escape(h!)}(?:${escape(r!)})?`, 'g'),
        english: english.split('%s') as unknown as readonly [string, string],
      });
    }
  }
  return { keys: new NeedleSet([...new Set(keys)]), rows };
}

/** The line (latin1 bytes) with each handler message in a language of the table put back in English; undefined when none. */
function formatsInEnglish(bytes: string): string | undefined {
  const f = (formats ??= buildFormats());
  if (!f.keys.test(bytes)) return undefined;
  let out = bytes;
  for (const { re, english } of f.rows) out = out.replace(re, (_, name: string) => `${english[0]}${name}${english[1]}`);
  return out === bytes ? undefined : out;
}

/**
 * A name in the quotes of the user's language, as coreutils' quote() and gnulib's quotearg print
 * one under that LANG ("env: „go“: …", "« go »", "«go»", "「go」"), in C's quotes: the English line
 * says 'go', and the rules read that. Only on a line that held a localized phrase; the analyzer has
 * already mended typographic double and single quotes to ASCII (asPrinted), so a German „go“ comes
 * here as „go". Bytes as latin1: „ E2 80 9E, ‚ E2 80 9A, « C2 AB, » C2 BB, 「 E3 80 8C, 」 E3 80 8D.
 */
const LOCALE_QUOTED = /(?:\u00e2\u0080[\u009e\u009a]|\u00c2\u00ab|\u00e3\u0080\u008c) ?([^\s"'\u00c2\u00e2\u00e3]{1,100}?) ?(?:["']|\u00c2\u00bb|\u00e3\u0080\u008d)/g;

/** Bash's Chinese and Japanese messages put a full-width colon between their parts ("无法执行：权限不够"). */
const FULLWIDTH_COLON = /\u00ef\u00bc\u009a ?/g;

/**
 * The line with each localized phrase of the table replaced by its English; undefined when it
 * holds none (the common case: one automaton pass). `latin1` true: the line is UTF-8 bytes as latin1
 * code units (as the analyzer decodes its chunks) and comes back so; false: a string of real
 * Unicode (a test's, a caller's), read as its UTF-8 bytes and given back in Unicode. Pure.
 */
export function inEnglish(line: string, latin1 = false): string | undefined {
  const r = (reader ??= build());
  const given = latin1 ? line : asBytes(line);
  const named = formatsInEnglish(given);
  const bytes = named ?? given;
  // The line as the caller gave it: latin1 bytes, or Unicode read back from them.
  const asGiven = (s: string | undefined) => (s === undefined || latin1 ? s : Buffer.from(s, 'latin1').toString('utf8'));
  if (!r.keys.test(bytes)) return asGiven(named);
  let out = '';
  let from = 0;
  r.phrases.lastIndex = 0;
  for (let m = r.phrases.exec(bytes); m; m = r.phrases.exec(bytes)) {
    const phrase = m[0].trimStart();
    const at = m.index + m[0].length - phrase.length;
    // French typography puts a space before the colon ("%s : commande introuvable"); the English
    // format has none ("%s: command not found"), and the rules read that.
    const before = bytes.slice(from, at);
    out += (before.endsWith(' : ') ? `${before.slice(0, -3)}: ` : before) + r.english.get(phrase)!;
    from = at + phrase.length;
  }
  if (from === 0) return asGiven(named);
  out += bytes.slice(from);
  return asGiven(out.replace(FULLWIDTH_COLON, ': ').replace(LOCALE_QUOTED, "'$1'"));
}

/** How many phrases and languages the table holds (for tests and the report). */
export function localizedCoverage(): { phrases: number; languages: number } {
  return { phrases: LOCALIZED_PHRASES.length, languages: new Set(LOCALIZED_PHRASES.map((r) => r[0])).size };
}
