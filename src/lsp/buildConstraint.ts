// Is a .go file part of the build gopls loads, and if not, what build would include it? The
// go/build rules, pure: the `//go:build` expression (go/build/constraint: ||, &&, !, parentheses;
// the older `// +build` lines where no //go:build exists: space = OR, comma = AND, lines AND-ed)
// and the _GOOS/_GOARCH file-name suffix. Tags true in a build: GOOS and GOARCH (android also
// satisfies linux, illumos solaris, ios darwin), "unix" on Unix systems, "cgo" when cgo is on,
// "gc", go1.1 … go1.N for the running Go, and every -tags tag.
import { importPaths } from './goImports.js';
import { excludedByFileName } from './workspaceFiles.js';

export type BuildExpr = { tag: string } | { not: BuildExpr } | { and: [BuildExpr, BuildExpr] } | { or: [BuildExpr, BuildExpr] };

export interface BuildContext {
  goos: string;
  goarch: string;
  /** -tags from GOFLAGS (or gopls's build.buildFlags). */
  tags: readonly string[];
  cgo: boolean;
  /** Minor version of the Go that builds: go1.1 … go1.<minor> are true. */
  goMinor?: number;
}

// go/build's unixOS list (syslist.go).
const UNIX = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'linux', 'netbsd', 'openbsd', 'solaris']);
const GOOS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);
const GOARCH = new Set(['386', 'amd64', 'arm', 'arm64', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'ppc64', 'ppc64le', 'riscv64', 's390x', 'sparc64', 'wasm']);
const IMPLIES: Record<string, string> = { android: 'linux', illumos: 'solaris', ios: 'darwin' };

/** Pure: is one tag true in this build? */
export function tagTrue(ctx: BuildContext, tag: string): boolean {
  if (tag === ctx.goos || tag === ctx.goarch || IMPLIES[ctx.goos] === tag) return true;
  if (tag === 'unix') return UNIX.has(ctx.goos);
  if (tag === 'cgo') return ctx.cgo;
  if (tag === 'gc') return true;
  const v = /^go1\.(\d+)$/.exec(tag);
  if (v) return ctx.goMinor !== undefined && Number(v[1]) <= ctx.goMinor;
  return ctx.tags.includes(tag);
}

export function evalBuildExpr(e: BuildExpr, ok: (tag: string) => boolean): boolean {
  if ('tag' in e) return ok(e.tag);
  if ('not' in e) return !evalBuildExpr(e.not, ok);
  if ('and' in e) return evalBuildExpr(e.and[0], ok) && evalBuildExpr(e.and[1], ok);
  return evalBuildExpr(e.or[0], ok) || evalBuildExpr(e.or[1], ok);
}

/** Pure: a //go:build expression, or undefined when it does not parse (go vet would reject it too). */
export function parseGoBuildExpr(text: string): BuildExpr | undefined {
  const toks = text.match(/\|\||&&|!|\(|\)|[A-Za-z0-9_.]+|\S/g) ?? [];
  if (toks.length === 0 || toks.length > 400) return undefined;
  let i = 0;
  const or = (): BuildExpr | undefined => {
    let x = and();
    while (x && toks[i] === '||') {
      i++;
      const y = and();
      x = y && { or: [x, y] };
    }
    return x;
  };
  const and = (): BuildExpr | undefined => {
    let x = not();
    while (x && toks[i] === '&&') {
      i++;
      const y = not();
      x = y && { and: [x, y] };
    }
    return x;
  };
  const not = (): BuildExpr | undefined => {
    const t = toks[i];
    if (t === '!') {
      i++;
      const x = not();
      return x && { not: x };
    }
    if (t === '(') {
      i++;
      const x = or();
      if (toks[i] !== ')') return undefined;
      i++;
      return x;
    }
    if (t && /^[A-Za-z0-9_.]+$/.test(t)) {
      i++;
      return { tag: t };
    }
    return undefined;
  };
  const e = or();
  return e && i === toks.length ? e : undefined;
}

/** Pure: `// +build` lines (each line an OR of space-separated AND-terms with commas, lines AND-ed). */
export function parsePlusBuildLines(lines: readonly string[]): BuildExpr | undefined {
  let all: BuildExpr | undefined;
  for (const line of lines) {
    let lineExpr: BuildExpr | undefined;
    for (const opt of line.trim().split(/\s+/).filter(Boolean)) {
      let term: BuildExpr | undefined;
      for (const lit of opt.split(',')) {
        const neg = lit.startsWith('!');
        const tag = neg ? lit.slice(1) : lit;
        if (!/^[A-Za-z0-9_.]+$/.test(tag)) return undefined;
        const x: BuildExpr = neg ? { not: { tag } } : { tag };
        term = term ? { and: [term, x] } : x;
      }
      if (term) lineExpr = lineExpr ? { or: [lineExpr, term] } : term;
    }
    if (lineExpr) all = all ? { and: [all, lineExpr] } : lineExpr;
  }
  return all;
}

export interface FileConstraint {
  /** The line as written, and its 1-based number. */
  text: string;
  line: number;
  expr: BuildExpr;
}

