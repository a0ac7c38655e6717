// How an argument is shown in a command line a person reads or types. Pure and free of Node, so
// the panel's browser bundle renders fix instructions with the same quoting as the CLI.

/** C0 controls, DEL and C1 controls: bytes a terminal acts on (Ctrl-U wipes the line, CR submits it). */
export const TERMINAL_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const utf8 = new TextEncoder();

/**
 * Quotes one word for bash and zsh as a person would type or paste it. A word with a control
 * character is written as ANSI-C `$'…'` with `\xHH` escapes, so the text holds only printable
 * characters while the shell still sees the original bytes: typed into a terminal, a raw Ctrl-U or
 * CR would edit or submit the line before the user pressed Enter.
 */
export function quoteForDisplay(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  if (!TERMINAL_CONTROL.test(arg)) return `'${arg.replace(/'/g, `'\\''`)}'`;
  let out = '';
  for (const ch of arg) {
    if (ch === '\\' || ch === "'") out += `\\${ch}`;
    else if (TERMINAL_CONTROL.test(ch)) for (const b of utf8.encode(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `$'${out}'`;
}

/**
 * How the shell a fix is typed into reads quoted words. `ansi-c`: bash, zsh and ksh, which read
 * `$'…'` (and every form quoteForDisplay writes). `fish`: single quotes where only `\\` and `\'`
 * are escapes, and `\xHH` outside quotes for a byte (fish's "Quotes" and "Escaping characters"
 * docs). `no-ansi-c`: POSIX sh as dash before 0.5.13, posh, and csh/tcsh, which read `'…'` but
 * not `$'…'`, so a word with a control character has no typeable form there.
 */
export type ShellDialect = 'ansi-c' | 'fish' | 'no-ansi-c';

/** The dialect of a shell by its path or name (`/usr/bin/fish`, `zsh`); undefined for one we do not know (nu, pwsh, xonsh). */
export function shellDialect(shell: string | undefined): ShellDialect | undefined {
  const name = (shell ?? '').split(/[\\/]/).pop()!.replace(/\.exe$/i, '').replace(/^-/, '').toLowerCase();
  if (/^(bash|zsh|ksh|ksh93|mksh|oksh|rbash)$/.test(name)) return 'ansi-c';
  if (name === 'fish') return 'fish';
  if (/^(sh|dash|posh|csh|tcsh)$/.test(name)) return 'no-ansi-c';
  return undefined;
}

/** One word for fish: printable runs in single quotes, control characters as `\xHH` bytes between them. */
export function quoteForFish(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  let out = '';
  let run = '';
  const flush = () => {
    if (run) out += `'${run}'`;
    run = '';
  };
  for (const ch of arg) {
    if (TERMINAL_CONTROL.test(ch)) {
      flush();
      for (const b of utf8.encode(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else run += ch === '\\' || ch === "'" ? `\\${ch}` : ch;
  }
  flush();
  return out || "''";
}

/**
 * A command line written for bash (quoteForDisplay's words, `&&`, redirections) in the dialect's
 * words, or undefined when it holds a word the dialect cannot read. Only quoting changes: the
 * single-quoted, `$'…'` and `\'` forms quoteForDisplay writes are read back to their text and
 * written again; everything else is copied.
 */
export function requoteForShell(text: string, dialect: ShellDialect | undefined): string | undefined {
  if (dialect === undefined || dialect === 'ansi-c') return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '$' && text[i + 1] === "'") {
      const end = ansiCEnd(text, i + 2);
      if (end < 0) return undefined;
      if (dialect === 'no-ansi-c') return undefined;
      out += quoteForFish(decodeAnsiC(text.slice(i + 2, end)));
      i = end + 1;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return undefined;
      const body = text.slice(i + 1, end);
      // In fish a backslash before a backslash or a quote is an escape even inside single quotes.
      out += dialect === 'fish' ? `'${body.replace(/\\/g, '\\\\')}'` : `'${body}'`;
      i = end + 1;
    } else if (c === '\\' && i + 1 < text.length) {
      out += text.slice(i, i + 2);
      i += 2;
    } else if (c === '"') {
      // Double quotes (the fixes' "$USER:", "$PATH:…") read alike in bash and fish for what they hold.
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Index of the quote that closes a `$'…'` body starting at `from` (its escapes skipped), or -1. */
function ansiCEnd(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === "'") return j;
  }
  return -1;
}

/** The text of a `$'…'` body as quoteForDisplay writes it: `\\`, `\'` and `\xHH` bytes of UTF-8. */
function decodeAnsiC(body: string): string {
  const bytes: number[] = [];
  for (let j = 0; j < body.length; j++) {
    const c = body[j]!;
    if (c === '\\' && body[j + 1] === 'x' && /^[0-9a-fA-F]{2}$/.test(body.slice(j + 2, j + 4))) {
      bytes.push(parseInt(body.slice(j + 2, j + 4), 16));
      j += 3;
    } else if (c === '\\' && j + 1 < body.length) {
      bytes.push(...utf8.encode(body[j + 1]!));
      j++;
    } else bytes.push(...utf8.encode(c));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
