// A cgo file's preamble (the comment right above `import "C"`) as cgo reads it: its `#cgo`
// directives, each under its own build constraint, and the C text cgo hands the C compiler. Pure,
// so the cgo probe can preprocess that text with the user's compiler and flags and say which header
// is missing before a build does ("fatal error: pcap.h: No such file or directory").
import { evalBuildExpr, parsePlusBuildLines, tagTrue, type BuildContext } from '../lsp/buildConstraint.js';

export interface CgoDirective {
  /** CFLAGS, CPPFLAGS, CXXFLAGS, FFLAGS, LDFLAGS or pkg-config. */
  verb: string;
  args: string[];
  /** The constraint before the verb ("linux,amd64"), if any. */
  constraint?: string;
}

export interface CgoPreamble {
  /** The preamble with its #cgo lines blanked (line numbers kept), as cgo passes it to the compiler. */
  c: string;
  directives: CgoDirective[];
  /** 1-based line of the preamble's first line in the .go file. */
  line: number;
}

/**
 * Pure: the preamble of the file's `import "C"`: the doc comment immediately above it (a block
 * comment, or a run of // lines), as cmd/cgo takes it. Undefined when the file has no such import.
 */
export function cgoPreamble(src: string): CgoPreamble | undefined {
  const lines = src.split('\n');
  // Only in the import section: after the package clause, before the first declaration (a test's
  // raw string holding a whole cgo file is not this file's import, measured in x/tools).
  const pkg = lines.findIndex((l) => /^package\s/.test(l));
  if (pkg < 0) return undefined;
  const decl = firstDeclaration(lines, pkg + 1);
  const section = lines.slice(0, decl < 0 ? lines.length : decl);
  const at = section.findIndex((l, i) => i > pkg && /^\s*import\s+(?:C\s+)?"C"\s*(?:\/\/.*)?$/.test(l));
  if (at < 0) return undefined;
  let start = at;
  let body: string[] = [];
  const prev = (lines[at - 1] ?? '').trimEnd();
  if (prev.endsWith('*/')) {
    // A block comment: back to the line that opens it.
    let s = at - 1;
    while (s >= 0 && !lines[s]!.includes('/*')) s--;
    if (s < 0) return undefined;
    start = s;
    const text = lines.slice(s, at).join('\n');
    body = text.slice(text.indexOf('/*') + 2, text.lastIndexOf('*/')).split('\n');
  } else {
    let s = at - 1;
    while (s >= 0 && /^\s*\/\//.test(lines[s]!)) s--;
    start = s + 1;
    body = lines.slice(start, at).map((l) => l.replace(/^\s*\/\/ ?/, ''));
  }
  const directives: CgoDirective[] = [];
  const c = body.map((l) => {
    const d = parseCgoDirective(l);
    if (!d) return l;
    directives.push(d);
    return '';
  });
  return { c: c.join('\n'), directives, line: start + 1 };
}

/**
 * Pure: the first top-level declaration line at or after `from`, outside block comments: a preamble's
 * C may start a line with `const char* f(…)` (gopacket's pcap_unix.go, measured: its preamble was
 * taken for a Go declaration and never checked).
 */
function firstDeclaration(lines: readonly string[], from: number): number {
  let inBlock = false;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (inBlock) {
      if (l.includes('*/')) inBlock = false;
      continue;
    }
    const open = l.indexOf('/*');
    if (open >= 0 && !/^\s*\/\//.test(l) && l.indexOf('*/', open + 2) < 0) {
      inBlock = true;
      continue;
    }
    if (/^(?:func|type|var|const)\b/.test(l)) return i;
  }
  return -1;
}

/** Pure: one `#cgo [constraint] VERB: args` line, args split as cgo splits them (quotes, then spaces). */
export function parseCgoDirective(line: string): CgoDirective | undefined {
  const m = /^\s*#cgo\s+(?:([^:]*?)\s+)?([A-Za-z-]+):(.*)$/.exec(line);
  if (!m) return undefined;
  return { verb: m[2]!, args: splitQuoted(m[3]!), ...(m[1]?.trim() ? { constraint: m[1].trim() } : {}) };
}

/** Pure: does a directive apply in this build? Its constraint reads as a // +build line. */
export function directiveApplies(d: CgoDirective, ctx: BuildContext): boolean {
  if (!d.constraint) return true;
  const e = parsePlusBuildLines([d.constraint]);
  return e ? evalBuildExpr(e, (t) => tagTrue(ctx, t)) : false;
}

/** Pure: the program a compiler setting (go env CC, CXX, FC) names: its first word as splitQuoted reads it. */
export function ccProgram(cc: string): string | undefined {
  return splitQuoted(cc)[0] || undefined;
}

/**
 * Pure: where go's CC came from. Set in the environment the tools run with, it is the environment's;
 * not set there yet other than go's default `gcc` (another program, or gcc with flags), it came from the go env file
 * (go env -w CC=…); else it is go's default. cgo.ts and cgoHeaders.ts word their findings and pick
 * their fixes (`go env -u CC`, a PATH for the environment's compiler) by this one answer.
 */
export function ccOrigin(envCC: string | undefined, goEnvCC: string | undefined): 'env' | 'file' | 'default' {
  if (envCC !== undefined) return 'env';
  return (goEnvCC || 'gcc').trim() !== 'gcc' ? 'file' : 'default';
}

/** Pure: cmd/cgo's splitQuoted: spaces separate, single or double quotes group, backslash escapes. */
export function splitQuoted(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  let any = false;
  let escaped = false;
  for (const ch of s) {
    if (escaped) {
      cur += ch;
      escaped = false;
    } else if (ch === '\\') escaped = true;
    else if (quote) {
      if (ch === quote) quote = '';
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      any = true;
    } else if (/\s/.test(ch)) {
      if (cur || any) out.push(cur);
      cur = '';
      any = false;
    } else cur += ch;
  }
  if (cur || any) out.push(cur);
  return out;
}

/** Pure: ${SRCDIR} in #cgo flags is the directory of the package's source (cmd/go expands it). */
export function expandSrcdir(args: readonly string[], dir: string): string[] {
  return args.map((a) => a.replace(/\$\{SRCDIR\}/g, dir));
}

/**
 * Pure: the headers the C preprocessor could not find, in gcc's words ("x.c:5:10: fatal error:
 * pcap.h: No such file or directory") or clang's ("fatal error: 'pcap.h' file not found").
 */
export function missingHeaders(stderr: string): string[] {
  const out = new Set<string>();
  for (const m of stderr.matchAll(/fatal error: (?:'([^']+)' file not found|([^\s:][^:\n]*): No such file or directory)/g)) out.add((m[1] ?? m[2])!.trim());
  return [...out];
}
