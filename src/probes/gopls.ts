// gopls-launch: can the gopls the editor would pick be started, and does it answer a real LSP
// handshake on the user's workspace? Locates it in the Go extension's order, reads its version
// and the Go it was built with, then runs one session (initialize → didOpen → diagnostics →
// shutdown) with exactly the editor's environment. Every failure mode is its own finding.
import { goInTerminalOnly } from './goInTerminalOnly.js';
import { loginPathFor } from '../facts/profileHasDir.js';
import type { LoginPathTarget } from '../facts/loginPathFile.js';
import { loginShellOf } from './loginPathSetup.js';
import { cgoDiagnosticFindings } from './cgoDiagnostics.js';
import { goplsFallbackEntry } from './fileAccess.js';
import { escapeModulePath } from './goproxyConfig.js';
import { readCacheEntrySync, usableOffline, type CacheEntryState } from './moduleCacheEntry.js';
import path from 'node:path';
import { accessSync, closeSync, existsSync, openSync, promises as fs, readdirSync, readSync, rmSync, statSync, constants as fsConst } from 'node:fs';
import { CAP, readUserTextSync } from '../host/readUserFile.js';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import type { ClassId, Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { ExecResult } from '../host/exec.js';
import { quoteForDisplay } from '../host/exec.js';
import { buildInfoGo } from '../host/noDownload.js';
import { octalMode } from '../host/fileMode.js';
import type { GoplsCandidate, GoplsLocation } from '../facts/goplsLocate.js';
import { lookPath, pathEntries } from '../facts/lookPath.js';
import { goInstallDirsHere } from '../facts/goInstallDirs.js';
import { sameInLoginShell } from './sameInLoginShell.js';
import { runGoplsSession, NO_VIEW, type GoplsSessionResult } from '../lsp/session.js';
import type { GoEnvFact } from '../facts/readGoEnv.js';
import { parseGoproxy } from './goproxyConfig.js';
import { chooseProbeFile, goModModulePath, goModRequires } from '../lsp/workspaceFiles.js';
import { checksumMismatches, type SumMismatch } from './checksumMismatch.js';
import { downloadRefusedFinding, type SumdbSettings } from './sumMismatchFindings.js';
import { classifyGoplsDiagnostic, type ClassifiedDiagnostic, type DiagnosticKind } from '../lsp/goplsDiagnostics.js';
import { INSTALL_NEWER_GO, GOPLS_SUPPORT_POLICY, GOPLS_SETTINGS_DOCS, GOPLS_TROUBLESHOOTING, GOPLS_WORKSPACE_DOCS, chmodGoplsFix, goInDirFix, goworkOffFix, installGoplsFix, pathAddDirFix, useGoplsFix } from '../fixes/catalog.js';
import { workModuleOf, workModulesAround, type WorkLookup } from './workModuleOf.js';
import { installFixesFor, withInstallFixes } from './goplsInstallChoice.js';
import { withGorootOrigin } from './gorootOrigin.js';
import { goplsVersionFor, type CachedGopls } from '../fixes/goplsInstall.js';
import {
  buildLag,
  goMinor,
  goplsSupportMessage,
  isForeignElf,
  parseElfInterp,
  parseElfHeader,
  parseGoVersionM,
  parseGoplsVersionJson,
  parseGoplsVersionText,
  type ElfHeader,
  type GoplsVersionInfo,
} from '../lsp/goplsBinary.js';
import { isInside } from '../host/paths.js';
import { toolInstallCheck } from './toolInstallGo.js';
import { analyzeText } from '../goplsLog/analyzer.js';
import { parseLocalReplaces } from './modules.js';
import { goplsBuildOf } from '../lsp/goplsBuild.js';
import { findingsOf } from './goplsLogs.js';
import { withGoEnvFileOrigin } from './goRejectsSettingFinding.js';
import { GO_FAILURE_CLASSES, goFailureReadings } from './goFailureReadings.js';
import { outcomeWithVendorFlagSource } from './vendorFlagSource.js';
import { classifyGoFailure } from './goFailure.js';
import { describeExclusion, exclusionTail, readFileBuild, type FileBuild } from './buildConstraints.js';
import { spawnRefusedFinding } from './spawnRefused.js';
import { withLoadsNothing } from './goplsLoadsNothing.js';

/** Kept back from the probe's deadline to turn the session's result into findings. */
const CLASSIFY_RESERVE_MS = 150;
/** gopls's words when the go command is not on its PATH. */
const GO_MISSING = /go command required, not found|exec: "go": executable file not found/;

export const goplsProbe: Probe = {
  id: 'gopls',
  title: 'gopls launch and LSP handshake',
  // memory-limit, process-limit and mac-policy: what gopls's stderr says killed it (stderrFindings).
  // and whatever a go failure's reading names (goFailureReadings.ts).
  classes: [...new Set<ClassId>(['gopls-launch', 'module-resolution', ...GO_FAILURE_CLASSES])],
  // gopls's first load of a module can take seconds: as long as the run allows.
  timeoutMs: 120_000,
  // A -mod=vendor its loads failed on: the GOFLAGS fix where GOFLAGS is set (vendorFlagSource.ts).
  run: async (ctx) => outcomeWithVendorFlagSource(ctx, await sameInLoginShell(ctx, await checkGopls(ctx))),
};

async function checkGopls(ctx: ProbeContext): Promise<ProbeOutcome> {
  const findings: FindingInput[] = [];
  // Where gopls is comes first: with go.alternateTools.gopls set it needs no `go env`, and the
  // handshake (the slowest thing here) starts while `go env -json` still runs.
  const loc = await ctx.facts.goplsLocation();
  const observed: Record<string, unknown> = { looked: loc.looked.map(describeCandidate) };
  if (loc.refusedUntrusted) findings.push(restrictedModeFinding(loc));
  const goMissing = async () => {
    const goEnv = await ctx.facts.goEnv();
    if (goEnv.ok || !goEnv.missing) return undefined;
    // The Go the user's ~/.bashrc puts on a terminal's PATH is theirs: named before one found in a usual place.
    const off = (await goInTerminalOnly(ctx))?.go ?? (await findOffPath(ctx, 'go'));
    const dir = off ? path.dirname(off) : undefined;
    // ~/.profile already has it: a second copy appended there changes nothing (a new login does).
    const setup = dir ? await loginPathFor(dir, await loginShellOf(ctx), ctx.env, ctx.env.HOME) : undefined;
    return { dir, env: ctx.env, inProfile: !!setup?.sites.length, ...(setup?.target ? { target: setup.target } : {}) };
  };
  if (!loc.found) {
    const [elsewhere, goEnv, missing, dangling, unexecutable] = await Promise.all([findOffPath(ctx, 'gopls'), ctx.facts.goEnv(), goMissing(), danglingLinkOnPath('gopls', ctx.env), unexecutableOnPath('gopls', ctx.env)]);
    // ~/.profile already has its directory: appending it again changes nothing (a new login does).
    const login = elsewhere ? await ctx.facts.loginShellEnv() : undefined;
    const setup = elsewhere ? await loginPathFor(path.dirname(elsewhere), await loginShellOf(ctx), login?.ok ? login.env : ctx.env, ctx.env.HOME) : undefined;
    findings.push(notFoundFinding(loc, ctx.env, elsewhere, goEnv.ok ? undefined : goEnv.reason, dangling, !!setup?.sites.length, unexecutable, ctx.host.uid, setup?.target));
    if (missing) findings.push(goMissingFinding(ctx.env, missing.dir, undefined, missing.inProfile, missing.target));
    const install = await installFixesFor(goEnv);
    observed.goplsInstall = install.observed;
    return { findings: withInstallFixes(findings, install.fixes), observed };
  }
  const gopls = loc.found;
  observed.gopls = gopls.path;
  observed.source = gopls.source;
  const alternatives = loc.looked.filter((c) => c.executable && c.path !== gopls.path).map((c) => c.path);

  const header = readHeader(gopls.path);
  const elf = header ? parseElfHeader(header) : undefined;
  if (elf) observed.elf = `${elf.bits}-bit ${elf.machineName}`;
  const interpPath = header ? parseElfInterp(header) : undefined;
  const interp = interpPath ? { path: interpPath, exists: existsSync(interpPath) } : undefined;
  if (interp) observed.interpreter = `${interp.path}${interp.exists ? '' : ' (missing)'}`;
  if (elf && isForeignElf(elf, process.arch)) {
    findings.push(foreignArchFinding(gopls, elf, alternatives));
    return { findings, observed };
  }
  if (!ctx.host.live) {
    const missing = await goMissing();
    if (missing) findings.push(goMissingFinding(ctx.env, missing.dir, undefined, missing.inProfile, missing.target));
    return { status: 'skipped', reason: 'not the live machine: gopls is not started against a fixture tree', findings, observed };
  }

  // The file open in the editor (the CLI's --file) when it is a .go file of a workspace folder, as
  // the editor's gopls has it open; else a small file of the folder (a tester's --file x.go saw
  // main.go type-checked instead).
  const active = ctx.settings.activeFile;
  const openFile = active && active.endsWith('.go') && ctx.workspaces.some((w) => isInside(path.resolve(active), path.resolve(w))) && existsSync(active) ? Promise.resolve(path.resolve(active)) : probeFile(ctx.workspaces).catch(() => undefined);
  // gopls falls back to $TMPDIR/gopls (mode 0700) when it cannot make its cache under the home: the
  // doctor's gopls must not leave one behind, which then stops every other user's gopls on a shared
  // machine (a tester's run as one user broke gopls for the next). Removed after the session only
  // when this run made it.
  const fallback = goplsFallbackEntry(ctx.env).path;
  const fallbackBefore = ctx.host.live ? existsSync(fallback) : true;
  // The verdict needs gopls alive (onLive); the type-check of one opened file goes on after it.
  let onLive!: (soFar: GoplsSessionResult | undefined) => void;
  const live = new Promise<GoplsSessionResult | undefined>((resolve) => (onLive = resolve));
  const sessionRun = runGoplsSession({
    host: ctx.host,
    gopls: gopls.path,
    env: ctx.env,
    goSettings: ctx.facts.goEnv().then((g) => (g.ok ? g.values : undefined)),
    workspaces: ctx.workspaces,
    ...(ctx.settings.goplsSettings ? { settings: ctx.settings.goplsSettings } : {}),
    signal: ctx.signal,
    timeoutMs: Math.max(300, ctx.remainingMs() - CLASSIFY_RESERVE_MS),
    openFile,
    onLive,
  }).finally(() => {
    if (fallbackBefore) return;
    try {
      if (statSync(fallback).uid === ctx.host.uid) rmSync(fallback, { recursive: true, force: true });
    } catch {
      // not made, or not ours: left as it is
    }
  });
  // A session that ends before it is proven alive (spawn error, crash, hang) has no follow-up.
  void sessionRun.then(() => onLive(undefined), () => onLive(undefined));
  const [goEnv, missing, soFar] = await Promise.all([ctx.facts.goEnv(), goMissing(), live]);
  const first = soFar ?? (await sessionRun);
  const goInUse = goEnv.ok ? goEnv.values.GOVERSION : undefined;
  if (goInUse) observed.goVersion = goInUse;

  // initialize's serverInfo.version is the very JSON `gopls version -json` prints, GoVersion
  // included; the commands run only when the handshake did not supply it (older gopls, a crash),
  // so a healthy run spawns nothing but the one gopls.
  const fromServer = first.serverInfo?.version ? parseGoplsVersionJson(first.serverInfo.version) : undefined;
  const worthAsking = !fromServer && first.failure?.kind !== 'hang' && first.failure?.kind !== 'spawn' && first.failure?.kind !== 'canceled';
  const left = () => ctx.remainingMs() - CLASSIFY_RESERVE_MS;
  const version = worthAsking && left() > 200 ? await readGoplsVersion(ctx, gopls.path, left()) : { info: fromServer };
  let builtWith = fromServer?.goVersion;
  let builtWithSource = fromServer ? `${gopls.path} (initialize serverInfo.version)` : undefined;
  if (!builtWith && goEnv.ok && left() > 200) {
    const m = await ctx.host.exec(goEnv.goBinary, ['version', '-m', gopls.path], { timeoutMs: left(), signal: ctx.signal, env: buildInfoGo(ctx.env), maxBuffer: 256 * 1024 });
    builtWith = m.failed ? undefined : parseGoVersionM(m.stdout);
    builtWithSource = m.commandLine;
  }
  builtWith ??= version.info?.goVersion;
  builtWithSource ??= version.exec?.commandLine;
  const serverVersion = fromServer?.version ?? first.serverInfo?.version;
  Object.assign(observed, {
    goplsVersion: version.info?.version ?? serverVersion,
    serverVersion,
    builtWith,
    versionFrom: fromServer ? 'initialize serverInfo' : version.exec?.commandLine,
  });
  const mode = await fs.stat(gopls.path).then((s) => ({ mode: s.mode & 0o7777, uid: s.uid, ...(s.isDirectory() ? { directory: true } : {}) }), () => undefined);
  // A dangling symlink (a version manager's or a package's removed target) stats as missing: say where it points.
  const linkTarget = mode ? undefined : await fs.readlink(gopls.path).catch(() => undefined);
  // Can the go that installs the tools rebuild this gopls (issue 10 item 5)? Read offline, quickly.
  const install = await toolInstallCheck(ctx, goEnv, (version.info?.version ?? fromServer?.version) as string | undefined);
  observed.toolInstall = install.observed;
  const installFixes = await installFixesFor(goEnv);

  // The same classification for the verdict (gopls alive, file not yet diagnosed) and for the
  // finished session: a finding the live part showed is found again from the whole session.
  const movedIntoGopls = ctx.settings.goplsSettings ? (await ctx.facts.editorSettings().catch(() => [])).flatMap((src) => (src.syntaxError?.misplaced ?? []).filter((m) => m.into === 'gopls').map((m) => m.key)) : [];
  const outcomeOf = async (session: GoplsSessionResult): Promise<ProbeOutcome> => {
    const all: FindingInput[] = [...findings];
    const opened = saysOpenedFileUnbuilt(session) ? await readFileBuild(ctx, session.openedFile!) : undefined;
    // Only a start that failed asks whether the folder it was started in can be entered.
    const cwd = session.failure?.kind === 'spawn' && ctx.workspaces[0] ? await cwdFact(ctx.workspaces[0]) : undefined;
    const switched = await toolchainSwitchOffline(ctx, goEnv, session);
    if (switched) observed.toolchainSwitch = switched;
    all.push(...sessionFindings({ gopls, session, elf, interp, mode, uid: ctx.host.uid, alternatives, goMissing: missing, opened, ...(cwd ? { cwd } : {}), ...(linkTarget ? { linkTarget } : {}), ...(switched ? { switched } : {}), ...(ctx.settings.goplsSettings ? { settings: ctx.settings.goplsSettings } : {}), ...(movedIntoGopls.length ? { movedIntoGopls } : {}), ...(goEnv.ok ? { goEnv: { values: goEnv.values, env: ctx.env, works: await workLookupFor(session, ctx.env) } } : {}) }));
    all.push(...versionFindings({ builtWith, builtWithSource, goInUse, goplsPath: gopls.path, ...(switched ? { switched } : {}), cachedGopls: installFixes.cached }));
    all.push(...install.findings);
    if (version.exec?.failed && !version.exec.timedOut && !version.exec.canceled && !version.exec.errorCode && session.ok) {
      all.push({
        classId: 'gopls-launch',
        severity: 'warning',
        confidence: 0.5,
        message: `\`gopls version\` failed although gopls answered the handshake: ${firstLine(version.exec.stderr) || version.exec.message || `exit ${version.exec.exitCode}`}`,
        evidence: [{ source: version.exec.commandLine, excerpt: tail(version.exec.stderr || version.exec.stdout, 5) || `exit ${version.exec.exitCode}` }],
        fixes: [installGoplsFix(undefined)],
      });
    }
    const obs = { ...observed, ...handshakeObserved(session), goplsInstall: installFixes.observed };
    // A setting go refuses, read from gopls's view error, is asked of go env's file here as it is
    // for a log (a tester's exported GOFLAGS=-mod=vendr was offered only go env -u GOFLAGS, which
    // changes nothing when the file does not hold it).
    const withInstall = await withGoEnvFileOrigin(await withGorootOrigin(ctx, withInstallFixes(all, installFixes.fixes)), ctx.env);
    if (session.failure?.kind === 'canceled') return { status: 'skipped', reason: `the handshake was cut short: ${session.failure.message}`, findings: withInstall, observed: obs };
    return { findings: withInstall, observed: obs };
  };
  if (!soFar) return outcomeOf(first);
  return {
    ...(await outcomeOf(soFar)),
    followUp: { title: await openFile.then((f) => (f ? `type-check of ${path.basename(f)}` : 'session end')), outcome: sessionRun.then(outcomeOf) },
  };
}

// ---------------------------------------------------------------------------------------------
// Pure: a finished session (and what was read about the binary) → findings.

export interface SessionFindingsInput {
  gopls: GoplsCandidate;
  session: GoplsSessionResult;
  elf?: ElfHeader;
  /** The ELF's PT_INTERP loader, and whether it exists on this machine. */
  interp?: { path: string; exists: boolean };
  /**
   * The folder gopls is started in (the first workspace), when this user cannot enter it: node's
   * spawn reports the failed chdir as the spawn's own errno (EACCES, ENOENT).
   */
  /** The folder that refuses; `above` the workspace folder when that folder is below it. */
  cwd?: { path: string; code: string; mode?: number; uid?: number; above?: string };
  /** Where gopls's path points when it is a symbolic link whose target does not exist. */
  linkTarget?: string;
  /**
   * Permission bits and owner of the binary, when stat worked; directory: the path is a folder
   * (execve answers EACCES for one, whatever its mode).
   */
  mode?: { mode: number; uid: number; directory?: boolean };
  uid: number;
  /** Other executable gopls binaries, for a go.alternateTools fix. */
  alternatives: string[];
  /**
   * The toolchain the user's go switches to, offline, where the doctor's gopls (GOTOOLCHAIN=local,
   * so it never downloads) said the module needs a newer go: it is installed, and the editor's
   * gopls runs it.
   */
  switched?: { dir: string; version: string; commandLine: string; downloads?: boolean; fails?: string };
  /** Set when the go command is not on the PATH gopls gets. */
  goMissing?: { dir?: string; env: NodeJS.ProcessEnv; inProfile?: boolean; target?: LoginPathTarget };
  /** go env as gopls's go commands see it, and the editor's environment: whose cgo flags a failed cgo names. */
  goEnv?: {
    values: Readonly<Record<string, string>>;
    env: NodeJS.ProcessEnv;
    /** The go.work files around the opened file's module (workModuleOf.ts), read when an import has no module. */
    works?: WorkLookup | undefined;
  };
  /** The opened file and the build gopls loads it with, read when gopls said it is in no package. */
  opened?: FileBuild;
  /** The user's gopls settings the session ran with (DoctorSettings.goplsSettings). */
  settings?: Record<string, unknown>;
  /** Top-level keys a settings file's JSON error moved under "gopls" (facts/editorSettings.ts misplacedKeys). */
  movedIntoGopls?: readonly string[];
}

/**
 * What gopls's stderr says of why it died, read by the log rules as any gopls log is: running out
 * of memory, a thread the kernel refused, a policy's EPERM, an environment gopls cannot run in.
 * Only the classes that kill gopls beside the death itself (which the crash finding tells), never
 * the unclassified lines. Pure.
 */
function stderrFindings(session: GoplsSessionResult): FindingInput[] {
  if (!session.stderrTail.trim()) return [];
  const summary = analyzeText(session.stderrTail);
  // fs-access only when the reading names gopls's death: its cache directory, without which it stops at start.
  return findingsOf(`${session.commandLine} (stderr)`, summary).filter((f) => (STDERR_CLASSES.has(f.classId) || (f.classId === 'fs-access' && f.explains?.includes('gopls-launch'))) && !f.unclassified);
}

/** os/exec's words when the child's pipes or the child itself could not be made: EMFILE, ENFILE. */
const SPAWN_OUT_OF_FILES = /(?:fork\/exec \S+|\bpipe2?): too many open files/;

/** The classes whose causes kill gopls (explain.ts "died"), beside gopls-launch itself. */
const STDERR_CLASSES: ReadonlySet<ClassId> = new Set(['memory-limit', 'process-limit', 'mac-policy', 'env-inheritance']);

export function sessionFindings(input: SessionFindingsInput): FindingInput[] {
  const { gopls, session } = input;
  const out: FindingInput[] = [];
  const f = session.failure;
  const stderrEvidence: Evidence[] = session.stderrTail.trim() ? [{ source: `${session.commandLine} (stderr, last lines)`, excerpt: tail(session.stderrTail, 8) }] : [];
  const useOther = input.alternatives.map((p, i) => useGoplsFix(p, i));
  switch (f?.kind) {
    case undefined:
    case 'canceled':
    case 'not-live':
      break;
    case 'spawn':
      if (input.cwd && (f.code === 'EACCES' || f.code === 'ENOENT')) {
        // Not gopls refused: the folder it is started in. Measured as nobody with a workspace of
        // mode 0700 owned by root: "gopls cannot be executed … although it has execute permission".
        const c = input.cwd;
        const refusal = { source: session.commandLine, excerpt: `spawn failed: ${f.code}: ${f.message}` };
        out.push({
          classId: 'fs-access',
          severity: 'error',
          confidence: 0.9,
          message: c.above
            ? `The workspace folder ${c.above} cannot be reached: ${c.path} above it cannot be searched (${c.code}${c.mode !== undefined ? `: mode ${octalMode(c.mode)}, owner uid ${c.uid}, you are uid ${input.uid}` : ''}). gopls and go start in the workspace folder, so starting them fails with ${f.code}, as if the program itself were refused.`
            : `The workspace folder ${c.path} ${c.code === 'ENOENT' ? 'does not exist' : `cannot be entered (${c.code})${c.mode !== undefined ? `: mode ${octalMode(c.mode)}, owner uid ${c.uid}, you are uid ${input.uid}` : ''}`}. gopls and go start in it, so starting them fails with ${f.code}, as if the program itself were refused.`,
          evidence: [{ source: `access(2) X_OK on ${c.path}`, excerpt: c.code }, refusal],
          explains: ['gopls-launch'],
          fixes: [],
        });
        out.push({ classId: 'gopls-launch', role: 'symptom', symptom: 'exec-denied', severity: 'error', confidence: 0.9, message: `${gopls.path} could not be started in ${c.above ?? c.path} (${f.code})`, evidence: [refusal], fixes: [] });
        break;
      }
      out.push(spawnFinding(input, f.code, f.message, useOther));
      break;
    case 'crash': {
      // execvp falls back to /bin/sh for ENOEXEC: a binary the kernel refused looks like a shell error.
      if (input.elf && (f.exitCode === 126 || f.exitCode === 127)) {
        out.push(spawnFinding(input, 'ENOEXEC', `exec format error (the shell fallback exited ${f.exitCode})`, useOther));
        break;
      }
      // Not an ELF, exit 126/127 and a shell's own complaint: gopls here is a wrapper script whose
      // command is gone or refused (measured: `exec /opt/old/gopls-v0.14` from a removed install
      // was an "unexplained symptom" pointing at cgroups and the OOM killer). That is the cause.
      const shellSaid = !input.elf && (f.exitCode === 126 || f.exitCode === 127) ? /^\S+: (?:line )?\d+: (?:exec: )?(.+?): (not found|No such file or directory|Permission denied|cannot execute[^\n]*)$/m.exec(session.stderrTail) : null;
      if (shellSaid) {
        out.push({
          classId: 'gopls-launch',
          severity: 'error',
          confidence: 0.9,
          message: `${gopls.path} is a script, and the program it runs, ${shellSaid[1]}, ${shellSaid[2] === 'Permission denied' || shellSaid[2]!.startsWith('cannot execute') ? 'cannot be executed' : 'is not there'}: it exited ${f.exitCode} at once ("${shellSaid[0].trim().slice(0, 200)}"), so the editor has no language server. A wrapper left by an install that moved or was removed; install gopls again or point the wrapper at one.`,
          evidence: [{ source: `${gopls.path} (stderr)`, excerpt: shellSaid[0].trim() }, { source: session.commandLine, excerpt: f.message }],
          fixes: [installGoplsFix(undefined), ...useOther, GOPLS_TROUBLESHOOTING],
        });
        break;
      }
      const panic = /^panic:/m.test(session.stderrTail);
      // The runtime's own last words, the first such line: "fatal error: …", "runtime: out of memory: …",
      // "runtime/cgo: pthread_create failed: …" (not a panic: no gopls code failed), or the signal
      // the runtime died of ("SIGSEGV: segmentation violation": measured under RLIMIT_DATA, go1.26's
      // collector faults in runtime.(*spanQueue).tryDrain after an allocation it could not map).
      const fatal = /^(?:fatal error: .*|runtime: out of memory.*|runtime\/cgo: .*|SIG[A-Z]+: [a-z][^\n]*)$/m.exec(session.stderrTail)?.[0];
      const stderrReading = stderrFindings(session);
      out.push({
        classId: 'gopls-launch',
        severity: 'error',
        confidence: 0.9,
        // What happened to gopls, not why: the cgroup, the kernel log, the rlimits or the stack say why.
        role: 'symptom',
        symptom: f.signal === 'SIGKILL' || f.exitCode === 137 ? 'killed' : 'died',
        message: `${gopls.path} ${f.signal ? `was killed by ${f.signal}` : `exited with code ${f.exitCode ?? '?'}`} during ${f.phase === 'initialize' ? 'start-up, before answering initialize' : f.phase}${panic ? ' (it panicked)' : fatal ? ` (the Go runtime stopped it: "${fatal.trim().slice(0, 160)}")` : ''}`,
        evidence: [{ source: session.commandLine, excerpt: f.message }, ...stderrEvidence],
        // Reinstalling gopls does not help a gopls the machine would not let run.
        fixes: stderrReading.length ? [GOPLS_TROUBLESHOOTING] : [installGoplsFix(undefined), ...useOther, GOPLS_TROUBLESHOOTING],
      });
      out.push(...stderrReading);
      break;
    }
    case 'hang':
      out.push({
        classId: 'gopls-launch',
        severity: 'error',
        confidence: 0.85,
        role: 'symptom',
        symptom: 'hang',
        message: `${gopls.path} started but did not answer the LSP initialize request within ${Math.round(f.waitedMs)} ms`,
        evidence: [
          { source: session.commandLine, excerpt: `initialize sent over stdio; no reply after ${Math.round(f.waitedMs)} ms (pid ${session.pid ?? '?'}, killed with its process group)` },
          ...stderrEvidence,
        ],
        fixes: [installGoplsFix(undefined), ...useOther, GOPLS_TROUBLESHOOTING],
      });
      break;
    case 'initialize-error':
      if (!NO_VIEW.test(f.message)) {
        out.push({
          classId: 'gopls-launch',
          severity: 'error',
          confidence: 0.85,
          message: `gopls answered initialize with an error: ${firstLine(f.message)}`,
          evidence: [{ source: `${session.commandLine} (initialize reply)`, excerpt: f.message }, ...stderrEvidence],
          fixes: [installGoplsFix(undefined), GOPLS_TROUBLESHOOTING],
        });
      }
      break;
    default:
      return assertNeverKind(f);
  }

  const goMissingMessages = session.messages.filter((m) => GO_MISSING.test(m.message));
  if (input.goMissing || goMissingMessages.length) {
    out.push(goMissingFinding(input.goMissing?.env ?? {}, input.goMissing?.dir, dedupe(goMissingMessages.map((m) => `${m.via}\0${m.message.trim()}`)).map((k) => ({ source: `gopls ${k.split('\0')[0]}`, excerpt: k.split('\0')[1]! })), input.goMissing?.inProfile, input.goMissing?.target));
  } else if (session.viewErrors.length) {
    const unique = [...new Set(session.viewErrors.map((m) => m.trim()))];
    // gopls failed to load the view because the go command it ran failed; when what go said names
    // a mechanism outside module resolution ("fork/exec …/go: resource temporarily unavailable"
    // under an RLIMIT_NPROC, "permission denied" on the build cache), the view's failure is that
    // mechanism's symptom, not a module problem.
    const readings = goFailureReadings(unique, 'gopls (view error)');
    // The go command gopls ran could not even be started for want of descriptors: the log rules
    // file "too many open files" under file watchers (the corpus's convention for logs), but here
    // the process-limits probe judged this very process's RLIMIT_NOFILE in the same run.
    const outOfFiles = !readings.length && unique.some((m) => SPAWN_OUT_OF_FILES.test(m));
    const symptom = readings.length ? ('load-failed' as const) : outOfFiles ? ('out-of-files' as const) : undefined;
    out.push({
      classId: 'module-resolution',
      severity: 'error',
      confidence: 0.8,
      ...(symptom ? { role: 'symptom' as const, symptom } : {}),
      message: `gopls could not place ${session.openedFile ? path.basename(session.openedFile) : 'the workspace'} in any view: ${firstLine(unique[0]!)}`,
      evidence: unique.slice(0, 4).map((m) => ({ source: `gopls (${viaOf(session, m)})`, excerpt: m })),
      fixes: symptom ? [] : [GOPLS_WORKSPACE_DOCS],
    });
    out.push(...readings);
  }
  // A folder with Go files and no go.mod/go.work: gopls falls back to an ad-hoc view.
  const adHoc = session.views.find((v) => v.viewType === 'AdHoc' && session.openedFile && isInside(session.openedFile, v.directory));
  const gopathMode = adHoc ? modulesIgnored(adHoc.directory, input.goEnv) : undefined;
  if (adHoc && gopathMode && !session.views.some((v) => v.viewType !== 'AdHoc' && session.openedFile && isInside(session.openedFile, v.directory))) {
    // The folder has a go.mod: GO111MODULE=off made gopls ignore it, as every go command does (a
    // tester's report said "gopls found no go.mod" beside the go.mod). What was seen, explained by
    // the go-env probe's GO111MODULE=off finding, which carries the fix where the value is set.
    out.push({
      classId: 'module-resolution',
      severity: 'warning',
      confidence: 0.9,
      role: 'symptom',
      symptom: 'no-build',
      message: `gopls treats ${adHoc.directory} as an ad-hoc package although ${gopathMode.file} is there: GO111MODULE=off (${gopathMode.from}) makes go and gopls ignore every go.mod (GOPATH mode), so imports of modules cannot resolve and \`go build\` fails there`,
      evidence: [
        { source: 'gopls window/logMessage', excerpt: `Created View (#${adHoc.id ?? '?'}) directory=${adHoc.directory} view_type="AdHoc"` },
        { source: gopathMode.file, excerpt: 'present' },
        { source: 'go env -json', excerpt: '"GO111MODULE": "off"' },
      ],
      fixes: [],
    });
  } else if (adHoc && !session.views.some((v) => v.viewType !== 'AdHoc' && session.openedFile && isInside(session.openedFile, v.directory) && v.rootDir && isInside(session.openedFile, fileUrlPath(v.rootDir)))) {
    out.push({
      classId: 'module-resolution',
      severity: 'warning',
      confidence: 0.9,
      message: `gopls found no go.mod or go.work for ${adHoc.directory} and treats it as an ad-hoc package: imports beyond the standard library cannot resolve and \`go build\` fails there`,
      evidence: [{ source: 'gopls window/logMessage', excerpt: `Created View (#${adHoc.id ?? '?'}) directory=${adHoc.directory} view_type="AdHoc"` }],
      // No `go mod init` of its own: gopls sees one view, not the folder, and a bare init beside
      // other modules leaves "N modules and no go.work" (the next warning). The modules probe,
      // which walks the folder, offers the complete line for the same class (goModInitFix).
      fixes: [GOPLS_WORKSPACE_DOCS],
    });
  }
  out.push(...diagnosticFindings(session, input.opened, input.switched, input.settings, input.goEnv?.values.GOMODCACHE, input.goEnv?.values, input.goEnv?.values.GO111MODULE === 'off', input.goEnv));
  if (input.goEnv) out.push(...cgoDiagnosticFindings({ diagnostics: session.diagnostics, values: input.goEnv.values, env: input.goEnv.env }));
  // Alive and answering, but silent about the file: usually a first load still running.
  if (session.ok && session.openedFile && session.diagnosticsWaitedMs !== undefined && !session.viewErrors.length && !out.length) {
    out.push({
      classId: 'gopls-launch',
      severity: 'info',
      confidence: 0.3,
      role: 'symptom',
      symptom: 'no-diagnostics',
      message: `gopls answered initialize but sent no diagnostics for ${path.basename(session.openedFile)} within ${session.diagnosticsWaitedMs} ms: it may still be loading the workspace (a first load of a large module takes a while), or it is stuck`,
      evidence: [{ source: session.commandLine, excerpt: `initialize answered after ${session.initializeMs ?? '?'} ms; textDocument/didOpen ${session.openedFile}; no textDocument/publishDiagnostics for it in ${session.diagnosticsWaitedMs} ms` }],
      fixes: [GOPLS_TROUBLESHOOTING],
    });
  }
  // Other error pop-ups gopls showed (load failures, bad settings) are the launch's business.
  const shown = session.messages.filter((m) => (m.via === 'window/showMessage' || m.via === 'window/showMessageRequest') && m.type === 1 && !NO_VIEW.test(m.message) && !GO_MISSING.test(m.message));
  for (const m of dedupe(shown.map((s) => s.message.trim())).slice(0, 3)) {
    // The doctor's gopls ran with the user's gopls settings: a refusal of them is what the
    // editor's gopls says too, and it drops each refused setting (the settings probe says which
    // key and why, from gopls api-json). A cause, not a failed load.
    if (input.settings && /^Invalid settings: /.test(m)) {
      const evidence = [{ source: 'gopls window/showMessage (run with your gopls settings)', excerpt: m }, { source: 'your gopls settings', excerpt: JSON.stringify(input.settings).slice(0, 300) }];
      // A key a settings file's JSON error moved under "gopls" was never the user's gopls setting:
      // gopls's refusal of it is what that error did (a symptom the error explains), not a setting to look up.
      const { moved, own } = splitRefusals(firstLine(m).replace(/^Invalid settings: /, ''), input.movedIntoGopls ?? []);
      if (moved.length)
        out.push({
          classId: 'gopls-launch',
          headline: 'ineffective-settings',
          severity: 'warning',
          confidence: 0.5,
          role: 'symptom',
          symptom: 'setting-refused',
          message: `gopls refused ${moved.length > 1 ? 'settings' : 'a setting'} it was sent only because a settings file's JSON error put ${moved.length > 1 ? 'them' : 'it'} under "gopls": ${moved.join('; ')}`,
          evidence,
          fixes: [],
        });
      if (own.length)
        out.push({
          classId: 'gopls-launch',
          // gopls starts and runs: the settings are what fails, as the settings probe's findings say
          // (the cause was titled "gopls cannot start or keeps dying", a tester's).
          headline: 'ineffective-settings',
          severity: 'warning',
          confidence: 0.5,
          message: `gopls refused some of your gopls settings and runs without them: ${own.join('; ')}`,
          evidence,
          fixes: [GOPLS_SETTINGS_DOCS],
        });
      continue;
    }
    out.push({
      classId: 'gopls-launch',
      severity: 'warning',
      confidence: 0.6,
      role: 'symptom',
      symptom: 'load-failed',
      message: `gopls showed an error: ${firstLine(m)}`,
      evidence: [{ source: 'gopls window/showMessage', excerpt: m }],
      fixes: [GOPLS_TROUBLESHOOTING],
    });
  }
  return withLoadsNothing(session, out, !!input.switched);
}

/**
 * Pure: gopls's refusals ("setting option "X": unexpected setting", joined with "; ") split into
 * those of keys a JSON error moved under "gopls" (gopls names the key's last segment, as it reads
 * "ui.semanticTokens" as semanticTokens) and the rest.
 */
export function splitRefusals(text: string, movedKeys: readonly string[]): { moved: string[]; own: string[] } {
  const names = new Set(movedKeys.map((k) => k.split('.').pop() ?? k));
  const parts = text.split(/; (?=setting option ")/);
  const moved = parts.filter((p) => names.has(/^setting option "([^"]*)"/.exec(p)?.[1] ?? '\u0000'));
  return { moved, own: parts.filter((p) => !moved.includes(p)) };
}

/** The kinds that say why a load failed, beside which "the load failed" adds nothing. */
const CAUSE_KINDS: readonly DiagnosticKind[] = ['go-newer-than-toolchain', 'missing-go-sum', 'no-module-provides'];

const DIAGNOSTIC_WORDS: Record<DiagnosticKind, { severity: 'error' | 'warning'; says: (d: ClassifiedDiagnostic) => string }> = {
  'go-newer-than-toolchain': { severity: 'error', says: (d) => `the module asks for go ${d.subject ?? '?'}, newer than the go gopls runs (${d.running ?? '?'}), and no toolchain may be downloaded` },
  'missing-go-sum': { severity: 'error', says: (d) => `a go.sum entry is missing${d.subject ? ` for the module providing ${d.subject}` : ''}` },
  // gopls says "no required module provides package" also when go.mod requires the module but go
  // could not fetch it (GOPROXY=direct offline, measured): the words name every way there.
  'no-module-provides': { severity: 'error', says: (d) => `gopls found no module providing ${d.subject ?? 'an imported package'}: go.mod does not require it, its go.sum entry is missing, or it is not in the module cache and go could not download it` },
  'import-not-found': { severity: 'warning', says: (d) => `an import cannot be found: ${d.subject ?? '?'}` },
  'build-constraints': { severity: 'warning', says: () => 'the file is in no package gopls builds (build tags or GOOS/GOARCH exclude it)' },
  'load-failed': { severity: 'error', says: () => 'gopls could not load the packages (go list failed)' },
};

/** The nearest folder at or above `from`, and not above `stop`, that holds a go.mod. */
function nearestGoModDir(from: string, stop: string): string | undefined {
  for (let d = from; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'go.mod'))) return d;
    if (d === stop || !isInside(d, stop) || path.dirname(d) === d) return undefined;
  }
}

