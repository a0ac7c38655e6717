// The Go environment as the go command itself resolves it (`go env -json`, run with the editor's
// environment): is there a go at all, does it belong to its GOROOT, and are the variables that
// steer modules, caches and the target platform sane. Evidence names `go env -json` or the
// environment, whichever set the value.
import path from 'node:path';
import { octalMode } from '../host/fileMode.js';
import { constants as fsConst, existsSync, promises as fs } from 'node:fs';
import type { ClassId, Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { skipped } from './probe.js';
import { compareGoVersions, gopathEntries, parseGoVersion, type GoEnvFact, type GoEnvValues } from '../facts/readGoEnv.js';
import { isExecutableFile, pathEntries, unusableOnPath } from '../facts/lookPath.js';
import { sameInLoginShell } from './sameInLoginShell.js';
import { goInstallDirsHere } from '../facts/goInstallDirs.js';
import { DEFAULT_GO_NOTE, GO_EXTENSION_DEFAULT_GO, loginShellGo } from './loginShell.js';
import { alternateToolFix, gorootFix, gotoolchainLocalFix, profilePathFix, toolsEnvFix } from '../fixes/catalog.js';
import { INSTALL_GO } from '../fixes/catalog.js';
import { CAP, readUserText } from '../host/readUserFile.js';
import { readOnlyGo } from '../host/noDownload.js';
import { withSealedGo } from '../host/sealedGo.js';
import { homeDirOf, isInside, passwdHomeDir } from '../host/paths.js';
import { quoteForDisplay } from '../host/shellQuote.js';
import { firstAndMore } from '../doctor/listing.js';
import { spawnRefusedFinding } from './spawnRefused.js';
import { goInTerminalOnly, terminalOnlyWords } from './goInTerminalOnly.js';
import { whereGoVarIsSet } from './whereGoVarIsSet.js';
import { goEnvFileOf } from './goEnvFile.js';
import { ignoredGoEnvLines, ignoredLineFindings, type EffectiveValue } from './goEnvFileLines.js';
import { fileValueFix, goflagsFileFix, goVarSource } from './goVarSource.js';
import { rejectedSettingIn } from '../goplsLog/goRejectedSetting.js';
import { profileLinesFor } from '../facts/profileHasDir.js';
import { tildePath } from '../facts/loginPathFile.js';
import { loginPathSetup } from './loginPathSetup.js';
import { GO_FAILURE_CLASSES, goFailureReadings } from './goFailureReadings.js';
import { classifyGoFailure, dlWrapperDownloadFix, goFlagsWithout, parseGoFlags, parseToolchain } from './goFailure.js';
import { missingForLevel } from '../procfs/cpuinfo.js';
import { packagesDriverFindings } from './packagesDriver.js';
import { findUp, installedGos, parseGoDirectives } from './modules.js';
import { readAmd64Cpu } from '../facts/cpu.js';
import { goPathsFrom } from './goPaths.js';
import { withXdgCause } from './xdgCacheHome.js';
import { findOwnCacheDir } from './ownCacheDir.js';
import { ownCacheFix } from '../fixes/ownCache.js';
import { excludedWords, runsHere, runWords } from './targetPlatform.js';
import { readForeignExec } from '../facts/foreignExec.js';

/** Standard packages a whole Go root has and nearly every program imports (stat'ed, cheap). */
const CORE_STD = ['runtime', 'fmt', 'os', 'io', 'errors', 'strings', 'sync', 'context'];
/** The tools every build runs from GOTOOLDIR: a Go installation without one cannot build. */
const GO_TOOLS = ['compile', 'link', 'asm'];

/** The variables this probe reports, so "ok" still says what was read. */
const OBSERVED_VARS = [
  'GOVERSION', 'GOROOT', 'GOPATH', 'GOBIN', 'GOMODCACHE', 'GOCACHE', 'GOTMPDIR', 'GOFLAGS', 'GO111MODULE',
  'GOWORK', 'GOTOOLCHAIN', 'GOPROXY', 'GOOS', 'GOARCH', 'GOHOSTOS', 'GOHOSTARCH', 'GOENV',
] as const;

/**
 * Which place set a go env value, for a sentence: the editor's environment beats go env's file,
 * and what neither sets is GOROOT/go.env's (a tester read "set in the go env -json (FILE)").
 */
async function sourceOf(name: string, env: NodeJS.ProcessEnv, values: GoEnvValues): Promise<string> {
  if (env[name]) return 'the environment';
  const file = values.GOENV && path.isAbsolute(values.GOENV) ? values.GOENV : undefined;
  const held = goVarSource(name, {}, [], file ? await readUserText(file, CAP.smallConfig) : undefined);
  return held.kind === 'file' ? `your go env file ${file} (go env -w)` : values.GOROOT ? `${path.join(values.GOROOT, 'go.env')}, Go's own defaults` : "Go's own defaults";
}

/**
 * The fixes for a value go env -json reported. Held by go env's file: the file's own fix (go env
 * -u, or the line removed), which mends terminals and the editor alike, and the words that name
 * the file; a setting for the Go tools would mend the editor alone, and an empty one not even that
 * (go reads the file wherever the variable is empty). Elsewhere: `settings`, as before.
 */
async function fixedWhereSet(ctx: ProbeContext, v: GoEnvValues, name: string, settings: Fix[], fileFix?: (file: string) => Fix): Promise<{ words: string; evidence: Evidence[]; fixes: Fix[] }> {
  const where = await whereGoVarIsSet(ctx, name, undefined, v.GOENV);
  if (where.source !== 'file') return { words: '', evidence: [], fixes: settings };
  const file = v.GOENV && path.isAbsolute(v.GOENV) ? v.GOENV : goEnvFileOf(ctx.env);
  return { words: where.words, evidence: where.evidence, fixes: fileFix && file ? [fileFix(file)] : where.fixes };
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(() => true, () => false);
}

async function realpathOr(p: string): Promise<string> {
  return fs.realpath(p).catch(() => path.resolve(p));
}

export const goEnvProbe: Probe = {
  id: 'go-env',
  title: 'Go environment (go env)',
  // and whatever the log rules read in go env's own failure (goFailureReadings.ts).
  classes: [...new Set<ClassId>(['env-inheritance', 'module-resolution', 'gopls-launch', ...GO_FAILURE_CLASSES])],
  run: async (ctx) => sameInLoginShell(ctx, await runGoEnv(ctx)),
};

async function runGoEnv(ctx: ProbeContext): Promise<ProbeOutcome> {
  const fact = await ctx.facts.goEnv();
  if (!fact.ok) return goUnavailable(ctx, fact);
  const v = fact.values;
  const observed: Record<string, unknown> = { goBinary: fact.goBinary, goBinaryReal: fact.goBinaryReal };
  for (const k of OBSERVED_VARS) observed[k] = v[k] ?? '';
  const goEnvEv = (names: string[]): Evidence => ({ source: fact.commandLine, excerpt: names.map((n) => `"${n}": ${JSON.stringify(v[n] ?? '')}`).join('\n') });
  const findings: FindingInput[] = [];

  findings.push(...(await gorootFindings(ctx, fact, goEnvEv, observed)));
  findings.push(...(await unreadableEnvFileFindings(ctx, v, goEnvEv)));
  findings.push(...(await ignoredEnvFileLineFindings(ctx, v, fact.commandLine)));
  findings.push(...(await cacheFindings(ctx, v, goEnvEv)));
  findings.push(...(await moduleVarFindings(ctx, v, goEnvEv)));
  findings.push(...(await goworkFindings(ctx, v, goEnvEv)));
  findings.push(...(await platformFindings(ctx, v, goEnvEv)));
  findings.push(...(await pinnedBelowModuleFindings(ctx, v, goEnvEv)));
  findings.push(...(await amd64LevelFindings(ctx, v, goEnvEv, observed)));
  findings.push(...(await packagesDriverFindings(ctx)));
  // Whether go accepts GOFLAGS costs a go command on every run where GOFLAGS is set (23 ms of this
  // probe on x/tools, and the verdict's median rose as much): a late result, started once the
  // verdict's probes are in, as the cgo check. A rejected GOFLAGS is rare, and gopls's view error
  // names it in the verdict when gopls runs.
  if ((v.GOFLAGS ?? '').trim() && ctx.host.live) {
    const check = async (): Promise<ProbeOutcome> => {
      await ctx.verdictReady;
      // The late outcome replaces the first one whole: it carries what the verdict had.
      return { findings: [...findings, ...(await goflagsFindings(ctx, fact, goEnvEv))], observed };
    };
    return { findings, observed, followUp: { title: 'whether go accepts GOFLAGS', outcome: check() } };
  }
  return { findings, observed };
}

/**
 * ~/.profile puts `dir` on PATH, and the login shell that reads it gave no environment this run (it
 * hung, or a start-up file ended it): a second copy of the line appended there would change
 * nothing (a tester's `exec zsh` in ~/.bashrc was answered with that append).
 */
async function unreadProfileHas(ctx: ProbeContext, dir: string | undefined): Promise<{ words: string; evidence: Evidence[] } | undefined> {
  if (!dir) return undefined;
  const fact = await ctx.facts.loginShellEnv();
  if (fact.ok) return undefined;
  const { already } = await loginPathSetup(ctx, dir, { ...(fact.shell ? { shell: fact.shell } : {}) });
  if (!already) return undefined;
  // Sourced without -i, the file stops before the line (an error under `set -u`): that, not "adding
  // it again would change nothing", is what to say (it is often why the login shell ended too).
  if (!already.reached) return already;
  const sites = await profileLinesFor(dir, fact.shell ?? ctx.env.SHELL, ctx.env, ctx.env.HOME);
  if (!sites.length) return undefined;
  const shown = ctx.env.HOME ? tildePath(sites[0]!.file, ctx.env.HOME) : sites[0]!.file;
  return {
    words: ` ${shown} already puts it on PATH (line ${sites[0]!.line}), so adding it again would change nothing; your login shell, which reads it, gave no environment in this run (${fact.reason}).`,
    evidence: sites.map((x) => ({ source: `${x.file}:${x.line}`, excerpt: x.text })),
  };
}

async function goUnavailable(ctx: ProbeContext, fact: Extract<GoEnvFact, { ok: false }>): Promise<ProbeOutcome> {
  const observed: Record<string, unknown> = { goBinary: fact.goBinary ?? null, reason: fact.reason, PATH: ctx.env.PATH ?? '' };
  if (fact.missing) {
    const looked = pathEntries(ctx.env);
    // Where Go installs usually live, to say "installed but not on PATH" rather than "install Go".
    const usualDirs = (await goInstallDirsHere(ctx.env)).filter((d) => !looked.includes(d));
    const usual: string[] = [];
    for (const d of usualDirs) if (await isExecutableFile(path.join(d, 'go'))) usual.push(d);
    const login = await loginShellGo(ctx);
    // Only ~/.bashrc puts go on PATH: terminals find it, the desktop session does not. The Go the
    // user set up there is the one to point at, not another found in a usual place.
    const terminal = login ? undefined : await goInTerminalOnly(ctx);
    const terminalWords = terminal ? terminalOnlyWords(terminal) : undefined;
    observed.goInLoginShell = login?.go ?? null;
    if (terminal) observed.goInTerminalShell = terminal.go;
    observed.goInstalledOffPath = usual;
    const fixes: Fix[] = [];
    const found = login?.go ?? terminal?.go;
    const dir = found ? path.dirname(found) : usual[0];
    // The login shell's own start-up files decide both: the line already there, and where a new one goes.
    const setup = dir ? await loginPathSetup(ctx, dir, { check: !!login }) : undefined;
    const already = login ? setup?.already : await unreadProfileHas(ctx, terminal ? undefined : usual[0]);
    const where = login
      ? ` Your login shell finds it in ${path.dirname(login.go)}: the editor was started without your shell start-up files.${already?.words ?? ''}`
      : terminalWords
        ? terminalWords.where
        : usual.length
        ? ` A go is installed in ${usual.join(', ')}, which is not on that PATH.${already?.words ?? ''}`
        : ' No go was found in the usual places either.';
    if (dir) {
      const profile = already ? undefined : (setup?.fix ?? profilePathFix([dir], ctx.env.HOME, setup?.target));
      if (profile) fixes.push(profile);
      if (terminalWords) fixes.push(...terminalWords.fixes);
      const goBin = found ?? path.join(dir, 'go');
      fixes.push(alternateToolFix('go', goBin));
      const gr = gorootFix(await realpathOr(goBin));
      if (gr) fixes.push(gr);
    } else {
      fixes.push(INSTALL_GO);
    }
    // A go that is on PATH but cannot be run (a link loop, a dangling link) is named, not passed over.
    const unusable = await unusableOnPath('go', ctx.env);
    observed.goUnusableOnPath = unusable.map((u) => `${u.path}: ${u.why}`);
    const unusableWords = unusable.length ? ` ${unusable.map((u) => `${u.path} is on it but is ${u.why}`).join('; ')}, so it is passed over.` : '';
    const goBinFound = found ?? (dir ? path.join(dir, 'go') : undefined);
    const fallback = goBinFound === GO_EXTENSION_DEFAULT_GO;
    const evidence: Evidence[] = [
      { source: 'PATH (editor environment)', excerpt: ctx.env.PATH ?? '<unset>' },
      { source: 'PATH lookup for go', excerpt: `looked in: ${[...looked, ...usualDirs].join(', ') || '<nothing: PATH is empty>'}` },
    ];
    for (const u of unusable) evidence.push({ source: u.path, excerpt: u.why });
    if (login) evidence.push({ source: login.command, excerpt: `go → ${login.go}` });
    evidence.push(...(already?.evidence ?? []));
    if (terminalWords) evidence.push(...terminalWords.evidence);
    return {
      findings: [
        {
          classId: 'env-inheritance',
          severity: 'error',
          confidence: fallback ? 0.75 : login || terminal || usual.length ? 0.95 : 0.85,
          message: `go is not on the editor's PATH: the Go extension and gopls both need it.${unusableWords}${where}${fallback ? DEFAULT_GO_NOTE : ''}`,
          evidence,
          fixes,
          explains: ['gopls-launch'],
        },
      ],
      observed,
    };
  }
  const exec = fact.exec;
  if (exec?.timedOut || exec?.canceled) return skipped(fact.reason, observed);
  const refused = exec?.errorCode && spawnRefusedFinding({ path: `${fact.goBinary}`, name: 'go', consequence: ', so the Go extension and gopls cannot run go' }, exec.errorCode, [{ source: exec.commandLine, excerpt: exec.message ?? exec.errorCode }]);
  if (refused) return { findings: [refused], observed };
  if (exec?.errorCode) {
    return {
      findings: [
        {
          classId: 'gopls-launch',
          severity: 'error',
          confidence: 0.9,
          message: `${fact.goBinary} cannot be executed (${exec.errorCode}${exec.errorCode === 'ENOEXEC' ? ': built for another architecture or not a program' : ''}): the Go extension and gopls cannot run go.`,
          evidence: [{ source: exec.commandLine, excerpt: exec.message ?? exec.errorCode }],
          fixes: [INSTALL_GO],
        },
      ],
      observed,
    };
  }
  const stderr = exec?.stderr ?? '';
  const known = classifyGoFailure(stderr);
  const evidence: Evidence[] = [{ source: exec?.commandLine ?? 'go env -json', excerpt: stderr.trim().split('\n').slice(0, 6).join('\n') || fact.reason }];
  // go could not say which file it reads: the one it would, from the same environment.
  const goenvFile = goEnvFileOf(ctx.env);
  const fileText = goenvFile ? await readUserText(goenvFile, CAP.smallConfig) : undefined;
  const culprit = culpritVars(ctx.env, stderr, goenvFile, fileText);
  if (culprit) evidence.push({ source: 'environment', excerpt: culprit });
  // A value go refuses at start fails in every terminal too: where it is set, with the fix there.
  const badVar = failingVariable(stderr);
  const home = ctx.env.HOME && path.isAbsolute(ctx.env.HOME) ? ctx.env.HOME : undefined;
  // GOTOOLCHAIN's and GO111MODULE's settings come from fixesForFailure, so none twice here.
  const replacement = badVar === 'GOROOT' || badVar === 'GOCACHE' || badVar === 'GOWORK' ? '' : badVar === 'GOPATH' && home ? path.join(home, 'go') : undefined;
  const where = badVar ? await whereGoVarIsSet(ctx, badVar, replacement, goenvFile) : undefined;
  // Held by go env's file: only the file's fix mends terminals and editor alike; a setting for the
  // Go tools alone is left out there (a tester applied one and the terminal's go still failed).
  const failureFixes = where?.source === 'file' ? [] : await fixesForFailure(ctx, stderr, fact.goBinary);
  const finding: FindingInput = known
    ? await buildCacheViaXdg(ctx, stderr, { ...known, ...(where ? { message: `${known.message}${where.words}` } : {}), ...(/^GOTOOLCHAIN=|toolchain not available|cannot download it/.test(known.message) && known.classId === 'env-inheritance' ? { headline: 'toolchain-setting' as const, explains: ['module-resolution' as const, 'gopls-launch' as const] } : {}), evidence: [...evidence, ...notShownYet(where?.evidence ?? [], evidence)], fixes: [...(where?.fixes ?? []), ...failureFixes] })
    : {
        // What go said is not one of the messages above: a symptom, so that whatever the other
        // probes find behind it (a read-only mount, a missing HOME, a policy) ranks above it.
        classId: 'gopls-launch',
        role: 'symptom',
        symptom: 'load-failed',
        severity: 'error',
        confidence: 0.6,
        // Which go, by path: a wrapper first on PATH that printed garbage was only "go env fails".
        message: `go env fails${fact.goBinary ? ` (${fact.goBinary})` : ''}, so the Go extension cannot read the Go environment and gopls cannot load packages: ${fact.reason}`,
        evidence,
        fixes: [],
      };
  // What the log rules read in go's words (a version manager's shim without a version, a refused
  // cache, a policy) is the cause the symptom follows from. Measured: asdf's "No version is set for
  // command go" from the go on PATH was only "go env fails".
  const readings = known ? [] : goFailureReadings([stderr], exec?.commandLine ?? 'go env -json');
  // A shim that chose no Go fails in the terminal too (a tester's asdf and goenv, no fix at all):
  // a real Go installed here, which the editor can be pointed at, is the fix at hand.
  const shim = readings.find((r) => r.classId === 'env-inheritance' && /version manager's shim/.test(r.message));
  if (shim) {
    const notReal = fact.goBinary ? await fs.realpath(fact.goBinary).catch(() => fact.goBinary) : undefined;
    const [real] = await installedGos(ctx.env, notReal);
    if (real) shim.fixes = [alternateToolFix('go', real.goBinary), ...(shim.fixes ?? [])];
  }
  return { findings: [finding, ...readings], observed };
}

/**
 * Pure: the evidence of where a variable is set, less the lines already shown from the same source:
 * the culprit line and whereGoVarIsSet both quote an exported `GOPATH=rel/path` from the
 * environment, and a tester read it twice under one finding.
 */
export function notShownYet(more: readonly Evidence[], shown: readonly Evidence[]): Evidence[] {
  const lines = new Set(shown.flatMap((e) => e.excerpt.split('\n').map((l) => `${e.source}\0${l}`)));
  return more.filter((e) => !e.excerpt.split('\n').every((l) => lines.has(`${e.source}\0${l}`)));
}

/**
 * go's "failed to initialize build cache at X" where X is its default under XDG_CACHE_HOME, GOCACHE
 * unset: the variable to change is XDG_CACHE_HOME (xdgCacheHome.ts), which go's words never name.
 */
async function buildCacheViaXdg(ctx: ProbeContext, stderr: string, finding: FindingInput): Promise<FindingInput> {
  const entry = goPathsFrom(undefined, ctx.env).entries.find((e) => e.role === 'GOCACHE');
  if (!entry?.xdgCacheHome || !stderr.includes(`failed to initialize build cache at ${entry.path}:`)) return finding;
  // The home the fixes write under, as the file-access probe judges it: resolved, and writable.
  const home = ctx.env.HOME && path.isAbsolute(ctx.env.HOME) ? await fs.realpath(ctx.env.HOME).catch(() => undefined) : undefined;
  const writable = home !== undefined && (await fs.access(home, fsConst.W_OK).then(() => true, () => false));
  return withXdgCause(finding, entry, home ? { path: home, exists: true, writable } : undefined);
}

/**
 * Pure: the variable whose value go refused before doing anything, as go's words name it (the
 * trimmed-copy GOROOT message is about the binary, not a value). A toolchain go cannot get may be
 * a go.mod's doing: whereGoVarIsSet then finds GOTOOLCHAIN at its default, and says nothing.
 */
export function failingVariable(stderr: string): string | undefined {
  if (/cannot find GOROOT directory/.test(stderr) && !/'go' binary is trimmed/.test(stderr)) return 'GOROOT';
  if (/GOPATH entry is relative/.test(stderr)) return 'GOPATH';
  if (/build cache is disabled by GOCACHE=off|GOCACHE is not an absolute path/.test(stderr)) return 'GOCACHE';
  if (/invalid GOTOOLCHAIN "|toolchain not available/.test(stderr)) return 'GOTOOLCHAIN';
  if (/unknown environment setting GO111MODULE=/.test(stderr)) return 'GO111MODULE';
  // go env itself fails on it (go1.26.8), so a tester's exported GOWORK=go.work got no fix at all.
  if (/invalid GOWORK: not an absolute path/.test(stderr)) return 'GOWORK';
  return undefined;
}

/**
 * Pure: the environment variables a go failure message is about, as evidence of where they came
 * from; one the environment leaves empty is named with go env's file's value when it holds one
 * (a tester's read "GOROOT is unset" beside a GOROOT the file set).
 */
export function culpritVars(env: NodeJS.ProcessEnv, stderr: string, goenvFile?: string, fileText?: string): string | undefined {
  const names = ['GOPATH', 'GOROOT', 'GOCACHE', 'GO111MODULE', 'GOWORK', 'GOTOOLCHAIN', 'GOFLAGS', 'GOPROXY', 'HOME', 'XDG_CACHE_HOME'].filter((n) => stderr.includes(n) || (n === 'GOFLAGS' && stderr.includes('-mod=')));
  if (stderr.includes('toolchain not available')) names.push('GOTOOLCHAIN', 'GOPROXY');
  const lines = [...new Set(names)].map((n) => {
    if (env[n]) return `${n}=${env[n]}`;
    const inFile = n.startsWith('GO') ? goVarSource(n, {}, [], fileText) : undefined;
    const unset = env[n] === '' ? `${n} is empty` : `${n} is unset`;
    return inFile?.kind === 'file' ? `${unset} here; go env's file ${goenvFile} sets ${n}=${inFile.value}` : unset;
  });
  return lines.length ? lines.join('\n') : undefined;
}

/**
 * The Go installations a copied go binary may have come from: the login shell's go, the usual
 * places, and ~/sdk's. One whose bin/go has the copy's size is taken for the same build.
 */
async function trimmedCopyFixes(ctx: ProbeContext, copy: string | undefined): Promise<Fix[]> {
  if (!copy) return [];
  const size = (await fs.stat(copy).catch(() => undefined))?.size;
  if (!size) return [];
  const home = homeDirOf(ctx.env);
  const candidates = ['/usr/local/go', '/usr/lib/go', '/usr/lib/golang', '/snap/go/current', ...(home ? [path.join(home, 'go-sdk'), path.join(home, '.local', 'go')] : [])];
  const login = await loginShellGo(ctx);
  if (login) candidates.unshift(path.dirname(path.dirname(await fs.realpath(login.go).catch(() => login.go))));
  if (home) {
    const sdk = path.join(home, 'sdk');
    for (const d of (await fs.readdir(sdk).catch(() => [] as string[])).filter((n) => /^go\d/.test(n)).sort().reverse().slice(0, 8)) candidates.push(path.join(sdk, d));
  }
  const copyReal = await fs.realpath(copy).catch(() => copy);
  for (const root of [...new Set(candidates)]) {
    const bin = path.join(root, 'bin', 'go');
    const st = await fs.stat(bin).catch(() => undefined);
    if (!st || st.size !== size || (await fs.realpath(bin).catch(() => bin)) === copyReal) continue;
    if (!(await fs.stat(path.join(root, 'pkg', 'tool')).then((t) => t.isDirectory(), () => false))) continue;
    return [
      {
        id: 'go-copy-to-link',
        kind: 'terminal',
        title: `Replace the copy ${copy} with a link to ${bin}`,
        text: `ln -sf ${quoteForDisplay(bin)} ${quoteForDisplay(copy)}`,
        needsRoot: false,
        detail: `go follows a symlink to its installation; ${bin} is the same build (same size) and ${root} is a Go installation.`,
      },
      toolsEnvFix('toolsenv-goroot-copy', `Tell the Go tools where the Go installation is (GOROOT=${root})`, { GOROOT: root }),
    ];
  }
  return [];
}

async function fixesForFailure(ctx: ProbeContext, stderr: string, goBinary?: string): Promise<Fix[]> {
  if (/'go' binary is trimmed and GOROOT is not set/.test(stderr)) return trimmedCopyFixes(ctx, goBinary);
  if (/GOCACHE is not defined and path in \$XDG_CACHE_HOME is relative/.test(stderr) && homeOf(ctx.env)) return relativeXdgCacheFixes(ctx);
  if (/GOCACHE is not defined/.test(stderr)) return noHomeCacheFixes(ctx);
  const unusable = /failed to initialize build cache at ([^:\n]+): (?:mkdir|open|stat) [^:\n]+: (?:permission denied|read-only file system|no space left on device|disk quota exceeded|not a directory)/.exec(stderr)?.[1];
  if (unusable) return ownBuildCacheFixes(ctx, unusable);
  // Not available, or not a setting at all (a tester's GOTOOLCHAIN=garbage got no fix).
  if (/toolchain not available|invalid GOTOOLCHAIN "/.test(stderr)) return [gotoolchainLocalFix()];
  if (/unknown environment setting GO111MODULE/.test(stderr)) return [toolsEnvFix('toolsenv-go111module-on', 'Set GO111MODULE=on for the Go tools', { GO111MODULE: 'on' })];
  const dl = dlWrapperDownloadFix(stderr);
  if (dl) return [dl];
  const home = ctx.env.HOME;
  if (/GOPATH entry cannot start with shell metacharacter '~'/.test(stderr) && ctx.env.GOPATH && home && path.isAbsolute(home)) {
    // The same entries with ~ written out, as the shell would have: go then runs.
    const expanded = ctx.env.GOPATH.split(path.delimiter)
      .map((e) => (e === '~' ? home : e.startsWith('~/') ? path.join(home, e.slice(2)) : e))
      .join(path.delimiter);
    if (!expanded.split(path.delimiter).some((e) => e.startsWith('~')))
      return [toolsEnvFix('toolsenv-gopath-expanded', `Set GOPATH=${expanded} for the Go tools`, { GOPATH: expanded }, 'go.toolsEnvVars applies it to gopls and every go command the extension runs; write the path out (or use $HOME, unquoted, in a shell) where the "~" came from too.')];
  }
  return [];
}

/** HOME when it is an absolute path other than /: where a cache of the user's own may go. */
function homeOf(env: NodeJS.ProcessEnv): string | undefined {
  return env.HOME && path.isAbsolute(env.HOME) && env.HOME !== '/' ? env.HOME : undefined;
}

/**
 * go refuses a relative XDG_CACHE_HOME ("GOCACHE is not defined and path in $XDG_CACHE_HOME is
 * relative", go1.26.8) and does not fall back to HOME. Its export, where a start-up file holds it,
 * is the root; a GOCACHE of the user's own (go env -w, which beats XDG_CACHE_HOME) mends go in
 * terminals and the editor alike without waiting for the next login.
 */
async function relativeXdgCacheFixes(ctx: ProbeContext): Promise<Fix[]> {
  const noXdg = { ...ctx.env, XDG_CACHE_HOME: undefined };
  const search = await findOwnCacheDir('GOCACHE', noXdg, path.resolve(ctx.env.XDG_CACHE_HOME ?? '.'));
  const own = search.found ? [ownCacheFix(OWN_GOCACHE_FIX_ID, 'GOCACHE', search.found, ctx.env.GOCACHE || undefined)] : [];
  const where = await whereGoVarIsSet(ctx, 'XDG_CACHE_HOME', undefined, undefined);
  const removals = where.fixes.filter((f) => f.id.startsWith('remove-export-'));
  return [...own, ...removals];
}

/** The same id as the file-access probe's fix for the same cache: one fix in the cause, not two. */
const OWN_GOCACHE_FIX_ID = 'fs-access-own-dir-gocache';

/**
 * go could not make its build cache where GOCACHE (or its default) points: a directory of the
 * user's own that was checked here (probes/ownCacheDir.ts), set where go reads it. A tester got no
 * fix at all for "failed to initialize build cache at …: permission denied".
 */
async function ownBuildCacheFixes(ctx: ProbeContext, dir: string): Promise<Fix[]> {
  // Its default under XDG_CACHE_HOME: buildCacheViaXdg offers go env -w GOCACHE and XDG_CACHE_HOME's own repair.
  const entry = goPathsFrom(undefined, ctx.env).entries.find((e) => e.role === 'GOCACHE');
  if (entry?.xdgCacheHome && path.resolve(entry.path) === path.resolve(dir)) return [];
  const real = await fs.realpath(dir).catch(() => path.resolve(dir));
  const search = await findOwnCacheDir('GOCACHE', ctx.env, real);
  return search.found ? [ownCacheFix(OWN_GOCACHE_FIX_ID, 'GOCACHE', search.found, ctx.env.GOCACHE || undefined)] : [];
}

/** GOCACHE at go's own default under a home directory, for the Go tools. */
function gocacheInHomeFix(home: string): Fix {
  return toolsEnvFix('toolsenv-gocache', `Give the Go tools a build cache in ${home}/.cache/go-build`, { GOCACHE: path.join(home, '.cache', 'go-build') });
}

/**
 * A build cache for a process with no HOME. The passwd home when there is one; when there is none
 * either (a container's --user 1234 with no passwd entry, env -i), a directory of this uid's own
 * under the temporary directory, for GOCACHE and GOPATH both (without HOME go has no GOPATH, so no
 * module cache, and go install has nowhere to put gopls). Offered only when that directory is
 * absent or already this uid's: /tmp is shared, and a directory someone else made is theirs.
 */
async function noHomeCacheFixes(ctx: ProbeContext): Promise<Fix[]> {
  // The passwd home only when it is there for this user to write: a `useradd -M` user's /home/x
  // does not exist and /home is root's (a tester's fix then failed with "mkdir /home/x: permission
  // denied"). Both GOCACHE and GOPATH: without HOME go has neither, and the module cache is GOPATH's.
  const home = passwdHomeDir();
  if (home && (await fs.access(home, fsConst.W_OK).then(() => true, () => false))) {
    return [toolsEnvFix('toolsenv-gocache-gopath', `Give the Go tools a build cache and a GOPATH in ${home}`, { GOCACHE: path.join(home, '.cache', 'go-build'), GOPATH: path.join(home, 'go') }, `The editor was started without HOME; go.toolsEnvVars applies these to gopls and every go command the extension runs. HOME=${home} set where the editor starts (a container's ENV, a service's Environment=) lasts and covers terminals too.`)];
  }
  const uid = ctx.host.uid;
  if (uid < 0) return [];
  // Say which of the two it is: a tester's `nobody` has a passwd entry whose home, /nonexistent,
  // is not there, and "no passwd entry" was false.
  const homeState = !home ? 'no passwd entry' : existsSync(home) ? `its passwd home ${home} is not writable by it` : `its passwd home ${home} does not exist`;
  const base = path.join(ctx.env.TMPDIR && path.isAbsolute(ctx.env.TMPDIR) ? ctx.env.TMPDIR : '/tmp', `go-${uid}`);
  const st = await fs.lstat(base).catch(() => undefined);
  if (st && (!st.isDirectory() || st.uid !== uid)) return [];
  return [
    toolsEnvFix('toolsenv-gocache-gopath', `Give the Go tools a build cache and a GOPATH in ${base}`, { GOCACHE: path.join(base, 'go-build'), GOPATH: path.join(base, 'go') }, `There is no HOME and no home directory for uid ${uid} (${homeState}). go.toolsEnvVars applies this to gopls and every go command the extension runs; ${base} is emptied on reboot. HOME set where the editor starts (a container's ENV HOME=… or docker run -e HOME=…) lasts.`),
  ];
}

async function gorootFindings(
  ctx: ProbeContext,
  fact: Extract<GoEnvFact, { ok: true }>,
  goEnvEv: (n: string[]) => Evidence,
  observed: Record<string, unknown>,
): Promise<FindingInput[]> {
  const v = fact.values;
  const goroot = v.GOROOT ?? '';
  if (!goroot) return [];
  if (!(await exists(goroot))) {
    // The go that runs knows its own root: naming it is the fix (a tester's error came with none).
    const gr = gorootFix(fact.goBinaryReal);
    return [
      {
        classId: 'env-inheritance',
        severity: 'error',
        confidence: 0.9,
        message: `GOROOT (${goroot}) does not exist: go cannot find its standard library or compiler.${ctx.env.GOROOT !== undefined ? ` GOROOT=${ctx.env.GOROOT} comes from the environment; remove it, and go finds its own root.` : ''}`,
        evidence: [goEnvEv(['GOROOT']), ...(ctx.env.GOROOT !== undefined ? [{ source: 'environment', excerpt: `GOROOT=${ctx.env.GOROOT}` }] : [])],
        // gopls then loads nothing: its load failures are this, also when the same GOROOT is set
        // in a login shell (sameInLoginShell's headline explains only what is named here).
        explains: ['module-resolution', 'gopls-launch'],
        fixes: gr ? [gr] : [],
      },
    ];
  }
  // cmd/go/internal/cfg isGOROOT: a Go root has pkg/tool; without it (GOROOT set to .../go/bin, a
  // distro's doc folder) every build fails with `go: no such tool "compile"` and gopls cannot
  // resolve even "fmt" — an error whatever else matches.
  if (!(await exists(path.join(goroot, 'pkg', 'tool'))) && !(await exists(path.join(goroot, 'src', 'runtime')))) {
    const gr = gorootFix(fact.goBinaryReal);
    return [
      {
        classId: 'env-inheritance',
        severity: 'error',
        confidence: 0.9,
        message:
          `GOROOT (${goroot}) is not a Go installation: it has neither pkg/tool nor src/runtime, so go cannot find its compiler or standard library (every build fails with go: no such tool "compile", and gopls cannot resolve standard imports).` +
          (ctx.env.GOROOT !== undefined ? ` GOROOT=${ctx.env.GOROOT} comes from the environment; remove it, go finds its own root.` : ''),
        evidence: [goEnvEv(['GOROOT']), ...(ctx.env.GOROOT !== undefined ? [{ source: 'environment', excerpt: `GOROOT=${ctx.env.GOROOT}` }] : [])],
        // gopls then loads nothing: its load failures are this, also when the same GOROOT is set
        // in a login shell (sameInLoginShell's headline explains only what is named here).
        explains: ['module-resolution', 'gopls-launch'],
        fixes: gr ? [gr] : [],
      },
    ];
  }
  // A Go root, but not whole: an extraction or upgrade cut short, a tool or the standard library
  // deleted by hand, a distribution that split them into another package. go env still answers;
  // every build stops at the missing piece (measured: `go: no such tool "compile"`).
  const toolDir = v.GOTOOLDIR || path.join(goroot, 'pkg', 'tool', `${v.GOHOSTOS || 'linux'}_${v.GOHOSTARCH || 'amd64'}`);
  const lacking = [
    ...(await Promise.all(GO_TOOLS.map(async (t) => ((await exists(path.join(toolDir, t))) ? undefined : path.join(toolDir, t))))),
    // The packages nearly every program imports, not only runtime: a tester's tree without src/fmt
    // was blamed on the module's requirements, with go mod tidy (which changed nothing).
    ...(await Promise.all(CORE_STD.map(async (p) => ((await exists(path.join(goroot, 'src', p))) ? undefined : path.join(goroot, 'src', p))))),
  ].filter((x): x is string => x !== undefined);
  observed.GOROOTLacking = lacking;
  if (lacking.length) {
    const tool = lacking.find((l) => l.startsWith(toolDir));
    return [
      {
        classId: 'env-inheritance',
        severity: 'error',
        confidence: 0.9,
        message:
          `The Go installation at ${goroot} is incomplete: ${lacking.map((l) => path.relative(goroot, l)).join(', ')} ${lacking.length === 1 ? 'is' : 'are'} missing, so ` +
          (tool ? `every go build, go test and gopls's package loading fail with go: no such tool "${path.basename(tool)}"` : `every build importing it fails with "package ${path.relative(path.join(goroot, 'src'), lacking[0]!)} is not in std (${lacking[0]})" and gopls cannot resolve standard imports`) +
          `. An extraction or upgrade cut short, files deleted, or a distribution that ships them in another package; go env still answers, so nothing else says so.` +
          (ctx.env.GOROOT !== undefined ? ` GOROOT=${ctx.env.GOROOT} comes from the environment: if another, whole Go is installed, remove it.` : ''),
        evidence: [goEnvEv(['GOROOT', 'GOTOOLDIR']), { source: `stat in ${goroot}`, excerpt: lacking.map((l) => `${l}: no such file`).join('\n') }],
        explains: ['module-resolution', 'gopls-launch'],
        fixes: [INSTALL_GO],
      },
    ];
  }
  const gorootReal = await realpathOr(goroot);
  observed.GOROOTReal = gorootReal;
  const binReal = fact.goBinaryReal;
  if (isInside(binReal, path.join(gorootReal, 'bin'))) return [];
  // A toolchain switch (GOTOOLCHAIN or go.mod) runs go from the module cache: GOROOT moves there.
  // Not when the environment's GOROOT itself names that tree: an image's stale ENV GOROOT pointing
  // at an old toolchain in the module cache broke every build ("compile: version "go1.24.0" does not
  // match go tool version "go1.26.8"") while the report said nothing (a tester's).
  const modcache = v.GOMODCACHE ? await realpathOr(v.GOMODCACHE) : '';
  const setByEnv = ctx.env.GOROOT !== undefined && (await realpathOr(ctx.env.GOROOT)) === gorootReal;
  if (modcache && isInside(gorootReal, path.join(modcache, 'golang.org')) && !setByEnv) {
    observed.toolchainSwitched = true;
    return [];
  }
  const evidence: Evidence[] = [
    { source: 'PATH lookup for go', excerpt: `go → ${fact.goBinary}${fact.goBinaryReal !== fact.goBinary ? ` → ${fact.goBinaryReal}` : ''}` },
    goEnvEv(['GOROOT', 'GOVERSION']),
  ];
  if (ctx.env.GOROOT !== undefined) {
    const other = ((await readUserText(path.join(goroot, 'VERSION'), CAP.versionFile)) ?? '').split('\n')[0]!.trim();
    const otherV = parseGoVersion(other);
    const ourV = parseGoVersion(v.GOVERSION ?? '');
    const differs = Boolean(otherV && ourV && compareGoVersions(otherV, ourV) !== 0);
    evidence.push({ source: 'environment', excerpt: `GOROOT=${ctx.env.GOROOT}` });
    if (other) evidence.push({ source: path.join(goroot, 'VERSION'), excerpt: other });
    const fixes: Fix[] = [];
    const gr = gorootFix(binReal);
    if (gr) fixes.push(gr);
    return [
      {
        classId: 'env-inheritance',
        severity: differs ? 'error' : 'warning',
        confidence: differs ? 0.9 : 0.6,
        message:
          `The environment sets GOROOT=${ctx.env.GOROOT}, another Go installation than the go binary that runs (${binReal}, ${v.GOVERSION})` +
          (differs ? `: that GOROOT holds ${other}, so go mixes its own version with another version's compiler and standard library ("compile: version … does not match go tool version").` : ': the go binary and the standard library come from different trees.') +
          ' Remove GOROOT from your environment; go finds its own root.',
        evidence,
        fixes,
      },
    ];
  }
  // A wrapper (snap's /usr/bin/snap, a version manager's shim, a CI image's `exec …/go "$@"` script)
  // is not inside GOROOT by design: go env already answered from the go it runs (a tester's CI
  // shim got a warning and exit 1 while go build worked).
  const head = await readUserText(binReal, 2);
  if (path.basename(binReal) !== 'go' || head === '#!') {
    observed.goBinaryIsWrapper = true;
    return [];
  }
  return [
    {
      classId: 'env-inheritance',
      severity: 'warning',
      confidence: 0.5,
      message: `The go binary that runs (${binReal}) is not inside its GOROOT (${gorootReal}/bin): a copied or relinked go may pick up another installation's tools.`,
      evidence,
      fixes: [],
    },
  ];
}

/**
 * A go env file this user cannot read: go ignores it without a word (cmd/go cfg.go readConfig takes
 * any read error as "no file"), so what go env -w put there is lost for every go command (a
 * tester's GOFLAGS in a 0600 file of another user: go env printed nothing, the report nothing).
 */
async function unreadableEnvFileFindings(ctx: ProbeContext, v: GoEnvValues, goEnvEv: (n: string[]) => Evidence): Promise<FindingInput[]> {
  const file = v.GOENV ?? '';
  if (!file || file === 'off' || !path.isAbsolute(file)) return [];
  const code = await fs.access(file, fsConst.R_OK).then(() => undefined, (e: NodeJS.ErrnoException) => e.code);
  if (code !== 'EACCES' && code !== 'EPERM') return [];
  const st = await fs.stat(file).catch(() => undefined);
  const mode = st ? octalMode(st.mode) : undefined;
  return [
    {
      classId: 'env-inheritance',
      severity: 'warning',
      confidence: 0.7,
      message: `Your go env file ${file} cannot be read (${code}${st ? `: owned by uid ${st.uid}, mode ${mode}, you are uid ${ctx.host.uid}` : ''}): go ignores it without a word, so the settings go env -w wrote there do not apply to any go command, gopls's included.`,
      evidence: [goEnvEv(['GOENV']), { source: `access(2) R_OK on ${file}`, excerpt: `${code}${st ? ` (owner uid ${st.uid}, mode ${mode})` : ''}` }],
      fixes: st && st.uid !== ctx.host.uid && ctx.host.uid !== 0 ? [{ id: 'goenv-file-chown', kind: 'terminal', title: `Take ownership of ${file}`, text: `sudo chown "$USER:" ${quoteForDisplay(file)}`, needsRoot: true, detail: 'A `sudo go env -w` wrote it as root.' }] : [{ id: 'goenv-file-chmod', kind: 'terminal', title: `Let its owner read ${file}`, text: `chmod u+r ${quoteForDisplay(file)}`, needsRoot: false }],
    },
  ];
}

/**
 * Lines of go env's file that go skips (no '=', a lower-case or spaced name, a quoted value, a name
 * set twice): the setting meant is lost while everything still runs, so only the file shows it.
 */
async function ignoredEnvFileLineFindings(ctx: ProbeContext, v: GoEnvValues, commandLine: string): Promise<FindingInput[]> {
  const file = v.GOENV ?? '';
  if (!file || file === 'off' || !path.isAbsolute(file)) return [];
  const text = await readUserText(file, CAP.smallConfig);
  if (text === undefined) return [];
  const effective = (name: string): EffectiveValue => {
    const held = goVarSource(name, ctx.env, [], text);
    const from = held.kind === 'file' ? `line ${held.line} of the file` : held.kind === 'default' ? (v.GOROOT ? `${path.join(v.GOROOT, 'go.env')} or Go's default` : "Go's default") : 'the environment';
    return { value: v[name] ?? '', from };
  };
  return ignoredLineFindings(file, ignoredGoEnvLines(text), effective, (name) => ctx.env[name] || undefined, commandLine);
}

async function cacheFindings(ctx: ProbeContext, v: GoEnvValues, goEnvEv: (n: string[]) => Evidence): Promise<FindingInput[]> {
  const out: FindingInput[] = [];
  const gocache = v.GOCACHE ?? '';
  if (gocache === 'off') {
    const noHome = ctx.env.GOCACHE === undefined && !ctx.env.HOME && !ctx.env.XDG_CACHE_HOME;
    const home = passwdHomeDir();
    out.push({
      // Missing HOME or GOCACHE=off in the environment: what the tools inherited. Only a
      // GOCACHE=off written with go env -w is a setting of the Go directories themselves.
      classId: noHome || ctx.env.GOCACHE === 'off' ? 'env-inheritance' : 'fs-access',
      severity: 'error',
      confidence: 0.95,
      message: noHome
        ? 'go has no build cache: "build cache is required, but could not be located: GOCACHE is not defined and neither $XDG_CACHE_HOME nor $HOME are defined". The editor was started without HOME, so every build, test and gopls load fails.'
        : 'GOCACHE=off: "build cache is disabled by GOCACHE=off, but required as of Go 1.12", so every build, test and gopls load fails.',
      evidence: [goEnvEv(['GOCACHE']), { source: 'environment', excerpt: ['GOCACHE', 'HOME', 'XDG_CACHE_HOME'].map((n) => (ctx.env[n] !== undefined ? `${n}=${ctx.env[n]}` : `${n} is unset`)).join('\n') }],
      fixes: noHome ? await noHomeCacheFixes(ctx) : home ? [gocacheInHomeFix(home)] : [],
    });
  } else if (gocache && !path.isAbsolute(gocache)) {
    out.push({ classId: 'fs-access', severity: 'error', confidence: 0.95, message: `GOCACHE (${gocache}) is not an absolute path: go refuses it ("GOCACHE is not an absolute path").`, evidence: [goEnvEv(['GOCACHE'])], fixes: [] });
  }
  const modcache = v.GOMODCACHE ?? '';
  if (!modcache) {
    out.push({
      classId: 'fs-access',
      severity: 'error',
      confidence: 0.85,
      message: 'go has no module cache: GOMODCACHE and GOPATH are both empty (HOME is unset?), so no dependency can be downloaded or found.',
      evidence: [goEnvEv(['GOMODCACHE', 'GOPATH'])],
      // The same directories as for a missing build cache: a GOPATH gives go its module cache.
      fixes: !ctx.env.HOME ? (await noHomeCacheFixes(ctx)).filter((f) => f.id === 'toolsenv-gocache-gopath') : [],
    });
  } else if (!path.isAbsolute(modcache)) {
    // "~/go/pkg/mod" written where no shell expands it (go.toolsEnvVars, a systemd unit, a quoted
    // export) is the usual one; the fix writes the home out, or gives go its default back.
    const home = ctx.env.HOME && path.isAbsolute(ctx.env.HOME) ? ctx.env.HOME : undefined;
    const tilde = modcache === '~' || modcache.startsWith('~/');
    const gopath = gopathEntries(v)[0];
    const to = tilde && home ? path.join(home, modcache.slice(1)) : gopath && path.isAbsolute(gopath) ? path.join(gopath, 'pkg', 'mod') : undefined;
    out.push({
      classId: 'fs-access',
      severity: 'error',
      confidence: 0.9,
      message: `GOMODCACHE (${modcache}) is not an absolute path${tilde ? ', with a "~" nothing expanded (only a shell turns ~ into the home directory)' : ''}: go rejects it ("GOMODCACHE entry is relative; must be absolute path") whenever it needs a dependency, so go build and gopls fail in every module with requirements.`,
      evidence: [goEnvEv(['GOMODCACHE'])],
      fixes: to ? [toolsEnvFix('toolsenv-gomodcache-absolute', `Set GOMODCACHE=${to} for the Go tools`, { GOMODCACHE: to }, tilde ? 'The same path with the home written out; write it out where the "~" came from too.' : 'go\'s own default, GOPATH/pkg/mod; or remove GOMODCACHE where it is set.')] : [],
    });
  }
  const gotmp = v.GOTMPDIR ?? '';
  const tmp = gotmp || ctx.env.TMPDIR || '';
  if (tmp && !(await exists(tmp))) {
    const name = gotmp ? 'GOTMPDIR' : 'TMPDIR';
    out.push({
      classId: 'fs-access',
      severity: 'error',
      confidence: 0.9,
      message: `${name} is ${tmp}, which does not exist: go build, go test and go run fail with "go: creating work dir: stat ${tmp}: no such file or directory".`,
      evidence: [gotmp ? goEnvEv(['GOTMPDIR']) : { source: 'environment', excerpt: `TMPDIR=${tmp}` }, { source: `stat ${tmp}`, excerpt: 'ENOENT' }],
      fixes: [],
    });
  }
  const gopaths = gopathEntries(v);
  const goroot = v.GOROOT ?? '';
  if (goroot && gopaths.some((g) => path.resolve(g) === path.resolve(goroot))) {
    // GOPATH is the value to move (GOROOT is where go is): its default, ~/go, unless that is GOROOT too.
    const home = ctx.env.HOME && path.isAbsolute(ctx.env.HOME) ? ctx.env.HOME : undefined;
    const dflt = home && path.resolve(home, 'go') !== path.resolve(goroot) ? path.join(home, 'go') : undefined;
    const where = await whereGoVarIsSet(ctx, 'GOPATH', dflt === undefined ? undefined : '', v.GOENV);
    out.push({
      classId: 'env-inheritance',
      severity: 'warning',
      confidence: 0.6,
      message: `GOPATH and GOROOT are the same directory (${goroot}): go warns "both GOPATH and GOROOT are the same directory", and tools installed with go install land among the Go distribution's files.${where.words}`,
      evidence: [goEnvEv(['GOPATH', 'GOROOT']), ...where.evidence],
      fixes: where.fixes,
    });
  }
  return out;
}

async function moduleVarFindings(ctx: ProbeContext, v: GoEnvValues, goEnvEv: (n: string[]) => Evidence): Promise<FindingInput[]> {
  const out: FindingInput[] = [];
  if ((v.GO111MODULE ?? '') === 'off') {
    const setIn = await sourceOf('GO111MODULE', ctx.env, v);
    const on = await fixedWhereSet(ctx, v, 'GO111MODULE', [toolsEnvFix('toolsenv-go111module-on', 'Set GO111MODULE=on for the Go tools', { GO111MODULE: 'on' })]);
    const evidence = [goEnvEv(['GO111MODULE']), ...(ctx.env.GO111MODULE !== undefined ? [{ source: 'environment', excerpt: `GO111MODULE=${ctx.env.GO111MODULE}` }] : []), ...on.evidence];
    // GOPATH mode is what a GOPATH/src tree without go.mod is built in: there it works (a tester's
    // legacy tree got an error whose fix, GO111MODULE=on, broke its build). It breaks a module.
    const workspaces = ctx.workspaces.slice(0, 3).map((w) => path.resolve(w));
    const modules: string[] = [];
    for (const w of workspaces) {
      const m = (await findUp(w, 'go.mod')) ?? (await findUp(w, 'go.work'));
      if (m) modules.push(m);
    }
    const gopathSrc = gopathEntries(v).map((g) => path.join(g, 'src'));
    const inGopath = workspaces.length > 0 && workspaces.every((w) => gopathSrc.some((src) => isInside(w, src)));
    // A module under GOPATH/src that requires nothing builds in GOPATH mode too (its imports are its
    // own packages, found under GOPATH/src): a warning, not "imports do not resolve" (a tester's built).
    const requiresNothing = inGopath && modules.length > 0 && (await Promise.all(modules.map(async (m) => (m.endsWith('go.mod') ? !/^\s*require\b/m.test((await readUserText(m, CAP.goModFile)) ?? 'require') : false)))).every(Boolean);
    if (requiresNothing) {
      out.push({
        classId: 'module-resolution',
        severity: 'warning',
        confidence: 0.5,
        message: `GO111MODULE=off (set in ${setIn}): go and gopls run in GOPATH mode and ignore ${firstAndMore(modules)}. The module requires nothing and lies under GOPATH/src, so it builds today, from GOPATH; the first requirement added to go.mod will not resolve.`,
        evidence: [...evidence, { source: 'go.mod above the workspace', excerpt: modules.join('\n') }],
        fixes: on.fixes,
      });
    } else if (modules.length || !workspaces.length) {
      out.push({
        classId: 'module-resolution',
        severity: 'error',
        confidence: 0.9,
        message: `GO111MODULE=off (set in ${setIn}): go and gopls run in GOPATH mode and ignore every go.mod${modules.length ? ` (${firstAndMore(modules)} among them)` : ''}, so imports of modules do not resolve.`,
        evidence: [...evidence, ...(modules.length ? [{ source: 'go.mod / go.work above the workspace', excerpt: modules.join('\n') }] : [])],
        fixes: on.fixes,
      });
    } else if (inGopath) {
      out.push({
        classId: 'module-resolution',
        severity: 'info',
        confidence: 0.3,
        message: `GO111MODULE=off (set in ${setIn}): go and gopls run in GOPATH mode, and ${firstAndMore(workspaces)} ${workspaces.length === 1 ? 'is' : 'are'} under GOPATH/src with no go.mod, so that works. GOPATH mode is legacy: go mod init there, then GO111MODULE=on, moves it to modules.`,
        evidence,
        fixes: [],
      });
    } else {
      out.push({
        classId: 'module-resolution',
        severity: 'warning',
        confidence: 0.6,
        message: `GO111MODULE=off (set in ${setIn}): go and gopls run in GOPATH mode, but ${firstAndMore(workspaces)} ${workspaces.length === 1 ? 'is' : 'are'} neither under GOPATH/src (${gopathSrc.join(', ') || 'GOPATH unset'}) nor in a module: imports of other packages do not resolve. go mod init there makes it a module (then GO111MODULE=on).`,
        evidence,
        fixes: [],
      });
    }
  }
  const flags = parseGoFlags(v.GOFLAGS ?? '');
  const mod = flags.get('mod');
  if (mod === 'vendor') {
    out.push({
      classId: 'module-resolution',
      severity: 'info',
      confidence: 0.4,
      message: `GOFLAGS=${v.GOFLAGS}: every module is built from its vendor/ directory, and a vendor/modules.txt that disagrees with go.mod breaks every import ("inconsistent vendoring").`,
      evidence: [goEnvEv(['GOFLAGS'])],
      fixes: [],
    });
  } else if (mod === 'mod') {
    out.push({ classId: 'module-resolution', severity: 'info', confidence: 0.3, message: `GOFLAGS=${v.GOFLAGS}: go may rewrite go.mod and go.sum while gopls loads packages.`, evidence: [goEnvEv(['GOFLAGS'])], fixes: [] });
  }
  if (flags.has('modfile')) {
    const modfile = flags.get('modfile') ?? '';
    // An absolute -modfile that is not there fails every go command ("go: open /x.mod: no such file
    // or directory"); measured, the report had only this warning below gopls's "no views". A
    // relative one is opened from each command's own directory (measured with go 1.26: `go build ..`
    // from a module's sub folder opened sub/alt.mod): checked where gopls runs its go commands,
    // the module root of each workspace folder (a tester's GOFLAGS=-modfile=alt.mod got the warning only).
    const relativeAt = path.isAbsolute(modfile) || !modfile ? [] : await Promise.all(ctx.workspaces.slice(0, 8).map(async (w) => {
      const goMod = await findUp(path.resolve(w), 'go.mod');
      return path.resolve(goMod ? path.dirname(goMod) : path.resolve(w), modfile);
    }));
    const relativeMissing = (await Promise.all(relativeAt.map(async (f) => ((await exists(f)) ? undefined : f)))).filter((f): f is string => f !== undefined);
    const missing = (path.isAbsolute(modfile) && !(await exists(modfile))) || relativeMissing.length > 0;
    const rest = goFlagsWithout(v.GOFLAGS ?? '', 'modfile');
    const missingFixes = missing ? await fixedWhereSet(ctx, v, 'GOFLAGS', [toolsEnvFix('toolsenv-goflags-no-modfile', 'Drop -modfile from GOFLAGS for the Go tools', { GOFLAGS: rest || ' ' })], (file) => goflagsFileFix(rest, file)) : { words: '', evidence: [], fixes: [] };
    out.push({
      classId: 'module-resolution',
      severity: missing ? 'error' : 'warning',
      confidence: missing ? 0.9 : 0.5,
      message: missing
        ? relativeMissing.length
          ? `GOFLAGS sets -modfile=${modfile}, a relative path go opens in the folder each go command runs in, and ${relativeMissing.join(', ')} ${relativeMissing.length > 1 ? 'do' : 'does'} not exist: go build there and gopls's package loads, which run in the module's folder, fail ("go: open ${modfile}: no such file or directory"), and gopls loads nothing.${missingFixes.words}`
          : `GOFLAGS sets -modfile=${modfile}, which does not exist: every go command in every module fails ("go: open ${modfile}: no such file or directory"), and gopls loads nothing.${missingFixes.words}`
        : `GOFLAGS sets -modfile=${modfile}: every module is read from that file instead of its own go.mod.`,
      evidence: [goEnvEv(['GOFLAGS']), ...(missing ? (relativeMissing.length ? relativeMissing : [modfile]).map((f) => ({ source: `stat ${f}`, excerpt: 'ENOENT' })) : []), ...missingFixes.evidence],
      fixes: missingFixes.fixes,
    });
  }
  return out;
}

/**
 * A GOFLAGS go rejects as a value: `go env` still answers (it does not apply GOFLAGS, so it can be fixed), but
 * every other command fails at once: "go: parsing $GOFLAGS: unknown flag -x", "-mod=x not supported
 * (can be '', 'mod', 'readonly', or 'vendor')". Measured without gopls installed: the report named
 * only the missing gopls, whose install (go install gopls) fails the same way. Told apart by
 * running a cheap go list twice in the workspace, with and without GOFLAGS (a blank value hides
 * both the environment's and the go env file's): only a GOFLAGS that alone makes go fail is named.
 */
async function goflagsFindings(ctx: ProbeContext, fact: Extract<GoEnvFact, { ok: true }>, goEnvEv: (n: string[]) => Evidence): Promise<FindingInput[]> {
  const value = (fact.values.GOFLAGS ?? '').trim();
  if (!value || ctx.remainingMs() < 1500) return [];
  const cwd = ctx.workspaces[0] ? path.resolve(ctx.workspaces[0]) : undefined;
  // Sealed (src/host/sealedGo.ts): under -mod=mod even this list rewrites a go.mod go would tidy.
  const list = (env: NodeJS.ProcessEnv) =>
    withSealedGo(readOnlyGo(env), cwd, fact.values, (e) => ctx.host.exec(fact.goBinary, ['list', '-e', '-find', '-f', '{{.ImportPath}}', 'unsafe'], { timeoutMs: Math.min(5000, ctx.remainingMs() / 3), signal: ctx.signal, env: e, ...(cwd ? { cwd } : {}), maxBuffer: 64 * 1024 }));
  const withFlags = await list(ctx.env);
  if (!withFlags.failed || withFlags.timedOut || withFlags.canceled || withFlags.errorCode) return [];
  // Only a value go rejects as such is this finding's: a GOFLAGS that go parses and that then fails
  // on the module's state (-mod=vendor without vendor/, a -modfile that is gone) is a module problem
  // the modules probe and moduleVarFindings name (measured: fault 80 ranked this above them).
  // -mod=mod in GOFLAGS (often set once for every module) is refused outright once a go.work applies:
  // "go: -mod may only be set to readonly or vendor when in workspace mode, but it is set to "mod""
  // (measured: the verdict said "no problems found", and gopls's later load failure was read as a
  // vendoring problem).
  const workspaceMode = /-mod may only be set to readonly or vendor when in workspace mode/.test(withFlags.stderr);
  if (!workspaceMode && !/\$GOFLAGS|%GOFLAGS%|not supported \(can be ''/.test(withFlags.stderr)) return [];
  const without = await list({ ...ctx.env, GOFLAGS: ' ' });
  if (without.failed) return [];
  const said = withFlags.stderr.trim().split('\n')[0] ?? '';
  const fromEnv = ctx.env.GOFLAGS !== undefined;
  // go.toolsEnvVars puts it into the tools' environment too: then that setting is where it is, not
  // an export (a tester's typo there was sent to their shell start-up files, which had none).
  const fromSetting = fromEnv && (ctx.settings.toolsEnvVarsKeys ?? []).includes('GOFLAGS');
  const where = fromSetting ? 'go.toolsEnvVars in your editor settings' : fromEnv ? 'the environment the editor was started with' : `your go env file (${fact.values.GOENV || 'GOENV'}, go env -w)`;
  const elsewhere = fromSetting ? 'or correct the flag in go.toolsEnvVars' : 'remove the export from your shell start-up files too, or correct the flag';
  if (workspaceMode) {
    const gowork = (await ctx.host.exec(fact.goBinary, ['env', 'GOWORK'], { timeoutMs: Math.min(3000, ctx.remainingMs() / 3), signal: ctx.signal, env: readOnlyGo({ ...ctx.env, GOFLAGS: ' ' }), ...(cwd ? { cwd } : {}), maxBuffer: 16 * 1024 })).stdout.trim();
    const rest = goFlagsWithout(value, 'mod');
    const mode = parseGoFlags(value).get('mod') ?? '';
    return [
      {
        classId: 'env-inheritance',
        severity: 'error',
        confidence: 0.9,
        message: `GOFLAGS=${value} (from ${where}) sets -mod=${mode}, which go refuses in workspace mode, and ${gowork ? `the go.work ${gowork}` : 'a go.work'} puts ${cwd ?? 'the workspace'} in workspace mode: every go command but go env fails there ("${said}"). go build, go test and gopls's package loads stop at it; without -mod go runs (in workspace mode go.mod is never rewritten anyway).`,
        evidence: [
          goEnvEv(['GOFLAGS']),
          { source: `${withFlags.commandLine}${cwd ? ` (in ${cwd})` : ''}`, excerpt: withFlags.stderr.trim().split('\n').slice(0, 3).join('\n') },
          { source: `GOFLAGS=' ' ${without.commandLine}`, excerpt: `exit 0: ${without.stdout.trim()}` },
          ...(gowork ? [{ source: `go env GOWORK${cwd ? ` (in ${cwd})` : ''}`, excerpt: gowork }] : []),
        ],
        explains: ['module-resolution', 'gopls-launch'],
        fixes: fromEnv
          ? [toolsEnvFix('toolsenv-goflags-no-mod', 'Drop -mod from GOFLAGS for the Go tools', { GOFLAGS: rest || ' ' }, fromSetting ? 'go reads a blank GOFLAGS as none.' : 'go reads a blank GOFLAGS as none; drop -mod from the export in your shell start-up files too.')]
          : [
              rest
                ? { id: 'go-env-goflags-no-mod', kind: 'terminal', title: 'Drop -mod from GOFLAGS in your go env file', text: `go env -w ${quoteForDisplay(`GOFLAGS=${rest}`)}`, needsRoot: false, detail: 'The other flags stay as they were.' }
                : { id: 'go-env-unset-goflags', kind: 'terminal', title: 'Remove GOFLAGS from your go env file', text: 'go env -u GOFLAGS', needsRoot: false, detail: '-mod was its only flag.' },
            ],
      },
    ];
  }
  // In go env's file: the flag go refused dropped, the others kept, when go then runs (a tester's
  // go env -u GOFLAGS lost -buildvcs=false beside a bad -mod); else the whole value goes.
  const file = fact.values.GOENV && path.isAbsolute(fact.values.GOENV) ? fact.values.GOENV : 'GOENV';
  const refused = rejectedSettingIn(withFlags.stderr)?.value;
  const rest = !fromEnv && refused?.startsWith('-') ? goFlagsWithout(value, refused.replace(/^--?/, '').split('=')[0]!) : '';
  const restWorks = rest && rest !== value ? !(await list({ ...ctx.env, GOFLAGS: rest })).failed : false;
  const fileFix = restWorks ? goflagsFileFix(rest, file) : fileValueFix('GOFLAGS', file);
  const held = !fromEnv && path.isAbsolute(file) ? goVarSource('GOFLAGS', {}, [], await readUserText(file, CAP.smallConfig)) : undefined;
  const fileEv: Evidence[] = held?.kind === 'file' ? [{ source: `${file}:${held.line}`, excerpt: held.text }] : [];
  // The exported GOFLAGS hides the go env file's; a blank one in go.toolsEnvVars would drop that
  // file's flags too (measured: -buildvcs=false lost), so the file's own value is what replaces it.
  const fileFlags = fromEnv && fact.values.GOENV && path.isAbsolute(fact.values.GOENV) ? /^GOFLAGS=(.*)$/m.exec((await readUserText(fact.values.GOENV, CAP.smallConfig)) ?? '')?.[1]?.trim() : undefined;
  return [
    {
      classId: 'env-inheritance',
      severity: 'error',
      confidence: 0.9,
      message: `GOFLAGS=${value} (from ${where}) makes every go command but go env fail here: "${said}". go build, go test, gopls's package loads and the Go extension's tool installs (go install gopls) all stop at it; without GOFLAGS go runs.`,
      evidence: [
        goEnvEv(['GOFLAGS']),
        { source: `${withFlags.commandLine}${cwd ? ` (in ${cwd})` : ''}`, excerpt: withFlags.stderr.trim().split('\n').slice(0, 3).join('\n') },
        { source: `GOFLAGS=' ' ${without.commandLine}`, excerpt: `exit 0: ${without.stdout.trim()}` },
        ...fileEv,
      ],
      explains: ['module-resolution', 'gopls-launch'],
      fixes: fromEnv
        ? [
            fileFlags
              ? toolsEnvFix('toolsenv-goflags-clear', `Give the Go tools your go env file's GOFLAGS (${fileFlags})`, { GOFLAGS: fileFlags }, `The GOFLAGS ${fromSetting ? 'go.toolsEnvVars sets' : 'exported'} hides the one in ${fact.values.GOENV}; ${elsewhere}.`)
              : toolsEnvFix('toolsenv-goflags-clear', 'Clear GOFLAGS for the Go tools', { GOFLAGS: ' ' }, `go reads a blank GOFLAGS as none; ${elsewhere}.`),
          ]
        : [fileFix],
    },
  ];
}

async function goworkFindings(ctx: ProbeContext, v: GoEnvValues, goEnvEv: (n: string[]) => Evidence): Promise<FindingInput[]> {
  const gowork = ctx.env.GOWORK || v.GOWORK || '';
  if (!gowork || gowork === 'off') return [];
  if (!path.isAbsolute(gowork) || (await exists(gowork))) return [];
  const where = ctx.env.GOWORK ? { words: '', evidence: [], fixes: [toolsEnvFix('toolsenv-gowork-default', 'Let go find go.work itself (clear GOWORK for the Go tools)', { GOWORK: '' })] } : await fixedWhereSet(ctx, v, 'GOWORK', [toolsEnvFix('toolsenv-gowork-default', 'Let go find go.work itself (clear GOWORK for the Go tools)', { GOWORK: '' })]);
  return [
    {
      classId: 'module-resolution',
      severity: 'error',
      confidence: 0.9,
      message: `GOWORK names ${gowork}, which does not exist: go fails with "go: reading go.work: open ${gowork}: no such file or directory" in every folder, and gopls loads nothing.${where.words}`,
      evidence: [ctx.env.GOWORK ? { source: 'environment', excerpt: `GOWORK=${ctx.env.GOWORK}` } : goEnvEv(['GOWORK']), { source: `stat ${gowork}`, excerpt: 'ENOENT' }, ...where.evidence],
      fixes: where.fixes,
    },
  ];
}

/**
 * GOAMD64 above what this CPU offers (procfs/cpuinfo.ts). go build is fine; every program it builds
 * for this machine (go test, go run, and a gopls or dlv installed with it) exits at start with "This
 * program can only be run on AMD64 processors with vN microarchitecture support.". Met on virtual
 * CPUs (QEMU's and Proxmox's default models are v1), Atom/Celeron parts without AVX (v2), and
 * GOAMD64=v3 copied from a CI or image configuration. A warning, as GOARCH for another machine: it
 * may be set on purpose for deployment, but nothing built here runs here.
 */
async function amd64LevelFindings(ctx: ProbeContext, v: GoEnvValues, goEnvEv: (n: string[]) => Evidence, observed: Record<string, unknown>): Promise<FindingInput[]> {
  const want = /^v([1-4])$/.exec(v.GOAMD64 ?? '');
  if (!want || v.GOARCH !== 'amd64' || v.GOHOSTARCH !== 'amd64' || Number(want[1]) < 2) return [];
  const cpu = await readAmd64Cpu(ctx.host);
  if (!cpu) return [];
  const level = cpu.level;
  observed.amd64Level = `v${level}`;
  const n = Number(want[1]);
  if (n <= level) return [];
  const missing = missingForLevel(cpu.flags, n);
  const from = ctx.env.GOAMD64 !== undefined ? "the editor's environment" : `your go env file (${v.GOENV || 'GOENV'})`;
  return [
    {
      classId: 'env-inheritance',
      severity: 'warning',
      confidence: 0.8,
      message: `GOAMD64=${v.GOAMD64} (from ${from}) builds for x86-64-v${n}, but this CPU${cpu.model ? ` (${cpu.model})` : ''} offers only v${level}: it lacks ${firstAndMore(missing, 6)}. go build works, but every program built for this machine (go test's test binaries, go run, a gopls or dlv installed with it) stops at once with "This program can only be run on AMD64 processors with v${n} microarchitecture support."`,
      evidence: [goEnvEv(['GOAMD64', 'GOARCH']), { source: '/proc/cpuinfo (flags every processor lists)', excerpt: `${cpu.model ?? 'model name unknown'}: x86-64-v${level}; for v${n} it lacks ${missing.join(' ')}` }],
      fixes: [toolsEnvFix('toolsenv-goamd64', `Build for this CPU (GOAMD64=v${level}) in the Go tools`, { GOAMD64: `v${level}` })],
    },
  ];
}

/**
 * GOTOOLCHAIN pinned to a release (go1.22.0, no "+auto") runs that release for everything, and a
 * module whose go line is newer makes it stop: "go.mod requires go >= 1.26 (running go 1.22.0;
 * GOTOOLCHAIN=go1.22.0)", every command and every package load of gopls. The doctor's own go runs
 * with GOTOOLCHAIN=local and loads fine, so nothing else sees it (a tester: "no problems found").
 */
async function pinnedBelowModuleFindings(ctx: ProbeContext, v: GoEnvValues, goEnvEv: (n: string[]) => Evidence): Promise<FindingInput[]> {
  const tc = parseToolchain(v.GOTOOLCHAIN ?? '');
  // "+auto" switches up by downloading, "+path" by looking the release up on PATH (the modules
  // probe's go list, run with the setting, reports what that finds): neither stops at the pin.
  if (tc.mode !== 'version' || tc.fallback) return [];
  const pinned = parseGoVersion(tc.version);
  if (!pinned) return [];
  for (const ws of ctx.workspaces.slice(0, 3)) {
    for (const name of ['go.work', 'go.mod']) {
      const file = await findUp(path.resolve(ws), name);
      if (!file) continue;
      const line = parseGoDirectives((await readUserText(file, CAP.goModFile)) ?? '').go;
      const need = line ? parseGoVersion(line) : undefined;
      if (!need || compareGoVersions(need, pinned) <= 0) continue;
      const have = parseGoVersion(v.GOVERSION ?? '');
      const value = have && compareGoVersions(have, need) >= 0 ? 'local' : `${tc.version}+auto`;
      const where = await fixedWhereSet(ctx, v, 'GOTOOLCHAIN', [value === 'local' ? gotoolchainLocalFix(v.GOVERSION) : toolsEnvFix('toolsenv-gotoolchain-auto', `Let go switch up to what the module asks for (GOTOOLCHAIN=${value})`, { GOTOOLCHAIN: value })]);
      return [
        {
          classId: 'env-inheritance',
          headline: 'toolchain-setting',
          severity: 'error',
          confidence: 0.85,
          explains: ['module-resolution', 'gopls-launch'],
          message: `GOTOOLCHAIN=${v.GOTOOLCHAIN} runs Go ${tc.version.replace(/^go/, '')} for everything, older than the go ${line} that ${file} asks for: every go command there stops with "${name} requires go >= ${line} (running go ${tc.version.replace(/^go/, '')}; GOTOOLCHAIN=${v.GOTOOLCHAIN})", and gopls loads no package.${where.words}`,
          evidence: [goEnvEv(['GOTOOLCHAIN', 'GOVERSION']), { source: file, excerpt: `go ${line}` }, ...where.evidence],
          fixes: where.fixes,
        },
      ];
    }
  }
  return [];
}

async function platformFindings(ctx: ProbeContext, v: GoEnvValues, goEnvEv: (n: string[]) => Evidence): Promise<FindingInput[]> {
  const out: FindingInput[] = [];
  const tc = parseToolchain(v.GOTOOLCHAIN ?? '');
  // "+path": go never downloads; it runs the release found on PATH (the modules probe's go list,
  // run with this setting, says when there is none or it fails), so "downloads it" would be untrue.
  if (tc.mode === 'version' && tc.fallback !== 'path') {
    const want = parseGoVersion(tc.version);
    const have = parseGoVersion(v.GOVERSION ?? '');
    const proxyOff = (v.GOPROXY ?? '').split(/[,|]/).every((p) => p === 'off' || p === '');
    // Held by go env's file, go env -u needs GOTOOLCHAIN=local to start: go would fetch the
    // release first (measured: go env -u GOTOOLCHAIN failed with "toolchain not available").
    const where = want && have && compareGoVersions(want, have) > 0 ? await fixedWhereSet(ctx, v, 'GOTOOLCHAIN', [gotoolchainLocalFix()]) : undefined;
    if (where && proxyOff) {
      out.push({
        // Every go command switches to that toolchain first and fails when it cannot get it
        // ("go: downloading go1.30.0 (linux/amd64): toolchain not available"): builds and gopls's loads.
        classId: 'env-inheritance',
        headline: 'toolchain-setting',
        severity: 'error',
        confidence: 0.85,
        message: `GOTOOLCHAIN=${v.GOTOOLCHAIN} asks for a newer Go than the one installed (${v.GOVERSION}), and GOPROXY=off forbids downloading it: every go command, and every package load of gopls, fails with "toolchain not available".${where.words}`,
        explains: ['module-resolution', 'gopls-launch'],
        evidence: [goEnvEv(['GOTOOLCHAIN', 'GOVERSION', 'GOPROXY']), ...where.evidence],
        fixes: where.fixes,
      });
    } else if (where && v.GOMODCACHE && !existsSync(path.join(v.GOMODCACHE, 'golang.org', `toolchain@v0.0.1-${tc.version}.${v.GOHOSTOS ?? 'linux'}-${v.GOHOSTARCH ?? 'amd64'}`))) {
      // Not downloaded yet: every go command fetches it first, and fails while it cannot (offline,
      // a proxy that refuses, or a version never released: "403 … This module version is not
      // available"). Measured: GOTOOLCHAIN=go1.99.0 left only a module-resolution symptom nothing explained.
      out.push({
        classId: 'env-inheritance',
        headline: 'toolchain-setting',
        severity: 'warning',
        confidence: 0.6,
        message: `GOTOOLCHAIN=${v.GOTOOLCHAIN} makes every go command switch to ${tc.version}, newer than the installed ${v.GOVERSION} and not in the module cache: go downloads it first (from ${(v.GOPROXY ?? '').split(/[,|]/)[0] || 'https://proxy.golang.org'}), and until that works every go command and every package load of gopls fail ("toolchain not available" offline; "not available" from the proxy for a version never released).${where.words}`,
        explains: ['module-resolution', 'gopls-launch'],
        evidence: [goEnvEv(['GOTOOLCHAIN', 'GOVERSION', 'GOPROXY']), { source: `stat ${path.join(v.GOMODCACHE, 'golang.org', `toolchain@v0.0.1-${tc.version}.${v.GOHOSTOS ?? 'linux'}-${v.GOHOSTARCH ?? 'amd64'}`)}`, excerpt: 'ENOENT' }, ...where.evidence],
        fixes: where.fixes,
      });
    }
  }
  const goos = v.GOOS ?? '';
  const goarch = v.GOARCH ?? '';
  const hostOs = v.GOHOSTOS ?? '';
  const hostArch = v.GOHOSTARCH ?? '';
  const differs = [goos && hostOs && goos !== hostOs ? 'GOOS' : '', goarch && hostArch && goarch !== hostArch ? 'GOARCH' : ''].filter(Boolean);
  if (differs.length) {
    const target = { goos, goarch };
    const host = { goos: hostOs, goarch: hostArch };
    const set = differs.filter((n) => ctx.env[n] !== undefined);
    // go turns cgo off for a cross build unless CGO_ENABLED or CC says otherwise (measured:
    // GOARCH=386 go env CGO_ENABLED prints 0 where the native default is 1).
    const cgoSource = v.CGO_ENABLED === '0' ? await sourceOf('CGO_ENABLED', ctx.env, v) : '';
    const cgoOffForCross = v.CGO_ENABLED === '0' && !cgoSource.startsWith('the environment') && !cgoSource.startsWith('your go env file') && !ctx.env.CC;
    const verdict = runsHere(target, host, await readForeignExec(ctx.host, hostArch));
    out.push({
      classId: 'env-inheritance',
      severity: 'warning',
      // Binaries that still run here leave type-checking as the only effect, which may be meant.
      confidence: verdict.runs === 'yes' ? 0.5 : 0.7,
      message:
        `The Go tools target ${goos}/${goarch}, not this machine (${hostOs}/${hostArch})` +
        (set.length ? ` because the editor's environment sets ${set.map((n) => `${n}=${ctx.env[n]}`).join(' ')}` : ` (set in ${v.GOENV || 'the go env file'})`) +
        `: gopls type-checks for ${goos}/${goarch}: ${excludedWords(target, host, cgoOffForCross)}; ${runWords(target, verdict)}.`,
      evidence: [goEnvEv(['GOOS', 'GOARCH', 'GOHOSTOS', 'GOHOSTARCH', ...(cgoOffForCross ? ['CGO_ENABLED'] : [])]), ...(set.length ? [{ source: 'environment', excerpt: set.map((n) => `${n}=${ctx.env[n]}`).join('\n') }] : []), ...verdict.evidence],
      // Only what differs: a GOOS left as it was needs no override.
      fixes: [toolsEnvFix('toolsenv-host-platform', `Target this machine (${hostOs}/${hostArch}) in the Go tools`, Object.fromEntries(differs.map((n) => [n, n === 'GOOS' ? hostOs : hostArch])))],
    });
  }
  return out;
}