/** Pure: the constraint in a file's header (the comments before `package`); //go:build wins over // +build. */
export function fileConstraint(head: string): FileConstraint | undefined {
  const plus: Array<{ text: string; line: number; body: string }> = [];
  const lines = head.split('\n');
  for (let n = 0; n < lines.length && n < 200; n++) {
    const line = lines[n]!.trim();
    if (/^package\s/.test(line)) break;
    const go = /^\/\/go:build\s+(.+)$/.exec(line);
    if (go) {
      const expr = parseGoBuildExpr(go[1]!);
      return expr ? { text: line, line: n + 1, expr } : undefined;
    }
    const pb = /^\/\/ ?\+build\s+(.+)$/.exec(line);
    if (pb) plus.push({ text: line, line: n + 1, body: pb[1]! });
  }
  if (plus.length === 0) return undefined;
  const expr = parsePlusBuildLines(plus.map((p) => p.body));
  return expr ? { text: plus.map((p) => p.text).join('\n'), line: plus[0]!.line, expr } : undefined;
}

export interface Exclusion {
  /** The file name's _GOOS/_GOARCH suffix leaves it out. */
  byName: boolean;
  /** It imports "C" and cgo is off: go/build leaves every cgo file out then (an implicit `cgo` constraint). */
  byCgo?: true;
  /** The header constraint is false in this build. */
  byConstraint?: FileConstraint;
}

/** Pure: does this Go source (its head) import "C"? Only the import declarations count, not the preamble's C. */
export function importsC(src: string): boolean {
  return importPaths(src).includes('C');
}

/**
 * Pure: why a file is left out of this build, or undefined when it is in. A file importing "C" is
 * out with cgo off, as go/build leaves it (a tester's CGO_ENABLED=0 over a cgo main.go was told
 * "its build constraints include it in this build").
 */
export function whyExcluded(fileName: string, head: string, ctx: BuildContext): Exclusion | undefined {
  const byName = excludedByFileName(fileName, ctx.goos, ctx.goarch);
  const c = fileConstraint(head);
  const byConstraint = c && !evalBuildExpr(c.expr, (t) => tagTrue(ctx, t)) ? c : undefined;
  const byCgo = !ctx.cgo && importsC(head);
  return byName || byConstraint || byCgo ? { byName, byConstraint, ...(byCgo ? { byCgo: true as const } : {}) } : undefined;
}

function leaves(e: BuildExpr, out = new Set<string>()): Set<string> {
  if ('tag' in e) out.add(e.tag);
  else if ('not' in e) leaves(e.not, out);
  else for (const x of 'and' in e ? e.and : e.or) leaves(x, out);
  return out;
}

export interface Inclusion {
  /** Tags to add to -tags. */
  addTags: string[];
  /** A GOOS/GOARCH to build for instead, when the file is another platform's. */
  goos?: string;
  goarch?: string;
  /** CGO_ENABLED to set, when the file wants cgo on or off (`!cgo`). */
  cgo?: boolean;
}

/**
 * Pure: the smallest change of build (fewest added tags; this GOOS/GOARCH kept when possible)
 * that includes the file, or undefined when none of the tags and platforms it names does.
 */
export function includingBuild(fileName: string, head: string, ctx: BuildContext): Inclusion | undefined {
  const c = fileConstraint(head);
  const named = c ? [...leaves(c.expr)] : [];
  const nameParts = fileName.replace(/\.go$/, '').replace(/_test$/, '').split('_').slice(1);
  const custom = named.filter((t) => !GOOS.has(t) && !GOARCH.has(t) && t !== 'unix' && t !== 'cgo' && t !== 'gc' && t !== 'gccgo' && !/^go1\.\d+$/.test(t)).slice(0, 8);
  // A negation (`!linux`) names only the platform to leave: the common desktop ones are tried after.
  const oses = [ctx.goos, ...new Set([...nameParts, ...named, 'linux', 'windows', 'darwin'].filter((t) => GOOS.has(t) && t !== ctx.goos))];
  const arches = [ctx.goarch, ...new Set([...nameParts, ...named].filter((t) => GOARCH.has(t) && t !== ctx.goarch))];
  // Subsets of the custom tags, smallest first.
  const subsets: string[][] = [];
  for (let mask = 0; mask < 1 << custom.length; mask++) subsets.push(custom.filter((_, i) => mask & (1 << i)));
  subsets.sort((a, b) => a.length - b.length);
  // This platform first, then with cgo switched, then other platforms (cross-compiling turns cgo off).
  const trials: Array<{ goos: string; goarch: string; cgo: boolean }> = [{ goos: ctx.goos, goarch: ctx.goarch, cgo: ctx.cgo }, { goos: ctx.goos, goarch: ctx.goarch, cgo: !ctx.cgo }];
  for (const goos of oses) for (const goarch of arches) if (goos !== ctx.goos || goarch !== ctx.goarch) trials.push({ goos, goarch, cgo: false });
  for (const t of trials)
    for (const addTags of subsets) {
      const trial: BuildContext = { ...ctx, ...t, tags: [...ctx.tags, ...addTags] };
      if (!whyExcluded(fileName, head, trial))
        return { addTags, ...(t.goos !== ctx.goos ? { goos: t.goos } : {}), ...(t.goarch !== ctx.goarch ? { goarch: t.goarch } : {}), ...(t.goos === ctx.goos && t.goarch === ctx.goarch && t.cgo !== ctx.cgo ? { cgo: t.cgo } : {}) };
    }
  return undefined;
}

/** Pure: the -tags of a GOFLAGS or build-flags list ("-tags=a,b", "-tags a,b", old space-separated). */
export function tagsOfFlags(flags: readonly string[]): string[] {
  for (let i = 0; i < flags.length; i++) {
    const m = /^--?tags(?:=(.*))?$/.exec(flags[i]!);
    if (!m) continue;
    const v = m[1] ?? flags[i + 1] ?? '';
    return v.split(/[,\s]+/).filter(Boolean);
  }
  return [];
}
