// The log rule gowork-use-missing retold with what its lines name: the go.work file and the
// folders it uses that are not there or hold no go.mod, and the go work command that drops them.
// Each line says part of it, in gopls v0.23.0's and go1.26.8's words (measured):
//   gopls's diagnostic on the go.work  {"uri":"file:///w/go.work",…"message":"directory ./gone does not contain a module"}
//   gopls's own stat                   errors loading workspace: stat /w/gone/go.mod: no such file or directory
//   go, relative to where it ran       go: cannot load module ../gone listed in go.work file: open ../gone/go.mod: …
//                                      (gopls's record of it ends "\tdirectory=/w/real": where it ran go)
// `go work edit -dropuse` matches the use line as written in go.work (relative to its folder; an
// absolute path or one relative to elsewhere drops nothing, measured), so the command is typed
// only when the go.work and the line are known.
import path from 'node:path';
import type { Fix, FindingInput } from '../doctor/model.js';
import { quoteForDisplay } from '../host/exec.js';

export interface GoWorkUses {
  /** The go.work file, when a line names it. */
  workFile?: string;
  /**
   * The go.work's folder: the named file's, or the one a folder's absolute path and its use line
   * (relative to that folder) agree on when the excerpts kept only those.
   */
  base?: string;
  /**
   * The missing folders: as written in go.work, absolute, or as go printed it relative to a folder
   * the line does not name (`said`), each when known.
   */
  dirs: Array<{ written?: string; abs?: string; said?: string }>;
}

