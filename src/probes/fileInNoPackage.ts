// Why a file gopls said "no package metadata for file" about is in no package, asked of this
// machine. gopls prints it (gopls/internal/golang/snapshot.go) when snapshot.MetadataForFile loaded
// the file's directory (a go/packages file= query, go list underneath) and no package it got holds
// the file. Where that file exists here (the log may be the live editor's), the usual reasons are
// each a check: no go.mod at or above it (or, with GO111MODULE=off, no GOPATH/src), a go.work that
// does not use its module, a folder the editor did not open, a name or build constraint go leaves
// out (go list's IgnoredGoFiles, and the //go:build line), or a go list that fails there. The
// go.mod/go.work discovery is the modules probe's; the constraint reading the build-constraints
// probe's (with the user's gopls build settings).
import { withSealedGo } from '../host/sealedGo.js';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import { ancestors, findUp, goModInitFix, goWorkFor, importModules, modulePathFor, readWorkUses } from './modules.js';
import { describeExclusion, readFileBuild, type Exclusion } from './buildConstraints.js';
import { gopathEntries } from '../facts/readGoEnv.js';
import { goplsBuildSettings, lastGoplsList } from '../lsp/goplsBuild.js';
import type { EditorSettingsSource } from '../doctor/settings.js';
import { logFolders } from '../goplsLog/logFolders.js';
import { packagesDriver } from './packagesDriver.js';
import { readOnlyGo } from '../host/noDownload.js';
import { isInside } from '../host/paths.js';
import { quoteForDisplay } from '../host/shellQuote.js';

/** Files checked per run: each may cost a go list. */
export const MAX_FILES_CHECKED = 3;

/** Where gopls said it: a log line. */
export interface Said {
  file: string;
  source: string;
  line: number;
  excerpt: string;
  /** Lines in all logs that said it of this file. */
  count: number;
}

/** `go list -e -find -json` of the file's directory, read. */
export interface DirListing {
  commandLine: string;
  /** Every file go builds or tests there (GoFiles, CgoFiles, TestGoFiles, XTestGoFiles). */
  files: string[];
  ignored: string[];
  importPath?: string;
  /** The package's Error, or go's stderr when it listed nothing. */
  error?: string;
}

export interface NoPackageFacts {
  said: Said;
  /** The go.mod at or above the file. */
  goMod?: string;
  /** GO111MODULE=off: GOPATH mode, and its entries. */
  gopath?: string[];
  goWork?: { path: string; uses: string[]; text: string };
  /** The workspace folders the editor opened (the CLI: its --workspace folders). */
  folders: readonly string[];
  listing?: DirListing;
  /**
   * Why the build gopls uses leaves the file out, when go list ignores it. Its `deliberate`: the
   * constraint is one of gopls's standaloneTags alone (`//go:build ignore`), left out of every build
   * on purpose and loaded by gopls on its own only as package main; no tag to add then.
   */
  exclusion?: Exclusion;
  /** gopls's directoryFilters entry that leaves the file's folder out, and where it was set. */
  filtered?: { filter: string; source: string };
  /** The file imports another module's package: a new module for it needs go mod tidy too. */
  importsModules?: boolean;
}

/** gopls's default (settings.BuildOptions.DirectoryFilters). */
export const DEFAULT_DIRECTORY_FILTERS = ['-**/node_modules'];

/**
 * Pure: the directoryFilters entry that excludes a path relative to the workspace folder, or
 * undefined. gopls/internal/cache/filterer.go PathIncludeFunc: each filter is +/- and a prefix
 * whose `**` matches any number of segments, anchored at the folder (a leading `**` anywhere);
 * the last filter that matches wins. gopls drops the packages whose files all lie in excluded
 * folders from what it loads (cache/load.go), so their files have no package metadata.
 */
export function directoryFilterExcluding(relPath: string, filters: readonly string[]): string | undefined {
  let p = relPath.split(path.sep).join('/');
  if (!p.startsWith('/')) p = `/${p}`;
  if (!p.endsWith('/')) p = `${p}/`;
  let last: string | undefined;
  for (const raw of filters) {
    const f = path.posix.normalize(raw.replace(/\\/g, '/'));
    const op = f[0];
    if (op !== '+' && op !== '-') continue;
    if (filterRegexp(f.slice(1)).test(p)) last = op === '-' ? raw : undefined;
  }
  return last;
}

function filterRegexp(prefix: string): RegExp {
  if (prefix === '' || prefix === '.') return /.*/;
  let re = '^/';
  for (const seg of prefix.split('/').filter(Boolean)) re += `${seg === '**' ? '.*' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`;
  return new RegExp(re.startsWith('^/.*') ? re.slice(4) : re);
}