/**
 * The module the opened file is in, not the view: a go.work view's folder holds no go.mod, and a fix
 * run there ("go mod tidy") failed with "go.mod file not found" (a tester's go.work workspace).
 */
function sessionModuleDir(session: GoplsSessionResult): string | undefined {
  const viewDir = session.openedFile ? (session.views.find((v) => v.viewType !== 'AdHoc' && isInside(session.openedFile!, v.directory))?.directory ?? path.dirname(session.openedFile)) : undefined;
  return session.openedFile && viewDir ? (nearestGoModDir(path.dirname(session.openedFile), viewDir) ?? viewDir) : viewDir;
}

/** The go.work files around the opened file's module, read only when gopls said a module provides none of its imports. */
async function workLookupFor(session: GoplsSessionResult, env: NodeJS.ProcessEnv): Promise<WorkLookup | undefined> {
  const moduleDir = sessionModuleDir(session);
  const asked = session.diagnostics.some((d) => d.items.some((i) => ['no-module-provides', 'import-not-found'].includes(classifyGoplsDiagnostic(i.message)?.kind ?? '')));
  return moduleDir && asked ? workModulesAround(moduleDir, env) : undefined;
}

/** Did gopls say the file it opened is in no package it builds (its build tags, GOOS/GOARCH)? */
export function saysOpenedFileUnbuilt(session: GoplsSessionResult): boolean {
  return !!session.openedFile && session.diagnostics.some((d) => fileUrlPath(d.uri) === session.openedFile && d.items.some((i) => classifyGoplsDiagnostic(i.message)?.kind === 'build-constraints'));
}

