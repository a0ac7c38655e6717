// The file the handshake opens: the first small .go file in a workspace (non-test first), found
// by a bounded breadth-first walk (top level first, as a user would open main.go), skipping what
// gopls itself ignores (hidden, testdata, vendor, node_modules) and anything over MAX_OPEN_BYTES.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { walkDirs } from '../host/walk.js';
import { CAP, readUserText } from '../host/readUserFile.js';

export interface WalkLimits {
  maxDirs: number;
  maxEntries: number;
}

/**
 * The largest file the handshake sends in didOpen. Its whole text goes into one JSON-RPC message:
 * a 200 MB sparse .go file (issue 9 finding 5) cost gigabytes. Real source files are far smaller;
 * gopls only needs one file of the package to build a view.
 */
export const MAX_OPEN_BYTES = 256 * 1024;
/** Sizes looked up per directory, at most: a directory of 10,000 generated files is not walked by stat. */
const MAX_STATS_PER_DIR = 64;

const isGoSource = (name: string) => name.endsWith('.go') && !name.startsWith('.') && !name.startsWith('_');

/** In one directory: a small regular non-test .go file first (by name), else a small test file. */
async function smallGoFile(dir: string, names: string[]): Promise<string | undefined> {
  const ordered = [...names.filter((n) => !n.endsWith('_test.go')), ...names.filter((n) => n.endsWith('_test.go'))].slice(0, MAX_STATS_PER_DIR);
  for (const n of ordered) {
    const st = await fs.stat(path.join(dir, n)).catch(() => undefined);
    if (st?.isFile() && st.size <= MAX_OPEN_BYTES) return path.join(dir, n);
  }
  return undefined;
}

export async function findFirstGoFile(root: string, limits: WalkLimits = { maxDirs: 200, maxEntries: 5000 }): Promise<string | undefined> {
  let found: string | undefined;
  await walkDirs([root], { maxDirs: limits.maxDirs, maxEntries: limits.maxEntries, sorted: true }, async (dir, entries) => {
    found = await smallGoFile(dir, entries.filter((e) => e.isFile() && isGoSource(e.name)).map((e) => e.name));
    return found ? 'stop' : undefined;
  });
  return found;
}

/** What the go command knows as GOOS and GOARCH values (`go tool dist list`), for file-name suffixes. */
const KNOWN_GOOS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);
const KNOWN_GOARCH = new Set(['386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm']);
const NODE_TO_GOARCH: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64', loong64: 'loong64', mips: 'mips', mipsel: 'mipsle' };

/**
 * Pure: does a file name's _GOOS / _GOARCH / _GOOS_GOARCH suffix (go/build's rule) leave it out
 * of a build for this goos/goarch? `_test` is stripped first, as go/build does.
 */
export function excludedByFileName(name: string, goos: string, goarch: string): boolean {
  const parts = name.replace(/\.go$/, '').replace(/_test$/, '').split('_');
  if (parts.length < 2) return false;
  const last = parts[parts.length - 1]!;
  const prev = parts.length >= 3 ? parts[parts.length - 2]! : undefined;
  if (prev !== undefined && KNOWN_GOOS.has(prev) && KNOWN_GOARCH.has(last)) return prev !== goos || last !== goarch;
  if (KNOWN_GOOS.has(last)) return last !== goos && !(goos === 'android' && last === 'linux') && !(goos === 'illumos' && last === 'solaris') && !(goos === 'ios' && last === 'darwin');
  if (KNOWN_GOARCH.has(last)) return last !== goarch;
  return false;
}

/** Pure: the `//go:build` (or `// +build`) constraint of a file's header, before its package clause. */
export function buildConstraintOf(head: string): string | undefined {
  for (const raw of head.split('\n')) {
    const line = raw.trim();
    if (/^package\s/.test(line)) return undefined;
    const m = /^\/\/go:build\s+(.+)$/.exec(line) ?? /^\/\/ \+build\s+(.+)$/.exec(line);
    if (m) return m[1]!.trim();
  }
  return undefined;
}

/** Pure: the module path a go.mod's text declares (`module x`, quoted or not), or undefined. */
export function goModModulePath(text: string): string | undefined {
  return /^\s*module\s+"?([^\s"]+)"?/m.exec(text)?.[1];
}

/** Pure: the requirements of a go.mod text (single-line and block form), path and version. */
export function goModRequires(gomod: string): Array<{ path: string; version: string }> {
  const out: Array<{ path: string; version: string }> = [];
  const text = gomod.replace(/\/\/.*$/gm, '');
  for (const m of text.matchAll(/^\s*require\s+"?([^\s"(]+)"?\s+(\S+)\s*$/gm)) out.push({ path: m[1]!, version: m[2]! });
  for (const b of text.matchAll(/^\s*require\s*\(([\s\S]*?)\)/gm))
    for (const l of b[1]!.split('\n')) {
      const m = /^\s*"?([^\s"]+)"?\s+(\S+)\s*$/.exec(l);
      if (m) out.push({ path: m[1]!, version: m[2]! });
    }
  return out;
}