interface Reason {
  says: string;
  confidence: number;
  evidence: Evidence[];
  fixes: Fix[];
}

/** Pure: go list's JSON for one directory (a single package object). */
export function parseDirListing(stdout: string, stderr: string, commandLine: string): DirListing {
  const out: DirListing = { commandLine, files: [], ignored: [] };
  try {
    const p = JSON.parse(stdout) as Record<string, unknown>;
    const names = (k: string) => (Array.isArray(p[k]) ? (p[k] as unknown[]).filter((x): x is string => typeof x === 'string') : []);
    out.files = ['GoFiles', 'CgoFiles', 'TestGoFiles', 'XTestGoFiles'].flatMap(names);
    out.ignored = names('IgnoredGoFiles');
    if (typeof p.ImportPath === 'string') out.importPath = p.ImportPath;
    const err = (p.Error as { Err?: unknown } | undefined)?.Err;
    if (typeof err === 'string' && err.trim()) out.error = err.trim();
  } catch {
    const e = stderr.trim();
    if (e) out.error = e;
  }
  return out;
}

/** Pure: why the file is in no package, one finding naming it; an info one when nothing here says so. */
export function noPackageFindings(f: NoPackageFacts): FindingInput[] {
  const file = f.said.file;
  const dir = path.dirname(file);
  const name = path.basename(file);
  const reasons: Reason[] = [];
  // go/build skips these names before reading them: they are not even in IgnoredGoFiles.
  if (name.startsWith('_') || name.startsWith('.')) {
    reasons.push({ says: `its name starts with "${name[0]}", and the go command ignores every file whose name does`, confidence: 0.9, evidence: [{ source: file, excerpt: `file name ${name}` }], fixes: [] });
  }
  const folder = f.folders.find((w) => isInside(file, w));
  if (f.gopath) {
    if (!f.gopath.some((g) => isInside(file, path.join(g, 'src')))) {
      reasons.push({
        says: `GO111MODULE=off puts the go command in GOPATH mode, and it is under no GOPATH/src (GOPATH=${f.gopath.join(path.delimiter)})`,
        confidence: 0.8,
        evidence: [{ source: 'go env -json', excerpt: `GO111MODULE=off GOPATH=${f.gopath.join(path.delimiter)}` }],
        fixes: [],
      });
    }
  } else if (!f.goMod) {
    const up = ancestors(dir);
    const root = folder ?? dir;
    reasons.push({
      // gopls v0.15 ("zero config") loads such a file on its own, as an ad-hoc package: the
      // gopls that said this is older (checked with v0.23.0: no error for the same file).
      says: 'there is no go.mod in its folder or any folder above it, so it belongs to no module (gopls v0.15 and later load such a file on its own; an older gopls gives it no package)',
      confidence: 0.85,
      evidence: [{ source: dir, excerpt: `no go.mod in ${up.slice(0, 6).join(', ')}${up.length > 6 ? ', …' : ''}` }],
      fixes: [goModInitFix(root, modulePathFor(root), { otherModules: 0, goWork: !!f.goWork, importsModules: f.importsModules })],
    });
  } else if (f.goWork) {
    const moduleDir = path.dirname(f.goMod);
    const base = path.dirname(f.goWork.path);
    if (!f.goWork.uses.some((u) => path.resolve(base, u) === moduleDir)) {
      const relDir = path.relative(base, moduleDir) || '.';
      const useLines = f.goWork.text.split('\n').filter((l) => /^\s*use\b|^\s+\S|^\s*\)/.test(l)).slice(0, 12).join('\n');
      reasons.push({
        says: `its module (${f.goMod}) is not in the use list of the go.work in effect (${f.goWork.path}), so the workspace gopls builds does not hold it (gopls v0.15 and later add a view for that module; an older gopls does not)`,
        confidence: 0.85,
        evidence: [{ source: f.goWork.path, excerpt: useLines || f.goWork.text.slice(0, 400) }, { source: `find go.mod above ${file}`, excerpt: f.goMod }],
        fixes: [{ id: 'go-work-use-module', kind: 'terminal', title: `Add ${relDir} to ${f.goWork.path}`, text: `go work use ${quoteForDisplay(relDir.startsWith('.') ? relDir : `./${relDir}`)}`, needsRoot: false, cwd: base }],
      });
    }
  }
  const l = f.listing;
  if (l?.ignored.includes(name)) {
    const listed: Evidence = { source: l.commandLine, excerpt: `"IgnoredGoFiles": ${JSON.stringify(l.ignored.slice(0, 10))}` };
    const sa = f.exclusion?.deliberate;
    reasons.push(
      sa && f.exclusion
        ? {
            says: sa.main
              ? `its constraint \`//go:build ${sa.tag}\` keeps it out of every package on purpose; gopls v0.10 and later load such a package main file on its own (the standaloneTags setting), older ones do not`
              : `its constraint \`//go:build ${sa.tag}\` keeps it out of every build on purpose, and gopls loads such a file on its own only when it is package main (the standaloneTags setting)`,
            confidence: sa.main ? 0.6 : 0.85,
            evidence: [listed, ...f.exclusion.evidence],
            fixes: [],
          }
        : f.exclusion
          ? {
              // gopls v0.15 and later build an OPEN file of another GOOS/GOARCH in a view of its own
              // (checked with v0.23.0: an error only for the file not open); tags get no such view.
              says: `the build gopls loads leaves it out: ${f.exclusion.reasons.join(', and ')}${f.exclusion.fixes.some((x) => x.id === 'gopls-build-env') ? ' (gopls v0.15 and later build it in a view of its own once it is open; a request on it while it is not open gets no package)' : ''}`,
              confidence: 0.85,
              evidence: [listed, ...f.exclusion.evidence],
              fixes: f.exclusion.fixes,
            }
          : { says: 'go list leaves it out of the package in its folder (IgnoredGoFiles: its build constraints exclude it from this build)', confidence: 0.7, evidence: [listed], fixes: [] },
    );
  }
  if (f.filtered) {
    reasons.push({
      says: `gopls's directoryFilters leave its folder out (\`${f.filtered.filter}\`), so gopls loads no package there`,
      confidence: 0.85,
      evidence: [{ source: f.filtered.source, excerpt: `"directoryFilters" entry ${JSON.stringify(f.filtered.filter)} matches ${path.relative(folder ?? dir, dir) || '.'}` }],
      fixes: [],
    });
  }
  // go list's own failure, when the checks above found nothing (they explain its "go.mod file not
  // found" and "not one of the workspace modules" already).
  if (!reasons.length && l?.error) {
    reasons.push({ says: `go list fails in its folder: ${l.error.split('\n').slice(0, 2).join(' ')}`, confidence: 0.6, evidence: [{ source: l.commandLine, excerpt: l.error.split('\n').slice(0, 6).join('\n') }], fixes: [] });
  }
  // Outside the folders opened matters when nothing else does: beside a missing go.mod or an
  // ignored file it is the same story told twice (and a CLI run from elsewhere says it of any file).
  if (!reasons.length && f.folders.length && !folder) {
    const open = f.goMod ? path.dirname(f.goMod) : dir;
    reasons.push({
      says: `it is outside every workspace folder (${f.folders.join(', ')}): gopls loads the folders opened, and another folder's file only while it is open, if at all`,
      confidence: 0.5,
      evidence: [{ source: 'workspace folders', excerpt: f.folders.join('\n') }],
      fixes: [{ id: 'open-folder-of-file', kind: 'terminal', title: `Add ${open} to the editor's workspace`, text: `code --add ${quoteForDisplay(open)}`, needsRoot: false }],
    });
  }
  const said: Evidence = { source: f.said.source, line: f.said.line, excerpt: f.said.excerpt };
  const requests = f.said.count === 1 ? 'a request' : `${f.said.count} requests`;
  if (!reasons.length) {
    const now = l && l.files.includes(name) ? `go list puts it in package ${l.importPath ?? '?'} now` : 'nothing here leaves it out of a package';
    return [
      {
        classId: 'module-resolution',
        severity: 'info',
        confidence: 0.3,
        message: `gopls answered ${requests} on ${file} with "no package metadata", but ${now}: it was answered before its load finished, or the file has since been created, moved or fixed. If it persists, restart gopls.`,
        evidence: [said, ...(l ? [{ source: l.commandLine, excerpt: l.files.length ? `"GoFiles": ${JSON.stringify(l.files.slice(0, 10))}` : '(no files listed)' }] : [])],
        fixes: [],
      },
    ];
  }
  return [
    {
      classId: 'module-resolution',
      severity: 'warning',
      confidence: Math.max(...reasons.map((r) => r.confidence)),
      message: `${file} is in no package gopls loads: ${reasons.map((r) => r.says).join('; and ')}. gopls answered ${requests} on it with "no package metadata for file", so hover, definition, completion and diagnostics fail there.`,
      evidence: [said, ...reasons.flatMap((r) => r.evidence)],
      fixes: reasons.flatMap((r) => r.fixes),
    },
  ];
}