/**
 * gopls's diagnostics, classified like log lines and quoted: each kind is one finding. `opened`:
 * the opened file's header and build, so a "No packages found for open file" about it is judged
 * by the build-constraints probe's code and gets the same setting fix.
 */
export function diagnosticFindings(session: GoplsSessionResult, opened?: FileBuild, switched?: SessionFindingsInput['switched'], settings?: Record<string, unknown>, gomodcache?: string, sumdb: SumdbSettings = {}, modulesOff = false, goEnv?: SessionFindingsInput['goEnv']): FindingInput[] {
  const build = goplsBuildOf(settings);
  const buildSet = [...Object.entries(build.env ?? {}).map(([k, v]) => `build.env ${k}=${v}`), ...(build.buildFlags?.length ? [`build.buildFlags ${JSON.stringify(build.buildFlags)}`] : [])];
  const byKind = new Map<DiagnosticKind, Array<{ uri: string; d: ClassifiedDiagnostic }>>();
  for (const file of session.diagnostics) {
    for (const item of file.items) {
      if (item.severity !== undefined && item.severity > 2) continue;
      const d = classifyGoplsDiagnostic(item.message);
      if (!d) continue;
      const list = byKind.get(d.kind) ?? [];
      if (!list.some((x) => x.d.message === d.message)) list.push({ uri: file.uri, d });
      byKind.set(d.kind, list);
    }
  }
  // The doctor's own gopls runs GOTOOLCHAIN=local; the user's go switches to an installed newer
  // toolchain, so "requires go >= X" is the doctor's sandbox speaking, not the editor's gopls, and
  // what this session said of the file cannot be held against the workspace.
  if (switched && byKind.has('go-newer-than-toolchain')) {
    const d = byKind.get('go-newer-than-toolchain')![0]!.d;
    return [
      {
        classId: 'module-resolution',
        severity: 'info',
        confidence: 0.4,
        message: switched.fails
          ? `The module asks for go ${d.subject ?? '?'}; your go (GOTOOLCHAIN=${switched.version}) does not use the installed ${d.running ?? 'go'} for it, and what it runs instead fails here: "${switched.fails}" (the modules probe says why). The doctor's own gopls ran ${d.running ?? 'the installed go'} with GOTOOLCHAIN=local, so as never to download, and could not type-check the file: this run says nothing of its diagnostics.`
          : switched.downloads
          ? `The module asks for go ${d.subject ?? '?'}; your go switches to ${switched.version}, which is not installed, so the editor's gopls downloads it from GOPROXY on first use (the modules probe says what that takes). The doctor's own gopls ran ${d.running ?? 'the installed go'} with GOTOOLCHAIN=local, so as never to download, and could not type-check the file: this run says nothing of its diagnostics.`
          : `The module asks for go ${d.subject ?? '?'}; your go switches to ${switched.version}, already installed (GOTOOLCHAIN, offline), and the editor's gopls runs its go commands with it. The doctor's own gopls ran ${d.running ?? 'the installed go'} with GOTOOLCHAIN=local, so as never to download, and could not type-check the file: this run says nothing of its diagnostics.`,
        evidence: [{ source: `${switched.commandLine} (in ${switched.dir})`, excerpt: switched.fails ?? switched.version }, { source: 'gopls textDocument/publishDiagnostics (GOTOOLCHAIN=local)', excerpt: d.message }],
        fixes: [],
      },
    ];
  }
  const out: FindingInput[] = [];
  const moduleDir = sessionModuleDir(session);
  // go downloaded a module and refused it for its go.sum line: the load's own words say so, and
  // the import gopls then cannot resolve is that refusal, not a download that failed (a tester's
  // fresh clone: "go could not download it", and a go mod download fix that failed the same way).
  const refused = moduleDir ? downloadRefusals(byKind.get('load-failed') ?? [], gomodcache) : [];
  if (refused.length && moduleDir) {
    out.push(downloadRefusedFinding(moduleDir, refused.map((r) => r.mismatch), { source: `gopls textDocument/publishDiagnostics ${fileUrlPath(byKind.get('load-failed')![0]!.uri)} (go list)`, excerpt: [...refused[0]!.lines, 'SECURITY ERROR'].join('\n') }, sumdb));
    byKind.delete('load-failed');
  }
  // A load failure that a version or go.sum problem explains is the same news twice.
  if (CAUSE_KINDS.some((k) => byKind.has(k))) byKind.delete('load-failed');
  // Imports gopls cannot resolve because the whole load failed ("could not import fmt (missing
  // metadata …)", the standard library too) are that failure seen from the file: the load's own
  // message says why, and must not be dropped for them (measured with a tampered go.sum: go list
  // failed with "checksum mismatch" and the report said only "an import cannot be found: fmt").
  else if (byKind.has('load-failed')) byKind.delete('import-not-found');
  const said = `gopls's diagnostics for ${session.openedFile ? path.basename(session.openedFile) : 'the workspace'}`;
  for (const [kind, list] of byKind) {
    const first = list[0]!.d;
    const words = DIAGNOSTIC_WORDS[kind];
    const evidence: Evidence[] = list.slice(0, 3).map((x) => ({ source: `gopls textDocument/publishDiagnostics ${fileUrlPath(x.uri)}`, excerpt: x.d.message }));
    let message = `${said}: ${words.says(first)}`;
    let fixes = diagnosticFixes(kind, first, moduleDir, modulesOff);
    // The package is in a module nested below this one that no go.work joins: go mod tidy would
    // look for it on the proxy and fail (measured); a go.work over both is what makes it resolve.
    const nested = kind === 'no-module-provides' && moduleDir && first.subject ? nestedModuleOf(moduleDir, first.subject) : undefined;
    const unreadable = kind === 'no-module-provides' && moduleDir && first.subject && !nested ? unreadableInModule(moduleDir, first.subject) : undefined;
    // go.mod replaces the module with a folder that is not there: the modules probe names the
    // replace (with its fix); "go.mod does not require it" and go mod tidy were false here (tidy
    // fails the same way; a tester's).
    const lostReplace = kind === 'no-module-provides' && moduleDir && first.subject && !nested && !unreadable ? missingReplaceOf(moduleDir, first.subject) : undefined;
    if (lostReplace) {
      out.push({
        classId: first.classId,
        severity: 'warning',
        confidence: 0.6,
        role: 'symptom',
        symptom: 'load-failed',
        message: `${said}: gopls found no module providing ${first.subject}, which go.mod replaces with ${lostReplace.to}, a folder that is not there (${lostReplace.target})`,
        evidence: [...evidence, { source: path.join(moduleDir!, 'go.mod'), excerpt: `replace ${lostReplace.from} => ${lostReplace.to}` }],
        fixes: [],
      });
      continue;
    }
    // A go.sum that is there but that this user cannot read makes every sum "missing" (measured:
    // go build said "missing go.sum entry"); the module-downloads probe names the file. What
    // gopls says of it is then what was seen.
    const sumUnreadable = (kind === 'no-module-provides' || kind === 'missing-go-sum') && moduleDir && existsSync(path.join(moduleDir, 'go.sum')) && !canRead(path.join(moduleDir, 'go.sum'));
    if (unreadable) {
      out.push({
        classId: 'fs-access',
        severity: 'error',
        confidence: 0.9,
        message: `${said}: ${first.subject} is a package of this module, in ${unreadable.dir}, which you cannot ${unreadable.code === 'EACCES' ? 'read or enter' : 'open'} (${unreadable.code}${unreadable.uid !== undefined ? `: owned by uid ${unreadable.uid}, mode ${octalMode(unreadable.mode ?? 0)}` : ''}): go skips it, so gopls says "no required module provides package", and go build fails with "open ${unreadable.dir}: permission denied". go mod tidy cannot help.`,
        evidence: [...evidence, { source: `access(2) R_OK|X_OK ${unreadable.dir}`, excerpt: unreadable.code }],
        fixes: unreadable.uid !== undefined && unreadable.uid !== process.getuid?.() ? [{ id: 'fs-access-chown-package', kind: 'terminal', title: `Take ownership of ${unreadable.dir}`, text: `sudo chown -R "$USER:" ${quoteForDisplay(unreadable.dir)}`, needsRoot: true, detail: 'A checkout, copy or build made as root left it so.' }] : [],
      });
      continue;
    }
    // go.mod requires the module that provides it: the download is what failed (an unwritable
    // module cache, a proxy refused or unreachable), which another probe names; "go mod tidy" fails
    // the same way (a tester's root-owned GOMODCACHE: a second error with a fix that failed as typed).
    // An import of no module go.mod names a folder of: what the checks below tell apart.
    const unplaced = kind === 'no-module-provides' && moduleDir && first.subject && !nested && !unreadable && !lostReplace ? first.subject : undefined;
    const required = unplaced ? requiredModuleOf(moduleDir!, unplaced) : undefined;
    if (required) {
      const requireEv: Evidence = { source: path.join(moduleDir!, 'go.mod'), excerpt: `require ${required.path} ${required.version}` };
      // Replaced by a local folder: go never downloads it nor looks in the module cache, so the
      // package is missing from that folder (a mistyped import; a tester's `replace example.com/big
      // => ../t50k` was told "it is not in the module cache, and go could not download it").
      const local = localReplaceLacking(moduleDir!, required.path, unplaced!);
      if (local) {
        out.push({
          classId: first.classId,
          severity: 'error',
          confidence: 0.85,
          message: `${said}: ${requireEv.source} replaces ${required.path} with ${local.to} (${local.target}), and that folder has no package ${local.pkg}: ${local.why}, so the import ${unplaced} names a package that does not exist there (a typo, or one not written yet). go build fails with "no required module provides package" too; nothing is downloaded for a replaced module.`,
          evidence: [...evidence, requireEv, { source: path.join(moduleDir!, 'go.mod'), excerpt: `replace ${local.from} => ${local.to}` }, { source: local.dir, excerpt: local.why }],
          fixes: [],
        });
        continue;
      }
      // In the module cache already, without that package: not a download that failed but an import
      // of a package the required version does not have (a typo, or one a later version added); go mod
      // tidy then fails with "does not contain package" (a tester's).
      const cached = gomodcache ? path.join(gomodcache, `${escapeModulePath(required.path)}@${escapeModulePath(required.version)}`) : undefined;
      const pkg = unplaced!.slice(required.path.length + 1);
      if (cached && pkg && existsSync(path.join(cached, 'go.mod')) && !existsSync(path.join(cached, pkg))) {
        out.push({
          classId: first.classId,
          severity: 'error',
          confidence: 0.85,
          message: `${said}: ${required.path} ${required.version}, which ${requireEv.source} requires and the module cache holds, has no package ${pkg}: the import ${unplaced} names a package that version does not have (a typo, or one a later version adds); go mod tidy fails with "does not contain package".`,
          evidence: [...evidence, requireEv, { source: cached, excerpt: `no folder ${pkg}` }],
          fixes: [{ id: 'module-packages-docs', kind: 'link', title: `The packages of ${required.path} ${required.version}`, url: `https://pkg.go.dev/${required.path}@${required.version}` }],
        });
        continue;
      }
      // Looked at as go looks (moduleCacheEntry.ts). There but unreadable (a cache another user
      // filled under umask 077) is a refusal, not a download. There and usable, nothing was
      // downloaded at all: a tester's unreadable go.sum was told "it is not in the module cache".
      const entry = gomodcache && path.isAbsolute(gomodcache) ? readCacheEntrySync(gomodcache, required) : undefined;
      const denied = entry?.state === 'unreadable' ? entry.code : undefined;
      const refusedSum = refused.some((r) => r.mismatch.module === required.path && r.mismatch.version === required.version);
      const held = entry && usableOffline(entry.state) ? entry : undefined;
      // In a go.work's view go downloads first and writes the sums into go.work.sum itself (measured:
      // "module lookup disabled by GOPROXY=off", no "missing go.sum entry"): a gap refuses nothing
      // there unless the module is held and go.sum cannot be read.
      const workView = session.views.some((v) => v.viewType === 'GoWork' && isInside(session.openedFile!, v.directory));
      const gap = denied || refusedSum || (workView && !sumUnreadable) ? undefined : sumGap(moduleDir!, required, sumUnreadable === true);
      const there: Evidence[] = held ? [{ source: `module cache ${held.dir}`, excerpt: held.state === 'zip' ? 'its zip in cache/download, not yet unpacked' : 'extracted' }] : [];
      const why = denied
        ? `its folder in the module cache cannot be read (${denied})`
        : refusedSum
          ? 'go downloaded it and refused it, its hash does not match go.sum (checksum mismatch)'
          : held
            ? `it is in the module cache (${held.state === 'zip' ? `as a zip go unpacks offline, for ${held.dir}` : held.dir}), so nothing needed downloading: ${gap ? `${gap.words}, and go leaves it out` : "go left it out for another reason (go list's errors say which)"}`
            : gap
              ? `${notCachedWords(entry?.state)}, and ${gap.words}: go refuses it before any download`
              : `${notCachedWords(entry?.state)}, and go could not download it${entry?.state === 'incomplete' ? ' again' : ''}`;
      out.push({
        classId: first.classId,
        severity: 'error',
        confidence: 0.8,
        role: 'symptom',
        symptom: denied || (gap && sumUnreadable) ? 'access-denied' : held || gap ? 'load-failed' : 'fetch-failed',
        message: `${said}: gopls found no module providing ${unplaced}, although ${requireEv.source} requires ${required.path} ${required.version}: ${why}`,
        evidence: [...evidence, requireEv, ...there, ...(gap ? [gap.evidence] : [])],
        fixes: [],
      });
      continue;
    }
    // A module beside this one under a go.work that is not in effect or does not use it: go mod tidy
    // would look it up on the proxy (workModuleOf.ts says what a tester got).
    const works = goEnv?.works;
    // gopls's other words for the same import: with GOWORK=off in the go env file (not the
    // environment) gopls v0.23.0 still builds a go.work view, and its go list, which reads the file,
    // loads no module of it: "could not import X (current file is not included in a workspace module)".
    const sought = unplaced ?? (kind === 'import-not-found' && moduleDir && !required ? first.subject : undefined);
    const inWork = sought && !required && works ? workModuleOf(works, moduleDir!, sought) : undefined;
    if (sought && inWork && works && (!inWork.used || !inWork.inEffect)) {
      const setting = works.setting;
      const off = setting?.value === 'off';
      const from = setting?.from === 'environment' ? 'from the environment' : `from your go env file (${setting?.from})`;
      // The go.work go reads instead, when GOWORK names another (readable) file: the one a `go work use` goes into.
      const instead = inWork.inEffect ? undefined : works.works.find((w) => w.inEffect)?.work;
      const relFrom = (work: string) => {
        const r = path.relative(path.dirname(work), inWork.dir);
        return r.startsWith('..') ? r : `./${r}`;
      };
      const rel = relFrom(inWork.work);
      // gopls's own view of the go.work, while its go commands ignore it: GOWORK=off from the go env file.
      const inWorkView = session.views.some((v) => v.viewType === 'GoWork' && isInside(session.openedFile!, v.directory));
      const ignorers = inWorkView ? `go, and the go commands gopls runs, ignore ${inWork.work} (gopls builds its view from it all the same)` : `go and gopls ignore ${inWork.work}`;
      const why = inWork.inEffect
        ? `${inWork.work} does not use that folder`
        : off
          ? `${inWork.used ? '' : `${inWork.work} does not use that folder, and `}GOWORK=off (${from}) makes ${ignorers}`
          : instead
            ? `go and gopls read ${instead} here (GOWORK, ${from}), which does not use that folder, and not ${inWork.work}${inWork.used ? ', which does' : ', which does not use it either'}`
            : `go and gopls do not read ${inWork.work} here${setting ? ` (GOWORK=${setting.value}, ${from})` : ''}`;
      const useIn = inWork.inEffect || off ? (inWork.used ? undefined : inWork.work) : instead;
      out.push({
        classId: first.classId,
        severity: 'error',
        confidence: 0.85,
        message: `${said}: gopls found no module providing ${sought}, which is module ${inWork.path} in ${inWork.dir}, beside this one: ${why}, so go looks for ${inWork.path} in go.mod and on the proxy instead (go mod tidy fails there, or takes a published copy instead of the folder).`,
        evidence: [
          ...evidence,
          { source: path.join(inWork.dir, 'go.mod'), excerpt: `module ${inWork.path}` },
          { source: inWork.work, excerpt: inWork.used ? `use ${rel}` : `no use of ${rel}` },
          ...(instead ? [{ source: instead, excerpt: `no use of ${relFrom(instead)}` }] : []),
          ...(setting ? [{ source: setting.from === 'environment' ? 'environment' : setting.from, excerpt: `GOWORK=${setting.value}` }] : []),
        ],
        fixes: [
          ...(useIn ? [{ id: 'go-work-use-refresh', kind: 'terminal' as const, title: `Add ${relFrom(useIn)} to ${useIn}`, text: `go work use ${quoteForDisplay(relFrom(useIn))}`, needsRoot: false, cwd: path.dirname(useIn) }] : []),
          ...(off && goEnv ? [goworkOffFix(goEnv.env, setting?.from === 'environment' ? undefined : setting?.from)] : []),
        ],
      });
      continue;
    }
    // The import's tail is a folder of this very module (a renamed or forked repository whose go.mod
    // kept the old path, or the reverse): go mod tidy looks it up on the proxy and fails, or pulls
    // another module in (a tester's). Offered beside tidy, since a dependency may share a folder name.
    const renamed = unplaced ? renamedModuleOf(moduleDir!, unplaced) : undefined;
    if (renamed && moduleDir) {
      message += `; its tail ${renamed.tail} is a folder of this module (${path.join(moduleDir, renamed.tail)}), whose go.mod says module ${renamed.own}: if this module is ${renamed.as} (a renamed or forked repository), its module line is what is wrong`;
      evidence.push({ source: path.join(moduleDir, 'go.mod'), excerpt: `module ${renamed.own}` });
      fixes = [{ id: 'go-mod-module-rename', kind: 'terminal', title: `If this module is ${renamed.as}: say so in go.mod`, text: `go mod edit -module ${quoteForDisplay(renamed.as)}`, needsRoot: false, cwd: moduleDir, detail: `Then imports of ${renamed.own}/… in this module need the new path too.` }, ...fixes];
    }
    if (nested && moduleDir) {
      message += `; it is in ${nested.dir}, a module of its own (${nested.path}) below ${moduleDir}, and no go.work joins the two`;
      evidence.push({ source: path.join(nested.dir, 'go.mod'), excerpt: `module ${nested.path}` });
      fixes = [{ id: 'go-work-nested', kind: 'terminal', title: `Join ${path.basename(nested.dir)} and its parent module in a go.work`, text: existsSync(path.join(moduleDir, 'go.work')) ? `go work use ${path.relative(moduleDir, nested.dir)}` : `go work init . ${path.relative(moduleDir, nested.dir)}`, needsRoot: false, cwd: moduleDir, detail: 'go and gopls then take the nested module from its folder; a require plus a replace directive in go.mod does the same for builds without the go.work.' }];
    }
    const about = kind === 'build-constraints' && opened && list.some((x) => fileUrlPath(x.uri) === opened.file) ? opened : undefined;
    if (about) {
      const ex = describeExclusion(about);
      // The doctor's gopls runs with the user's gopls settings only (the CLI never gives it a
      // checkout's): when settings it did not get include the file, the editor's gopls builds it.
      if (!ex && describeExclusion({ ...about, ctx: about.goEnvOnly })) continue;
      if (ex) {
        message += `: ${ex.reasons.join(', and ')}.${exclusionTail(ex)}`;
        evidence.push(...ex.evidence);
        fixes = [...ex.fixes, ...fixes];
      } else {
        // The file is in this build, so its tags are not why: gopls loaded no package at all (go
        // failed: a missing TMPDIR, a broken GOROOT) or none that holds it. A symptom: what made
        // the load fail ranks above it. Measured with TMPDIR=/nope: it blamed build tags.
        out.push({
          classId: first.classId,
          severity: 'warning',
          confidence: 0.6,
          role: 'symptom',
          symptom: 'load-failed',
          message: `gopls's diagnostics for ${path.basename(about.file)}: gopls found no package that holds it ("${firstLine(first.message)}"), although its build constraints include it in this build: gopls's package load failed, or the file lies outside every module gopls loaded`,
          evidence,
          fixes: [GOPLS_TROUBLESHOOTING],
        });
        continue;
      }
    }
    if (sumUnreadable) {
      out.push({ classId: first.classId, severity: 'warning', confidence: 0.6, role: 'symptom', symptom: 'access-denied', message: `${message} (${path.join(moduleDir!, 'go.sum')} cannot be read)`, evidence, fixes: [] });
      continue;
    }
    out.push({
      classId: first.classId,
      severity: words.severity,
      confidence: 0.85,
      // A failed go list is what the user sees, not why: a read-only cache, a missing HOME or a
      // limit found by another probe explains it and must rank above it.
      // An import gopls cannot find is the same: a wrong GOROOT, GOPATH mode or a missing module
      // is the cause (a missing requirement has its own kind, no-module-provides, a cause).
      ...(kind === 'load-failed' || kind === 'import-not-found' ? { role: 'symptom' as const, symptom: 'load-failed' as const } : {}),
      message,
      evidence,
      fixes,
    });
    // What go list said ("runtime: failed to create new OS thread", "permission denied" on the
    // build cache) may name why it failed: that reading goes beside the symptom it explains.
    // A module cause read there is not a maybe from an old log: go list failed on it just now, and
    // gopls cannot load the workspace until it is fixed.
    if (kind === 'load-failed') {
      for (const r of goFailureReadings(list.map((x) => x.d.message), 'gopls (packages.Load error)', { moduleCauses: true })) {
        // gopls ran that go with the user's build.env and build.buildFlags laid over the
        // environment: what go refused may be those settings, not the environment or the module
        // (the modules probe asks go both ways and names the setting). So it is what was seen.
        if (buildSet.length) out.push({ ...r, role: 'symptom', symptom: 'load-failed', message: `${r.message.replace(/\.$/, '')}, as gopls ran go with your gopls settings (${buildSet.join(', ')}).` });
        else out.push(r.classId === 'module-resolution' ? { ...r, severity: 'error' } : r);
      }
    }
  }
  return out;
}