/** Pure: the directories a go.work `use`s, in order, as written (one-line and block forms, `use(` too; comments dropped). */
export function parseGoWorkUses(text: string): string[] {
  const uses: string[] = [];
  let inBlock = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (inBlock) {
      if (line === ')') inBlock = false;
      else uses.push(unquote(line));
      continue;
    }
    const m = /^use\s*(\(|.+)$/.exec(line);
    if (!m) continue;
    if (m[1] === '(') inBlock = true;
    else uses.push(unquote(m[1]!.trim()));
  }
  return uses;
}

function unquote(s: string): string {
  return /^".*"$|^`.*`$/.test(s) ? s.slice(1, -1) : s;
}

const exists = (p: string) => fs.stat(p).then((s) => s.isFile(), () => false);

/** The module gopls places a folder in: its own go.mod, else the first module its go.work uses. */
export async function moduleRootOf(folder: string): Promise<string> {
  if (await exists(path.join(folder, 'go.mod'))) return folder;
  const work = await readUserText(path.join(folder, 'go.work'), CAP.goModFile);
  if (work !== undefined) {
    for (const use of parseGoWorkUses(work)) {
      const dir = path.resolve(folder, use);
      if (await exists(path.join(dir, 'go.mod'))) return dir;
    }
  }
  return folder;
}

export interface ProbeFileLimits extends WalkLimits {
  /** Files stat'ed and read (2 KB each) at the chosen depth. */
  maxCandidates: number;
}

/**
 * The file the gopls probe opens, chosen so its diagnostics come soon: a non-test file of the
 * module at the folder's root (never a nested module's: that is another module, perhaps another
 * view), at the shallowest depth that has one, built on this GOOS/GOARCH without tags, and the
 * smallest of those. Breadth first and bounded, like findFirstGoFile.
 */
export async function chooseProbeFile(
  folder: string,
  limits: ProbeFileLimits = { maxDirs: 400, maxEntries: 20_000, maxCandidates: 40 },
  target: { goos: string; goarch: string } = { goos: 'linux', goarch: NODE_TO_GOARCH[process.arch] ?? process.arch },
): Promise<string | undefined> {
  const modRoot = await moduleRootOf(folder);
  const isModule = await exists(path.join(modRoot, 'go.mod'));
  const files: string[] = [];
  let filesDepth = 0;
  let fallback: string | undefined;
  await walkDirs([modRoot], { maxDirs: limits.maxDirs, maxEntries: limits.maxEntries, sorted: true }, (dir, list, depth) => {
    // The shallowest level with a candidate wins: a deeper folder means that level is done.
    if (files.length && depth > filesDepth) return 'stop';
    // Enough to choose from: a module of 5,000 packages has 5,000 folders at depth 1.
    if (files.length >= limits.maxCandidates) return 'stop';
    // A nested go.mod starts another module: its files are not this module's.
    if (isModule && dir !== modRoot && list.some((e) => e.name === 'go.mod' && e.isFile())) return 'prune';
    for (const e of list) {
      if (!e.isFile() || !isGoSource(e.name)) continue;
      fallback ??= path.join(dir, e.name);
      if (!e.name.endsWith('_test.go') && !excludedByFileName(e.name, target.goos, target.goarch)) {
        files.push(path.join(dir, e.name));
        filesDepth = depth;
      }
    }
    return undefined;
  });
  if (files.length) {
    const scored = await Promise.all(
      files.slice(0, limits.maxCandidates).map(async (f) => {
        const size = await fs.stat(f).then((s) => s.size, () => Infinity);
        const head = await readHead(f);
        return { f, size, tagged: head === undefined || buildConstraintOf(head) !== undefined };
      }),
    );
    // A file over MAX_OPEN_BYTES is never sent in didOpen (diagnosticsWait.ts): last resort only.
    scored.sort((a, b) => Number(a.size > MAX_OPEN_BYTES) - Number(b.size > MAX_OPEN_BYTES) || Number(a.tagged) - Number(b.tagged) || a.size - b.size || a.f.localeCompare(b.f));
    return scored[0]!.f;
  }
  // Only tests or other platforms' files: still better than opening nothing.
  return fallback;
}

/** The first `bytes` of a file (a Go file's package clause, build constraints and imports), or undefined. */
export async function readHead(file: string, bytes = 2048): Promise<string | undefined> {
  let h: fs.FileHandle | undefined;
  try {
    h = await fs.open(file, 'r');
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await h.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await h?.close().catch(() => undefined);
  }
}