/** The facts for one file, read from this machine; undefined when the file is not here. */
export async function noPackageFacts(ctx: ProbeContext, said: Said, foldersOfLog: (log: string) => Promise<string[]> = logFolders): Promise<NoPackageFacts | undefined> {
  const file = said.file;
  const st = await fs.stat(file).catch(() => undefined);
  if (!st?.isFile()) return undefined;
  const dir = path.dirname(file);
  const goEnv = await ctx.facts.goEnv();
  const values = goEnv.ok ? goEnv.values : {};
  const gopathMode = (values.GO111MODULE ?? ctx.env.GO111MODULE ?? '') === 'off';
  const goMod = gopathMode ? undefined : await findUp(dir, 'go.mod');
  const workPath = gopathMode ? undefined : await goWorkFor(dir, ctx.env);
  const work = workPath ? await readWorkUses(workPath) : undefined;
  // The folders the log itself was written for count as open (its editor had them open), beside
  // this run's: a log of another folder must not call that folder's files outside every one.
  const fromLog = said.source ? await foldersOfLog(said.source) : [];
  const folders = [...new Set(await Promise.all([...ctx.workspaces, ...fromLog].map(async (w) => fs.realpath(path.resolve(w)).catch(() => path.resolve(w)))))];
  const realFile = await fs.realpath(file).catch(() => file);
  const facts: NoPackageFacts = {
    said: { ...said, file: realFile },
    ...(goMod ? { goMod: await fs.realpath(goMod).catch(() => goMod) } : {}),
    ...(gopathMode ? { gopath: gopathEntries(values) } : {}),
    ...(workPath && work ? { goWork: { path: workPath, uses: work.uses, text: work.text } } : {}),
    folders,
    ...(!goMod && !gopathMode && (await importModules([realFile])) ? { importsModules: true } : {}),
  };
  const inFolder = folders.filter((w) => isInside(realFile, w)).sort((a, b) => b.length - a.length)[0];
  const editorSettings = await ctx.facts.editorSettings();
  if (inFolder) {
    const { filters, source } = directoryFilters(editorSettings);
    const filter = directoryFilterExcluding(path.relative(inFolder, realFile), filters);
    if (filter) facts.filtered = { filter, source };
  }
  if (!ctx.host.live || !goEnv.ok || ctx.remainingMs() < 600 || ctx.signal.aborted) return facts;
  // gopls runs go list with its build.env and build.buildFlags; its -tags decide what is ignored.
  const gopls = goplsBuildSettings(editorSettings);
  const tags = (gopls.buildFlags ?? []).filter((x, i, all) => /^--?tags(=|$)/.test(x) || /^--?tags$/.test(all[i - 1] ?? ''));
  // Sealed: under -mod=mod this list adds go.sum lines and tidies go.mod (measured); copies answer the same.
  const r = await withSealedGo(readOnlyGo({ ...ctx.env, ...(gopls.env ?? {}) }), path.dirname(realFile), goEnv.values, (env) =>
    ctx.host.exec(goEnv.goBinary, ['list', '-e', '-find', '-json=Dir,ImportPath,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles,IgnoredGoFiles,Error', ...tags, '.'], {
      timeoutMs: Math.max(300, Math.min(3000, ctx.remainingMs() - 300)),
      signal: ctx.signal,
      env,
      cwd: path.dirname(realFile),
      maxBuffer: 256 * 1024,
    }),
  );
  if (r.timedOut || r.canceled || r.errorCode) return facts;
  facts.listing = parseDirListing(r.stdout, r.stderr, `${r.commandLine} (in ${path.dirname(realFile)})`);
  if (facts.listing.ignored.includes(path.basename(realFile))) {
    const build = await readFileBuild(ctx, realFile);
    const ex = build && describeExclusion(build);
    if (ex) facts.exclusion = ex;
  }
  return facts;
}