/** A trace's JSON escapes gopls's tabs, newlines and quotes: read the text as gopls wrote it. */
const unescape = (t: string): string => t.replace(/\\t/g, '\t').replace(/\\n/g, '\n').replace(/\\"/g, '"');

const WORK_URI = /"uri":"file:\/\/(\/[^"]*?\.work)"/;
const NOT_A_MODULE = /\bdirectory (\S+) does not contain a module\b/g;
const STATTED = /: stat (\/\S+)\/go\.mod: no such file or directory/g;
const GO_SAID = /cannot load module (\S+) listed in go\.work file: open \S*go\.mod: /g;
const RAN_IN = /\n\s*directory=(\/[^\s"]+)/;
const MAX_DIRS = 8;

/** A relative path without its leading ./ and ../ steps: the tail an absolute path ends with. */
const tailOf = (rel: string): string => path.normalize(rel).split('/').filter((p) => p && p !== '.' && p !== '..').join('/');
const endsWithTail = (abs: string, rel: string): boolean => {
  const t = tailOf(rel);
  return t !== '' && (abs === `/${t}` || abs.endsWith(`/${t}`));
};

/**
 * Pure: the go.work and the missing folders the rule's lines name. The lines are excerpts (a trace
 * line is cut around its match), so one may keep the folder's absolute path and another only its
 * use line or go's relative name: they are one folder when the path ends with the name.
 */
export function goWorkUsesOf(texts: readonly string[]): GoWorkUses {
  let workFile: string | undefined;
  const abs = new Set<string>();
  const written = new Set<string>();
  const said = new Set<string>();
  for (const raw of texts) {
    const t = unescape(raw);
    const uri = WORK_URI.exec(t)?.[1];
    if (uri) workFile ??= uri;
    for (const m of t.matchAll(NOT_A_MODULE)) {
      written.add(m[1]!);
      if (uri) abs.add(path.resolve(path.dirname(uri), m[1]!));
    }
    for (const m of t.matchAll(STATTED)) abs.add(m[1]!);
    const ran = RAN_IN.exec(t)?.[1];
    for (const m of t.matchAll(GO_SAID)) {
      if (path.isAbsolute(m[1]!)) abs.add(m[1]!);
      else if (ran) abs.add(path.resolve(ran, m[1]!));
      else said.add(m[1]!);
    }
  }
  let base = workFile ? path.dirname(workFile) : undefined;
  if (!base) {
    // Every use line that matches an absolute path must say the same folder.
    const bases = new Set<string>();
    for (const w of written) for (const a of abs) if (endsWithTail(a, w) && !w.startsWith('..')) bases.add(a.slice(0, a.length - tailOf(w).length - 1) || '/');
    if (bases.size === 1) base = [...bases][0];
  }
  const dirs: GoWorkUses['dirs'] = [...abs].map((a) => ({ abs: a }));
  for (const w of written) {
    const d = dirs.find((x) => x.abs && !x.written && (base ? path.resolve(base, w) === x.abs : endsWithTail(x.abs, w)));
    if (d) d.written = w;
    else dirs.push(base ? { written: w, abs: path.resolve(base, w) } : { written: w });
  }
  for (const s of said) if (!dirs.some((x) => (x.abs && endsWithTail(x.abs, s)) || (x.written && tailOf(x.written) === tailOf(s)))) dirs.push({ said: s });
  // Once the go.work's folder is known, every folder has its use line, relative to it.
  if (base) for (const d of dirs) if (d.abs && !d.written) d.written = relUse(base, d.abs);
  return { ...(workFile ? { workFile } : {}), ...(base ? { base } : {}), dirs: dirs.slice(0, MAX_DIRS) };
}

/** A use line as go work writes it: ./x inside the folder, ../x beside it. */
const relUse = (base: string, abs: string): string => {
  const r = path.relative(base, abs);
  return r.startsWith('..') ? r : `./${r}`;
};

/** Pure: the rule's finding, naming the go.work and the folders, with the go work commands that drop them. */
export function asGoWorkUseMissing(f: FindingInput, texts: readonly string[], n: number, name: string): FindingInput {
  const uses = goWorkUsesOf(texts);
  if (!uses.dirs.length) return f;
  const shown = uses.dirs.map((d) => d.abs ?? d.written ?? d.said!).join(', ');
  const base = uses.base;
  const work = uses.workFile ?? (base ? `the go.work in ${base}` : 'the go.work in effect (GOWORK, or the first go.work above the folder: go env GOWORK names it)');
  const written = uses.dirs.map((d) => d.written).filter((w): w is string => !!w);
  const fixes: Fix[] = [];
  if (base && written.length) {
    fixes.push({
      id: 'go-work-drop-missing',
      kind: 'terminal',
      title: `Drop the use lines of ${uses.workFile ?? path.join(base, 'go.work')} that name no module (${written.join(', ')})`,
      text: `go work edit ${written.map((w) => quoteForDisplay(`-dropuse=${w}`)).join(' ')}`,
      needsRoot: false,
      cwd: base,
      detail: 'Or delete those lines from go.work by hand. Add a module back with go work use DIR once it is checked out there.',
    });
  }
  if (base) {
    fixes.push({
      id: 'go-work-use-recursive',
      kind: 'terminal',
      title: `Or list again the modules under ${base} in its go.work`,
      text: 'go work use -r .',
      needsRoot: false,
      cwd: base,
      detail: 'Drops the use lines of folders under it that no longer hold a go.mod, and adds the modules found there; a use of a folder outside it is left as it is.',
    });
  }
  fixes.push({ id: 'go-work-show', kind: 'terminal', check: true, title: 'Show which go.work is in effect and the folders it uses', text: 'go env GOWORK && go work edit -json', needsRoot: false, ...(base ? { cwd: base } : {}) });
  return {
    ...f,
    message: `${work} uses ${shown}, which ${uses.dirs.length === 1 ? 'does' : 'do'} not exist or hold${uses.dirs.length === 1 ? 's' : ''} no go.mod (${n} ${n === 1 ? 'line' : 'lines'} in ${name}): go refuses the whole workspace ("cannot load module … listed in go.work file"), so every go command in it fails and gopls loads nothing there. Drop the use line, or check the module out in that folder.`,
    fixes,
  };
}
