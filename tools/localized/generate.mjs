// Generates src/goplsLog/localizedTable.ts: what glibc's strerror(3)/strsignal(3) and bash print in
// the user's language for the English phrases the rules read, from the translators' own catalogs.
//
// Input: the compiled catalogs (.mo) of the domains "libc" (glibc), "bash" and "coreutils", as Debian
// 12 installs them (packages libc-l10n 2.36, bash 5.2.15, coreutils 9.1: /usr/share/locale/LANG/
// LC_MESSAGES/). They are msgfmt's output of the upstream po files (bminor/glibc po/LANG.po at the
// glibc-2.36 release, bminor/bash po/LANG.po at bash-5.2, and the Translation Project's coreutils
// po files for 9.1, which coreutils fetches at release and keeps out of git), so the strings are the
// translators' bytes, not retyped; msgfmt
// leaves out empty and fuzzy entries. Run: node tools/localized/generate.mjs [LOCALE_DIR]
// (default /usr/share/locale), then commit the output; test/fixtures/locale-messages.md says more.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { LANGS, letters, readMo } from './mo.mjs';

const LOCALE_DIR = process.argv[2] ?? '/usr/share/locale';
const OUT = new URL('../../src/goplsLog/localizedTable.ts', import.meta.url);

// The English texts, as the programs print them (strerror's, strsignal's, bash's format strings).
const LIBC = [
  'Operation not permitted', 'No such file or directory', 'Permission denied', 'Resource temporarily unavailable',
  'Cannot allocate memory', 'No space left on device', 'Read-only file system', 'Too many open files',
  'Exec format error', 'Text file busy', 'Disk quota exceeded', 'Input/output error', 'No locks available',
  'Stale file handle',
  // strsignal(3): what bash prints for a job a signal ended ("Killed" after an OOM kill). Not
  // "Terminated" or "Aborted": no rule reads strsignal's words for them, and their translations are
  // mostly one common word ("Beendet", "Afgebroken", "Complété").
  'Killed', 'Segmentation fault', 'Illegal instruction', 'Bus error', 'Bad system call',
  // The dynamic loader's own words (elf/dl-load.c, dl-reloc.c, in the libc domain too): "./x: error
  // while loading shared libraries: libx.so: failed to map segment from shared object" is a noexec
  // mount; the protection changes SELinux's execmod and execstack refuse are a policy.
  'error while loading shared libraries', 'cannot open shared object file', 'failed to map segment from shared object',
  'cannot restore segment prot after reloc', 'cannot make segment writable for relocation',
  'cannot enable executable stack as shared object requires',
];
// GNU coreutils' own formats the rules read: tail -f's watcher ("tail: inotify resources
// exhausted"), and env/timeout/nohup's exec ("timeout: failed to run command 'go': …").
const COREUTILS = ['inotify resources exhausted', 'inotify cannot be used, reverting to polling', 'failed to run command %s'];
const BASH = [
  '%s: command not found', '%s: cannot execute binary file', '%s: cannot execute binary file: %s',
  '%s: %s: bad interpreter', '%s: cannot execute: %s', '%s: cannot execute: required file not found',
];