/** gopls's directoryFilters (the last scope that sets it), else its default. */
function directoryFilters(sources: readonly EditorSettingsSource[]): { filters: string[]; source: string } {
  const set = lastGoplsList(sources, 'directoryFilters');
  return set ? { filters: set.value, source: set.source } : { filters: DEFAULT_DIRECTORY_FILTERS, source: "gopls's default directoryFilters" };
}

/** The findings for the files gopls had no package for, those of them that exist here. */
export async function whyInNoPackage(ctx: ProbeContext, said: readonly Said[]): Promise<FindingInput[]> {
  // With a package driver gopls does not ask go list: go list's answer here would say a file is
  // in a package while gopls, restarted, fails the same way (the go-env probe names the driver).
  if (await packagesDriver(ctx.env, ctx.settings.goplsSettings)) return [];
  const out: FindingInput[] = [];
  // Each log's head is read once, however many of its files are asked about.
  const read = new Map<string, Promise<string[]>>();
  const foldersOfLog = (log: string) => read.get(log) ?? read.set(log, logFolders(log)).get(log)!;
  for (const s of said.slice(0, MAX_FILES_CHECKED)) {
    const facts = await noPackageFacts(ctx, s, foldersOfLog);
    if (facts) out.push(...noPackageFindings(facts));
  }
  return out;
}