/**
 * The checksum mismatches a failed load reports for modules go has just downloaded: those the
 * module cache holds no copy of (its recorded .ziphash, its .mod). A cached copy that differs is
 * the module-downloads probe's to tell, from the cache itself. Synchronous: a stat or two.
 */
function downloadRefusals(loads: ReadonlyArray<{ d: ClassifiedDiagnostic }>, gomodcache: string | undefined): Array<{ mismatch: SumMismatch; lines: string[] }> {
  const all = checksumMismatches(loads.map((x) => x.d.message).join('\n'));
  if (!gomodcache || !path.isAbsolute(gomodcache)) return all;
  return all.filter(({ mismatch: m }) => !existsSync(path.join(gomodcache, 'cache', 'download', escapeModulePath(m.module), '@v', `${escapeModulePath(m.version)}.${m.what === 'zip' ? 'ziphash' : 'mod'}`)));
}

/** The requirement of moduleDir's go.mod whose path is the import's module (the longest prefix), or undefined. Synchronous: one small read. */
function requiredModuleOf(moduleDir: string, importPath: string): { path: string; version: string } | undefined {
  const gomod = goModHead(moduleDir, 256 * 1024);
  if (gomod === undefined) return undefined;
  return goModRequires(gomod)
    .filter((r) => importPath === r.path || importPath.startsWith(`${r.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/**
 * The longest tail of an import path (not its host and owner) that is a folder of moduleDir holding
 * .go files, when the rest is not moduleDir's own module path: the path the code imports this module
 * by. Synchronous: a few stats and one readdir.
 */
function renamedModuleOf(moduleDir: string, importPath: string): { tail: string; as: string; own: string } | undefined {
  const own = modulePathIn(moduleDir);
  const parts = importPath.split('/');
  if (!own || parts.length < 3 || importPath.startsWith(`${own}/`)) return undefined;
  for (let i = 2; i < parts.length; i++) {
    const tail = parts.slice(i).join('/');
    const dir = path.join(moduleDir, tail);
    try {
      if (!statSync(dir).isDirectory()) continue;
      if (!readdirSync(dir).some((n) => n.endsWith('.go') && !n.endsWith('_test.go'))) continue;
    } catch {
      continue;
    }
    return { tail, as: parts.slice(0, i).join('/'), own };
  }
  return undefined;
}

/**
 * A module below moduleDir (its own go.mod) whose path is the import's prefix, or undefined. Read
 * synchronously: at most 16 small go.mod heads, once per diagnosis that has this kind.
 */
function nestedModuleOf(moduleDir: string, importPath: string): { dir: string; path: string } | undefined {
  for (const dir of packageDirsIn(moduleDir, importPath)) {
    const mod = modulePathIn(dir);
    if (mod && (importPath === mod || importPath.startsWith(`${mod}/`))) return { dir, path: mod };
  }
  return undefined;
}

/**
 * The folders from moduleDir down to the one an import path of its own module names (at most 16
 * levels), outermost first; none when the import is not of moduleDir's module. Synchronous.
 */
function packageDirsIn(moduleDir: string, importPath: string): string[] {
  const own = modulePathIn(moduleDir);
  if (!own || !importPath.startsWith(`${own}/`)) return [];
  const parts = importPath.slice(own.length + 1).split('/');
  return parts.slice(0, 16).map((_, i) => path.join(moduleDir, ...parts.slice(0, i + 1)));
}

/**
 * A package of the module itself whose folder (or a folder above it, inside the module) this user
 * cannot read or enter: go skips it and gopls says "no required module provides package" (measured
 * by a tester with a root-owned 0700 render/: the report offered go mod tidy, which then failed
 * with "open …/render: permission denied"). Synchronous: at most 16 access(2) calls.
 */
export function unreadableInModule(moduleDir: string, importPath: string): { dir: string; code: string; uid?: number; mode?: number } | undefined {
  for (const dir of packageDirsIn(moduleDir, importPath)) {
    try {
      accessSync(dir, fsConst.R_OK | fsConst.X_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      try {
        const st = statSync(dir);
        return { dir, code, uid: st.uid, mode: st.mode & 0o7777 };
      } catch {
        return { dir, code };
      }
    }
  }
  return undefined;
}

/**
 * The go.mod or go.work at or above `dir` that GO111MODULE=off makes go ignore, and where the value
 * comes from (the environment gopls gets, else go env's file: go's own go.env never sets it), or
 * undefined when modules are on or no such file is there. Synchronous: a few stats.
 */
function modulesIgnored(dir: string, goEnv: SessionFindingsInput['goEnv']): { file: string; from: string } | undefined {
  if (goEnv?.values.GO111MODULE !== 'off') return undefined;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const file = ['go.work', 'go.mod'].map((n) => path.join(d, n)).find((f) => existsSync(f));
    if (file) return { file, from: goEnv.env.GO111MODULE ? 'set in the environment gopls gets' : `set in your go env file ${goEnv.values.GOENV || ''}`.trim() };
    if (path.dirname(d) === d) return undefined;
  }
}

/**
 * go.sum's part in a required module gopls found no package of. An unreadable go.sum makes every
 * checksum "missing", and a go.sum without the module's line refuses it the same way, before any
 * download: go never tried one (a tester's GOWORK=off workspace was told "go could not download
 * it"). Not for a go.work's view (the caller's): go downloads there first. A line in a go.work.sum
 * above counts as there. Undefined when go.sum has the line.
 * Synchronous: a small read or two.
 */
function sumGap(moduleDir: string, m: { path: string; version: string }, sumUnreadable: boolean): { words: string; evidence: Evidence } | undefined {
  const sumPath = path.join(moduleDir, 'go.sum');
  if (sumUnreadable) return { words: `${sumPath} cannot be read, so go finds no checksum for it ("missing go.sum entry")`, evidence: { source: `access(2) R_OK ${sumPath}`, excerpt: 'refused' } };
  const read = (f: string) => readUserTextSync(f, CAP.goSum);
  const line = `${m.path} ${m.version} h1:`;
  const has = (text: string | undefined) => text !== undefined && text.split('\n').some((l) => l.trim().startsWith(line));
  const own = read(sumPath);
  if (has(own)) return undefined;
  for (let d = moduleDir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'go.work'))) {
      if (has(read(path.join(d, 'go.work.sum')))) return undefined;
      break;
    }
    if (path.dirname(d) === d) break;
  }
  return own === undefined
    ? { words: `there is no ${sumPath}, so go has no checksum for it ("missing go.sum entry")`, evidence: { source: sumPath, excerpt: 'absent' } }
    : { words: `${sumPath} has no line for it ("missing go.sum entry")`, evidence: { source: sumPath, excerpt: `no line "${line}…"` } };
}

/** Pure: what the module cache holds of a required module it cannot build from, in a clause. */
function notCachedWords(state: CacheEntryState | undefined): string {
  if (state === 'mod-only') return 'only its go.mod is in the module cache, not its source';
  if (state === 'incomplete') return 'its folder in the module cache is incomplete to go (marked half extracted, or its .ziphash is gone) with no zip to unpack again';
  return 'it is not in the module cache';
}

function canRead(p: string): boolean {
  try {
    accessSync(p, fsConst.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** A local replace in moduleDir's go.mod covering importPath whose folder (or its go.mod) is missing. Synchronous. */
function missingReplaceOf(moduleDir: string, importPath: string): { from: string; to: string; target: string } | undefined {
  const r = parseLocalReplaces(goModHead(moduleDir, 64 * 1024) ?? '').find((x) => importPath === x.from || importPath.startsWith(`${x.from}/`));
  if (!r) return undefined;
  const target = path.resolve(moduleDir, r.to);
  return existsSync(path.join(target, 'go.mod')) ? undefined : { ...r, target };
}

/**
 * The local folder go.mod replaces `modulePath` with (it has a go.mod: missingReplaceOf covers one
 * that is not there), when it holds no package `importPath`: no such folder, a folder without a
 * non-test .go file, or a folder that is a module of its own. Synchronous: a few stats.
 */
export function localReplaceLacking(moduleDir: string, modulePath: string, importPath: string): { from: string; to: string; target: string; pkg: string; dir: string; why: string } | undefined {
  const r = parseLocalReplaces(goModHead(moduleDir, 64 * 1024) ?? '').find((x) => x.from === modulePath);
  if (!r || !importPath.startsWith(`${modulePath}/`)) return undefined;
  const target = path.resolve(moduleDir, r.to);
  if (!existsSync(path.join(target, 'go.mod'))) return undefined;
  const pkg = importPath.slice(modulePath.length + 1);
  const dir = path.join(target, pkg);
  let why: string | undefined;
  try {
    if (!statSync(dir).isDirectory()) why = `${dir} is not a folder`;
    else if (existsSync(path.join(dir, 'go.mod'))) why = `${dir} is a module of its own (it has a go.mod)`;
    else if (!readdirSync(dir).some((n) => n.endsWith('.go') && !n.endsWith('_test.go'))) why = `${dir} holds no .go file that is not a test`;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Unreadable is another story (fs-access): only a folder that is not there is told here.
    if (code === 'ENOENT' || code === 'ENOTDIR') why = `there is no folder ${dir}`;
  }
  return why ? { ...r, target, pkg, dir, why } : undefined;
}

/** The module path a go.mod in dir declares (from its first 8 KiB). */
function modulePathIn(dir: string): string | undefined {
  const text = goModHead(dir, 8192);
  return text === undefined ? undefined : goModModulePath(text);
}

/** The first `cap` bytes of dir/go.mod, read synchronously (O_NONBLOCK); undefined when it cannot be read. */
function goModHead(dir: string, cap: number): string | undefined {
  try {
    const fd = openSync(path.join(dir, 'go.mod'), fsConst.O_RDONLY | fsConst.O_NONBLOCK);
    try {
      const buf = Buffer.alloc(cap);
      return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** `modulesOff`: GO111MODULE=off, where go get and go mod refuse to run ("modules disabled by GO111MODULE=off"). */
function diagnosticFixes(kind: DiagnosticKind, d: ClassifiedDiagnostic, moduleDir: string | undefined, modulesOff = false): Fix[] {
  switch (kind) {
    case 'go-newer-than-toolchain':
      return [INSTALL_NEWER_GO, GOPLS_TROUBLESHOOTING];
    case 'missing-go-sum':
    case 'no-module-provides':
      return [{ id: 'go-mod-tidy', kind: 'terminal', title: 'Add the missing requirements and go.sum entries', text: 'go mod tidy', needsRoot: false, cwd: moduleDir, detail: 'Downloads what go.mod needs through your GOPROXY and writes go.sum.' }];
    case 'import-not-found':
      return !modulesOff && d.subject && /\./.test(d.subject.split('/')[0] ?? '')
        ? [{ id: 'go-get-import', kind: 'terminal', title: `Require the module that provides ${d.subject}`, text: `go get ${d.subject}`, needsRoot: false, cwd: moduleDir }, GOPLS_WORKSPACE_DOCS]
        : [GOPLS_WORKSPACE_DOCS];
    case 'build-constraints':
      return [GOPLS_WORKSPACE_DOCS];
    case 'load-failed':
      return [GOPLS_TROUBLESHOOTING];
    default:
      return assertNeverKind(kind as never);
  }
}

function spawnFinding(input: SessionFindingsInput, code: string, detail: string, useOther: Fix[]): FindingInput {
  const { gopls, session } = input;
  const modeText = input.mode ? `mode ${octalMode(input.mode.mode)}, owner uid ${input.mode.uid}` : 'stat failed';
  const evidence: Evidence[] = [{ source: session.commandLine, excerpt: `spawn failed: ${code}: ${detail}` }];
  const refused = spawnRefusedFinding({ path: gopls.path, name: 'gopls' }, code, evidence);
  if (refused) return refused;
  switch (code) {
    case 'EACCES':
      evidence.push({ source: gopls.path, excerpt: modeText });
      // A folder: execve refuses it with EACCES whatever its mode (measured: --gopls naming a
      // directory was told "although it has execute permission: a noexec mount or a policy").
      if (input.mode?.directory) {
        return {
          classId: 'gopls-launch',
          severity: 'error',
          confidence: 0.95,
          message: `${gopls.path} is a directory, not the gopls program: the editor cannot start it`,
          evidence: [...evidence.slice(0, 1), { source: gopls.path, excerpt: `a directory (${modeText})` }],
          fixes: [installGoplsFix(undefined), ...useOther, GOPLS_TROUBLESHOOTING],
        };
      }
      // Execute bits set and still refused: a layer below the file refused it (a noexec mount, a
      // directory without search permission, a security policy). That is what was observed, not
      // its cause: a symptom the mounts, file-access and MAC probes explain (explain.ts
      // exec-denied), and chmod would change nothing.
      if (input.mode && (input.mode.mode & 0o111) !== 0) {
        return {
          classId: 'gopls-launch',
          role: 'symptom',
          symptom: 'exec-denied',
          severity: 'error',
          confidence: 0.95,
          message: `${gopls.path} cannot be executed (EACCES, permission denied) although it has execute permission: a directory above it without search permission, a noexec mount or a security policy refused it`,
          evidence,
          fixes: [...useOther, installGoplsFix(undefined)],
        };
      }
      return {
        classId: 'gopls-launch',
        severity: 'error',
        confidence: 0.95,
        message: `${gopls.path} cannot be executed (EACCES, permission denied): ${input.mode && (input.mode.mode & 0o111) === 0 ? 'it has no execute permission' : 'execute permission is missing on it or on a directory above it, or its file system is mounted noexec'}`,
        evidence,
        fixes: [
          chmodGoplsFix(gopls.path, input.mode !== undefined && input.mode.uid !== input.uid && input.uid !== 0),
          ...useOther,
          installGoplsFix(undefined),
        ],
      };
    case 'ENOEXEC': {
      if (input.elf) evidence.push({ source: gopls.path, excerpt: `ELF ${input.elf.bits}-bit, e_machine ${input.elf.machine} (${input.elf.machineName}); this machine runs ${process.arch}` });
      return {
        classId: 'gopls-launch',
        severity: 'error',
        confidence: 0.95,
        message: `${gopls.path} cannot be executed: exec format error (ENOEXEC)${input.elf ? `, it is built for ${input.elf.machineName}` : ''}`,
        evidence,
        fixes: [installGoplsFix(undefined), ...useOther],
      };
    }
    case 'ENOENT': {
      const sourceNote = gopls.source === 'go.alternateTools' ? ' (named by go.alternateTools.gopls)' : '';
      const noLoader = gopls.exists && input.interp && !input.interp.exists ? input.interp.path : undefined;
      evidence.push({ source: gopls.path, excerpt: noLoader ? `ELF program header PT_INTERP = ${noLoader}; that file does not exist on this machine` : gopls.exists ? 'the file exists: its interpreter (#! line) or the working directory is missing' : 'no such file' });
      if (noLoader) {
        return {
          classId: 'gopls-launch',
          severity: 'error',
          confidence: 0.95,
          message: `${gopls.path}${sourceNote} exists but cannot start (ENOENT): it needs the dynamic loader ${noLoader}, which this system lacks${/musl/.test(noLoader) ? ' (built for musl)' : /ld-linux/.test(noLoader) ? ' (built for glibc: a musl system such as Alpine has no such loader)' : ''}`,
          evidence,
          fixes: [installGoplsFix(undefined), ...useOther],
        };
      }
      return {
        classId: 'gopls-launch',
        severity: 'error',
        confidence: 0.95,
        message: gopls.exists ? `${gopls.path}${sourceNote} exists but could not be started (ENOENT)` : input.linkTarget ? `${gopls.path}${sourceNote} is a symbolic link to ${input.linkTarget}, which does not exist (ENOENT)` : `${gopls.path}${sourceNote} does not exist (ENOENT)`,
        evidence,
        fixes: [installGoplsFix(undefined), ...useOther],
      };
    }
    default:
      return {
        classId: 'gopls-launch',
        severity: 'error',
        confidence: 0.9,
        message: `${gopls.path} could not be started: ${code}`,
        evidence,
        fixes: [installGoplsFix(undefined), ...useOther, GOPLS_TROUBLESHOOTING],
      };
  }
}

export interface VersionFindingsInput {
  builtWith?: string;
  builtWithSource?: string;
  goInUse?: string;
  goplsPath: string;
  /** The toolchain the user's go switches to for a module that asks for a newer go (GOTOOLCHAIN). */
  switched?: SessionFindingsInput['switched'];
  /** The gopls go.mod files the module cache holds (cachedGopls.ts), for a version a pinned toolchain builds. */
  cachedGopls?: readonly CachedGopls[];
}

/** gopls's support policy and the build lag, as findings. */
export function versionFindings(input: VersionFindingsInput): FindingInput[] {
  const out: FindingInput[] = [];
  const source = input.builtWithSource ?? `go version -m ${input.goplsPath}`;
  const built = goplsSupportMessage(goMinor(input.builtWith), true);
  if (built) {
    out.push({
      classId: 'gopls-launch',
      severity: 'warning',
      confidence: 0.8,
      message: built.message,
      evidence: [{ source, excerpt: `${input.goplsPath}: ${input.builtWith}` }],
      fixes: [installGoplsFix(undefined), GOPLS_SUPPORT_POLICY],
    });
  }
  const found = goplsSupportMessage(goMinor(input.goInUse), false);
  if (found) {
    out.push({
      classId: 'gopls-launch',
      severity: 'warning',
      confidence: 0.7,
      message: found.message,
      evidence: [{ source: 'go env -json', excerpt: `GOVERSION=${input.goInUse}` }],
      fixes: [GOPLS_SUPPORT_POLICY],
    });
  }
  const lag = buildLag(input.builtWith, input.goInUse);
  if (lag !== undefined && lag > 0) {
    out.push({
      classId: 'gopls-launch',
      // gopls runs; it type-checks with an older Go. The support-policy findings above are the core.
      headline: 'stale-tools',
      severity: 'warning',
      confidence: 0.75,
      // gopls v0.15 and later leave the language version unset when go list is newer than their
      // go/types (no error on every package, as older releases gave); new language features still fail.
      message: `gopls was built with ${input.builtWith} but the go command is ${input.goInUse}: gopls type-checks with the go/types of ${input.builtWith}, which does not know what Go 1.${goMinor(input.goInUse)} added to the language, so code using it shows errors in the editor that go build does not give (older gopls releases say "requires newer Go version … (application built with ${input.builtWith})" on every package); reinstall gopls with the current go`,
      evidence: [
        { source, excerpt: `${input.goplsPath}: ${input.builtWith}` },
        { source: 'go env -json', excerpt: `GOVERSION=${input.goInUse}` },
      ],
      fixes: [installGoplsFix(undefined)],
    });
  }
  // The go command switches to a newer toolchain for this module (its go line, GOTOOLCHAIN=auto),
  // but gopls's go/types stays the one it was built with. gopls then leaves the language version
  // unset rather than fail (cache/check.go validGoVersion: "'go list' is too new for go/types";
  // measured with gopls v0.23.0 built with go1.26.8 on a go 1.27.3 module: no diagnostic), so what
  // the newer Go added to the language shows as errors in the editor while go build works. The
  // doctor's own gopls ran GOTOOLCHAIN=local and could not show it.
  const switchedLag = input.switched && !input.switched.fails ? buildLag(input.builtWith, input.switched.version) : undefined;
  if (input.switched && switchedLag !== undefined && switchedLag > 0 && switchedLag > (lag ?? 0)) {
    const to = input.switched.version;
    // GOTOOLCHAIN=goX.Y.Z pins exactly: a gopls needing a newer go than it fails (goplsVersionFor).
    const pick = goplsVersionFor(to, input.cachedGopls ?? []);
    out.push({
      classId: 'gopls-launch',
      headline: 'stale-tools',
      severity: 'warning',
      confidence: 0.7,
      message: `gopls was built with ${input.builtWith}, but for ${input.switched.dir} your go switches to ${to} (the module's go line, GOTOOLCHAIN): gopls type-checks it with the go/types of ${input.builtWith}, which does not know what Go 1.${goMinor(to)} added to the language, so code using it shows errors in the editor that go build does not give. Rebuild gopls with ${to}.`,
      evidence: [
        { source, excerpt: `${input.goplsPath}: ${input.builtWith}` },
        { source: `${input.switched.commandLine} (in ${input.switched.dir})`, excerpt: input.switched.downloads ? `${to} (not installed yet: the go command downloads it on first use)` : to },
      ],
      fixes: [
        {
          id: 'gopls-install-with-toolchain',
          kind: 'terminal',
          title: `Rebuild gopls with ${to}`,
          text: `GOTOOLCHAIN=${to}${pick.switchUp ? '+auto' : ''} go install golang.org/x/tools/gopls@${pick.version}`,
          needsRoot: false,
          detail: `go install pkg@version builds with the toolchain gopls's own module asks for, not this module's; GOTOOLCHAIN=${to}${pick.switchUp ? `+auto makes it ${to}, or the newer go gopls's go.mod asks for` : ` makes it ${to}`}, so gopls's go/types knows Go 1.${goMinor(to)}.${pick.because ? ` ${pick.switchUp ? 'Why' : 'Not @latest'}: ${pick.because}.` : ''}`,
        },
      ],
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/**
 * A PATH directory's `name` that is a regular file this user may not execute: PATH lookup (the
 * Go extension's and the doctor's) passes over it, so "not found" alone hides a file a tester
 * could see with ls; `chmod +x` is its fix.
 */
export async function unexecutableOnPath(name: string, env: NodeJS.ProcessEnv): Promise<{ path: string; mode: number; uid: number } | undefined> {
  for (const dir of pathEntries(env).slice(0, 64)) {
    if (!path.isAbsolute(dir)) continue;
    const file = path.join(dir, name);
    const st = await fs.stat(file).catch(() => undefined);
    if (!st?.isFile()) continue;
    if (await fs.access(file, fsConst.X_OK).then(() => true, () => false)) return undefined;
    return { path: file, mode: st.mode & 0o7777, uid: st.uid };
  }
  return undefined;
}

/**
 * A PATH directory's `name` that is a symlink to nothing (a moved or removed install, a package
 * manager's link left behind): PATH lookup passes over it, so "not found" alone would send the
 * user looking for an install they can see with ls.
 */
export async function danglingLinkOnPath(name: string, env: NodeJS.ProcessEnv): Promise<{ link: string; target: string } | undefined> {
  for (const dir of pathEntries(env).slice(0, 64)) {
    const link = path.join(dir, name);
    const target = await fs.readlink(link).catch(() => undefined);
    if (target === undefined) continue;
    if (!(await fs.stat(link).then(() => true, () => false))) return { link, target };
  }
  return undefined;
}

function notFoundFinding(loc: GoplsLocation, env: NodeJS.ProcessEnv, elsewhere: string | undefined, goProblem: string | undefined, dangling?: { link: string; target: string }, inProfile = false, unexecutable?: { path: string; mode: number; uid: number }, uid = 0, target?: LoginPathTarget): FindingInput {
  const evidence: Evidence[] = loc.looked.map((c) => ({ source: `${c.source} lookup`, excerpt: describeCandidate(c) }));
  evidence.push({ source: 'PATH (the environment gopls would run with)', excerpt: env.PATH ?? '<unset>' });
  if (goProblem) evidence.push({ source: 'go env -json', excerpt: goProblem });
  const fixes: Fix[] = [installGoplsFix(undefined)];
  const onPath = pathEntries(env).length;
  const places = loc.looked.length;
  // Without go env, GOBIN, GOPATH and GOROOT are unknown: only PATH was looked in, and go install fails as go env does.
  let message = `gopls was not found: not in go.alternateTools.gopls, GOBIN, GOPATH/bin, GOROOT/bin or on PATH (${places ? `${places} place${places === 1 ? '' : 's'} and ` : ''}${onPath} PATH director${onPath === 1 ? 'y' : 'ies'} looked in)${goProblem ? '; go env fails here, so GOBIN, GOPATH and GOROOT are unknown, and installing gopls with go fails the same way until go works' : ''}`;
  if (dangling) {
    message += `; ${dangling.link} is a symbolic link to ${dangling.target}, which does not exist (an install moved or removed), so PATH lookup passes over it`;
    evidence.push({ source: `readlink ${dangling.link}`, excerpt: `${dangling.target} (stat: ENOENT)` });
  }
  if (unexecutable) {
    // The file is there, only its x bits are missing: chmod is the fix, not another install.
    message += `; ${unexecutable.path} exists on PATH but has no execute permission for you (mode ${octalMode(unexecutable.mode)}, owner uid ${unexecutable.uid}), so PATH lookup passes over it`;
    evidence.push({ source: unexecutable.path, excerpt: `mode ${octalMode(unexecutable.mode)}, owner uid ${unexecutable.uid}: not executable by uid ${uid}` });
    fixes.unshift(chmodGoplsFix(unexecutable.path, unexecutable.uid !== uid && uid !== 0));
  }
  if (elsewhere) {
    const dir = path.dirname(elsewhere);
    message += `; it exists at ${elsewhere}, but ${dir} is not on the editor's PATH`;
    evidence.push({ source: elsewhere, excerpt: `executable gopls in ${dir}, which PATH lacks` });
    fixes.unshift(useGoplsFix(elsewhere, 0), ...(inProfile ? [] : [pathAddDirFix(dir, env.HOME, target)]));
  }
  // Found elsewhere, gopls is installed but unreachable: the editor is broken. Found nowhere, it
  // is simply not installed yet, the state of every fresh machine, and the Go extension offers
  // to install it on first use: worth saying, not an error.
  if (!elsewhere && !unexecutable) message += '; the Go extension has no language server until it is installed (it offers to install it)';
  const broken = !!elsewhere || !!unexecutable;
  return { classId: 'gopls-launch', severity: broken ? 'error' : 'warning', confidence: broken ? 0.95 : 0.8, message, evidence, fixes };
}

function goMissingFinding(env: NodeJS.ProcessEnv, dir: string | undefined, fromGopls: Evidence[] | undefined, inProfile = false, target?: LoginPathTarget): FindingInput {
  const evidence: Evidence[] = [{ source: 'PATH (the environment gopls runs with)', excerpt: env.PATH ?? '<unset>' }, ...(fromGopls ?? [])];
  if (dir) evidence.push({ source: path.join(dir, 'go'), excerpt: `executable go in ${dir}, which PATH lacks` });
  // A go found off PATH needs its directory on PATH, not another install (a tester's env -i run
  // was told to install the Go in /usr/local/go): the install link only when none was found.
  const fixes: Fix[] = dir ? [goInDirFix(dir), ...(inProfile ? [] : [pathAddDirFix(dir, env.HOME, target)])] : [{ id: 'go-install-docs', kind: 'link', title: 'Install Go', url: 'https://go.dev/doc/install' }];
  return {
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.9,
    message: `the go command is not on the PATH gopls runs with, so gopls cannot load any package${dir ? `; go is in ${dir}, which is missing from PATH` : ''}`,
    evidence,
    fixes,
  };
}

function foreignArchFinding(gopls: GoplsCandidate, elf: ElfHeader, alternatives: string[]): FindingInput {
  return {
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.95,
    message: `${gopls.path} is built for ${elf.machineName} and this machine runs ${process.arch}: starting it fails with exec format error (ENOEXEC)`,
    evidence: [{ source: gopls.path, excerpt: `ELF ${elf.bits}-bit ${elf.littleEndian ? 'LSB' : 'MSB'}, e_machine ${elf.machine} (${elf.machineName})` }],
    fixes: [installGoplsFix(undefined), ...alternatives.map((p, i) => useGoplsFix(p, i))],
  };
}

function restrictedModeFinding(loc: GoplsLocation): FindingInput {
  const fallback = loc.found ? `; the check uses ${loc.found.path} (${loc.found.source}) instead` : '; no other gopls was found';
  return {
    classId: 'gopls-launch',
    severity: loc.found ? 'info' : 'warning',
    confidence: 0.6,
    message: `Restricted Mode: go.alternateTools.gopls in the workspace settings names ${loc.refusedUntrusted}, which was not run because the workspace is not trusted${fallback}`,
    evidence: [{ source: 'go.alternateTools.gopls (workspace settings)', excerpt: String(loc.refusedUntrusted) }],
    fixes: [{ id: 'workspace-trust', kind: 'command', title: 'Manage Workspace Trust', command: 'workbench.trust.manage' }],
  };
}

// ---------------------------------------------------------------------------------------------

async function readGoplsVersion(ctx: ProbeContext, gopls: string, timeoutMs: number): Promise<{ info?: GoplsVersionInfo; exec?: ExecResult }> {
  const opts = { timeoutMs, signal: ctx.signal, env: ctx.env, maxBuffer: 256 * 1024 };
  const json = await ctx.host.exec(gopls, ['version', '-json'], opts);
  if (!json.failed) {
    const info = parseGoplsVersionJson(json.stdout);
    if (info) return { info, exec: json };
  }
  // A spawn error or a hang will not improve with other arguments.
  if (json.errorCode || json.timedOut || json.canceled) return { exec: json };
  const plain = await ctx.host.exec(gopls, ['version'], { ...opts, timeoutMs: Math.max(100, Math.min(timeoutMs, ctx.remainingMs() - CLASSIFY_RESERVE_MS)) });
  return { info: plain.failed ? undefined : parseGoplsVersionText(plain.stdout), exec: plain };
}

/** A binary named `name` that the editor's PATH does not reach: login shell PATH, then the usual homes. */
async function findOffPath(ctx: ProbeContext, name: string): Promise<string | undefined> {
  const onPath = new Set(pathEntries(ctx.env).map((d) => path.resolve(d)));
  const dirs: string[] = [];
  const login = await ctx.facts.loginShellEnv();
  if (login.ok) dirs.push(...(login.env.PATH ?? '').split(':').filter(Boolean));
  const home = ctx.env.HOME;
  if (name === 'go') dirs.push(...(await goInstallDirsHere(ctx.env)));
  if (name === 'gopls' && home) dirs.push(path.join(home, 'go', 'bin'));
  for (const dir of dirs) {
    if (!path.isAbsolute(dir) || onPath.has(path.resolve(dir))) continue;
    const found = await lookPath(name, { PATH: dir });
    if (found) return found;
  }
  return undefined;
}

async function probeFile(workspaces: readonly string[]): Promise<string | undefined> {
  for (const w of workspaces) {
    const f = await chooseProbeFile(w);
    if (f) return f;
  }
  return undefined;
}

/**
 * Synchronous, like the location's checks (facts/goplsLocate.ts): it is the last thing before the
 * spawn, which reads the same file on this thread anyway, and through the pool it waited behind
 * the other probes' /proc reads. O_NONBLOCK: a FIFO put where gopls should be cannot hang it.
 */
function readHeader(p: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(p, fsConst.O_RDONLY | fsConst.O_NONBLOCK);
    // Enough for the ELF header, the program headers and the PT_INTERP string they point to.
    const buf = Buffer.alloc(4096);
    const bytesRead = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function handshakeObserved(s: GoplsSessionResult): Record<string, unknown> {
  return {
    handshake: s.ok ? 'ok' : s.failure?.kind,
    handshakeMs: s.durationMs,
    initializeMs: s.initializeMs,
    liveRequest: s.liveRequest,
    ...(s.fullPass ? { fullPass: s.fullPass } : {}),
    liveMs: s.liveMs,
    firstDiagnosticsMs: s.firstDiagnosticsMs,
    openedFileDiagnosed: s.openedFileDiagnosed,
    openedFile: s.openedFile,
    views: s.views.map((v) => `${v.viewType} ${v.directory}`),
    // How many go/packages.Load runs returned packages and how many none (goplsLoadsNothing.ts).
    ...(s.loads ? { packageLoads: { ...s.loads } } : {}),
    serverName: s.serverInfo?.name,
    ...(s.ok ? {} : { stderrTail: tail(s.stderrTail, 20) }),
  };
}

function describeCandidate(c: GoplsCandidate): string {
  return `${c.source}: ${c.path} (${c.exists ? (c.executable ? 'executable' : 'not executable') : 'absent'})`;
}

function viaOf(s: GoplsSessionResult, message: string): string {
  return s.messages.find((m) => m.message.trim() === message)?.via ?? 'session';
}

function fileUrlPath(u: string): string {
  try {
    return decodeURIComponent(new URL(u).pathname);
  } catch {
    return u;
  }
}

function firstLine(s: string): string {
  return s.trim().split('\n')[0] ?? '';
}

function tail(s: string, lines: number): string {
  return s.trimEnd().split('\n').slice(-lines).join('\n');
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

function assertNeverKind(x: never): never {
  throw new Error(`unexpected session failure ${JSON.stringify(x)}`);
}

/** Can this process enter the folder gopls is started in? Undefined when it can. */
/**
 * Where the session said a module needs a newer go than the one it ran (GOTOOLCHAIN=local), does
 * the user's go switch to one without downloading? `go version` with their GOTOOLCHAIN and
 * GOPROXY=off in that module: a toolchain in the module cache runs, one that is not fails ("toolchain
 * not available"), and nothing is fetched either way.
 */
async function toolchainSwitchOffline(ctx: ProbeContext, goEnv: GoEnvFact, session: GoplsSessionResult): Promise<SessionFindingsInput['switched']> {
  if (!goEnv.ok || /^local$/.test((goEnv.values.GOTOOLCHAIN ?? '').trim())) return undefined;
  const said = session.diagnostics.find((f) => f.items.some((i) => classifyGoplsDiagnostic(i.message)?.kind === 'go-newer-than-toolchain'));
  if (!said || ctx.remainingMs() < 400) return undefined;
  const dir = path.dirname(fileUrlPath(said.uri));
  const r = await ctx.host.exec(goEnv.goBinary, ['version'], { timeoutMs: Math.min(3000, ctx.remainingMs() - 200), signal: ctx.signal, env: { ...ctx.env, GOPROXY: 'off' }, cwd: dir, maxBuffer: 16 * 1024 });
  const version = r.failed ? undefined : /^go version (go\S+)/.exec(r.stdout)?.[1];
  if (version && version !== goEnv.values.GOVERSION) return { dir, version, commandLine: `GOPROXY=off ${r.commandLine}` };
  // Not installed, and the user's go may fetch it (GOPROXY not off): the editor's gopls downloads it
  // on first use, which the modules probe reports with what it takes; "no toolchain may be
  // downloaded" would be the doctor's sandbox again.
  // What the user's setting makes go run instead fails by itself (a golang.org/dl wrapper never
  // downloaded, GOTOOLCHAIN=path with no such go on PATH): the doctor's GOTOOLCHAIN=local gopls
  // saying "requires go >=" is its sandbox speaking, and the modules probe names the failure.
  const own = classifyGoFailure(r.stderr);
  if (own?.scope === 'module' && !/GOTOOLCHAIN=local/.test(r.stderr)) return { dir, version: goEnv.values.GOTOOLCHAIN ?? '', fails: r.stderr.trim().split('\n')[0]!, commandLine: `GOPROXY=off ${r.commandLine}` };
  const wanted = /go: download (go\S+?)(?: for \S+)?: toolchain not available/.exec(r.stderr)?.[1];
  const proxyOff = parseGoproxy(goEnv.values.GOPROXY ?? '')[0]?.kind === 'off';
  if (wanted && !proxyOff) return { dir, version: wanted, downloads: true, commandLine: `GOPROXY=off ${r.commandLine}` };
  return undefined;
}

async function cwdFact(dir: string): Promise<SessionFindingsInput['cwd']> {
  const st = await fs.stat(dir).catch((e: NodeJS.ErrnoException) => e);
  if (st instanceof Error) {
    // A folder above it that may not be searched: that one is what refuses, and is named.
    if (st.code === 'EACCES') {
      for (let up = path.dirname(dir); up !== path.dirname(up); up = path.dirname(up)) {
        const ust = await fs.stat(up).catch(() => undefined);
        if (ust && !(await fs.access(up, fsConst.X_OK).then(() => true, () => false))) return { path: up, code: 'EACCES', mode: ust.mode & 0o7777, uid: ust.uid, above: dir };
      }
    }
    return { path: dir, code: st.code ?? 'EIO' };
  }
  const ok = await fs.access(dir, fsConst.X_OK).then(() => true, () => false);
  return ok ? undefined : { path: dir, code: 'EACCES', mode: st.mode & 0o7777, uid: st.uid };
}