const FORMAT = /%(?:\d+\$)?[-#0 +']*\d*(?:\.\d+)?(?:l|ll|h|z)?[sdiuxXc]/g;
// What is trimmed off a literal part's ends: spaces, the ": " before an argument, a final period;
// and, next to an argument only, the quotes around it ("« %s »", "`%s'"), which are not the
// message's words. A quote at the message's own edge ("'inotify' kan niet…") is kept.
const EDGE = /^[\s:：]+|[\s:：.。]+$/g;
const QUOTES_AFTER_ARG = /^[\s«»"'`‘’“”„「」]+/;
const QUOTES_BEFORE_ARG = /[\s«»"'`‘’“”„「」]+$/;
/** The one literal part of a format string that says the message (the rest is %s and ": "). */
function core(s) {
  const raw = s.split(FORMAT);
  const parts = raw
    .map((p, i) => {
      let q = p;
      if (i > 0) q = q.replace(QUOTES_AFTER_ARG, '');
      if (i < raw.length - 1) q = q.replace(QUOTES_BEFORE_ARG, '');
      return q.replace(EDGE, '');
    })
    .filter((p) => p.length > 0);
  return parts.length === 1 ? parts[0] : undefined;
}

// Scripts whose letters are syllables or words: a phrase of 3 Han or kana characters (4 Hangul
// syllables) says as much as 6 Latin letters.
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const HANGUL = /[\uac00-\ud7af]/;

function main() {
  const rows = [];
  const skipped = [];
  /** One-word translations some catalog also uses inside other messages: common words, everywhere. */
  const common = new Set();
  const sources = [];
  for (const lang of LANGS) {
    for (const [domain, ids] of [['libc', LIBC], ['bash', BASH], ['coreutils', COREUTILS]]) {
      const file = path.join(LOCALE_DIR, lang, 'LC_MESSAGES', `${domain}.mo`);
      if (!fs.existsSync(file)) {
        skipped.push(`${lang} ${domain}: no catalog`);
        continue;
      }
      const mo = readMo(file);
      const header = mo.get('') ?? '';
      const version = /Project-Id-Version: ([^\n]*)/.exec(header)?.[1] ?? '?';
      const revised = /PO-Revision-Date: ([^\n]*)/.exec(header)?.[1] ?? '?';
      sources.push(`${lang} ${domain}: ${version}, PO-Revision-Date ${revised}`);
      // Every translation in this catalog, for the common-word test below.
      const all = [...mo.values()];
      for (const id of ids) {
        const str = mo.get(id);
        const en = core(id);
        const loc = str === undefined ? undefined : core(str);
        const why =
          str === undefined || str === '' ? 'untranslated'
          : loc === undefined ? 'the message is split around its arguments'
          : loc === en ? 'same as the English'
          : CJK.test(loc) ? (letters(loc) < 3 ? 'too short' : undefined)
          : HANGUL.test(loc) ? (letters(loc) < 4 ? 'too short' : undefined)
          : letters(loc) < 6 ? 'too short'
          // One word that the catalog also uses inside other messages is a common word ("Beendet").
          : !/\s/.test(loc) && all.filter((t) => t !== str && new RegExp(`(?<![\\p{L}])${loc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu').test(t)).length > 2 ? 'a common word'
          : undefined;
        if (why === 'a common word') common.add(loc);
        if (why) skipped.push(`${lang} ${domain} "${id}" → ${JSON.stringify(str)}: ${why}`);
        else rows.push([lang, en, loc]);
      }
    }
  }
  // The same translation in two domains or two languages (pt and pt_BR) is one row.
  const seen = new Set();
  for (const [lang, en, loc] of rows) if (common.has(loc)) skipped.push(`${lang} "${en}" → "${loc}": a common word in another catalog`);
  const unique = rows.filter((r) => {
    if (common.has(r[2])) return false;
    const k = `${r[1]}\u0000${r[2]}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  // A translation two English phrases share cannot be read back: dropped.
  const enOf = new Map();
  for (const [, en, loc] of unique) enOf.set(loc, enOf.has(loc) && enOf.get(loc) !== en ? null : en);
  const table = unique.filter(([, , loc]) => enOf.get(loc) !== null);
  for (const [lang, en, loc] of unique) if (enOf.get(loc) === null) skipped.push(`${lang} "${en}" → "${loc}": two English phrases share it`);
  let pkgs = '';
  try {
    pkgs = execFileSync('dpkg-query', ['-W', '-f', '${Package} ${Version}\\n', 'libc-l10n', 'bash', 'coreutils'], { encoding: 'utf8' }).trim();
  } catch {
    pkgs = '(dpkg-query not available)';
  }
  const out = [
    '// GENERATED by tools/localized/generate.mjs from the translators\' catalogs; do not edit by hand.',
    '// Each row: [language, the English phrase as glibc/bash print it, the phrase as the language\'s',
    '// catalog translates it]. Upstream po files: bminor/glibc po/LANG.po (glibc-2.36),',
    '// bminor/bash po/LANG.po (bash-5.2) and the Translation Project\'s coreutils po (9.1), compiled as Debian 12 ships them:',
    ...pkgs.split('\n').map((l) => `//   ${l}`),
    '// Catalog versions (Project-Id-Version and PO-Revision-Date of each; the German glibc rows were',
    '// checked against bminor/glibc po/de.po at 019d850902a34eb68cd83e3edd8bb19f4aafb58c, glibc 2.37.9000):',
    ...sources.map((s) => `//   ${s}`),
    '// Left out (empty or untranslated, split around an argument, too short, a common word, ambiguous):',
    ...skipped.map((s) => `//   ${s}`),
    'export const LOCALIZED_PHRASES: ReadonlyArray<readonly [lang: string, english: string, localized: string]> = [',
    ...table.map((r) => `  ${JSON.stringify(r).replace(/^\[|\]$/g, (m) => m).replace(/","/g, '", "')},`),
    '];',
    '',
  ].join('\n');
  fs.writeFileSync(OUT, out);
  console.log(`${table.length} phrases, ${skipped.length} left out → ${OUT.pathname}`);
}
main();
