// Editor vs login shell: what `code .` from a terminal would inherit against what the editor
// actually has. The desktop launcher does not read ~/.bashrc or ~/.zshrc, and a Flatpak or Snap
// sandbox hides the host's /usr/local/go: both show up as "go/gopls found in a terminal, not in
// the editor". Only PATH and GO* values ever leave this probe, never the whole login environment.
import { goVersionWord } from '../facts/readGoEnv.js';
import path from 'node:path';
import { goEnvFileFindings } from './goEnvFile.js';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { Probe, ProbeContext } from './probe.js';
import { isSecretName } from '../doctor/redact.js';
import { lookPath } from '../facts/lookPath.js';
import { cacheHitNote, LAUNCHER_ONLY_VARS, type LoginShellFact } from '../facts/readLoginShellEnv.js';
import { shellEndingSites } from '../facts/shellEndingLines.js';
import { alternateToolFix, gorootFix, removeExportFix, toolsEnvFix } from '../fixes/catalog.js';
import { readOnlyGo } from '../host/noDownload.js';
import { promises as fs } from 'node:fs';
import { exportSites } from '../facts/exportSites.js';
import { loginPathSetup } from './loginPathSetup.js';
import { isInside } from '../host/paths.js';
import { loginValueBroken, type BrokenValue, type EditorGo } from './loginValueWorks.js';
import { rehashLockPaths, staleRehashLocks } from '../facts/rehashLocks.js';
import { quoteForDisplay } from '../host/shellQuote.js';
import { PROBE_ENV_MARKER } from '../host/runMarker.js';

/** The variables whose difference changes what go and gopls do. */
export const COMPARED_GO_VARS = ['GOPATH', 'GOROOT', 'GOFLAGS', 'GO111MODULE', 'GOPROXY', 'GOBIN'] as const;
/** Loader and toolkit variables that a launcher sets for itself and that reach every child. */
export const LEAKY_VARS = LAUNCHER_ONLY_VARS;

/**
 * vscode-go's getBinPathWithExplanation falls back to this go when PATH has none, and then puts
 * its directory on the PATH of the tools it starts: only what runs outside the extension misses it.
 */
export const GO_EXTENSION_DEFAULT_GO = '/usr/local/go/bin/go';
export const DEFAULT_GO_NOTE = ` The Go extension falls back to ${GO_EXTENSION_DEFAULT_GO} by itself, but tasks, the debugger and anything else started with the editor's PATH still cannot find go.`;

export const FLATPAK_DOCS = 'https://github.com/flathub/com.visualstudio.code#support-for-language-extension';
const FLATPAK_GO_EXTENSION = 'org.freedesktop.Sdk.Extension.golang';

export type IniSections = Record<string, Record<string, string>>;

/** Pure: a GKeyFile-style INI (/.flatpak-info). Comments start with '#'; later keys win. */
export function parseIni(text: string): IniSections {
  const out: IniSections = {};
  let section: Record<string, string> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const head = /^\[([^\]]+)\]$/.exec(line);
    if (head) {
      section = out[head[1]!] ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0 || !section) continue;
    section[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

export interface FlatpakInfo {
  app?: string;
  runtime?: string;
  sdk?: string;
  filesystems: string[];
  instanceId?: string;
  runtimeExtensions?: string;
}

/** Pure: what of /.flatpak-info matters here (flatpak-metadata(5)). */
export function parseFlatpakInfo(text: string): FlatpakInfo {
  const ini = parseIni(text);
  const app = ini['Application'] ?? {};
  const inst = ini['Instance'] ?? {};
  return {
    app: app['name'],
    runtime: app['runtime'],
    sdk: app['sdk'],
    filesystems: (ini['Context']?.['filesystems'] ?? '').split(';').filter(Boolean),
    instanceId: inst['instance-id'],
    runtimeExtensions: inst['runtime-extensions'],
  };
}

/** Pure: directories on `login` PATH that `editor` PATH lacks, in login order. */
export function pathDirsMissing(editorPath: string, loginPath: string): string[] {
  const have = new Set(editorPath.split(':').filter(Boolean).map((d) => path.resolve(d)));
  const out: string[] = [];
  for (const d of loginPath.split(':').filter(Boolean)) {
    const r = path.resolve(d);
    if (!have.has(r) && !out.includes(d)) out.push(d);
  }
  return out;
}

/** Pure: GO* names and values only, never a secret-looking name. */
export function goVarsOf(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    // The doctor's own run marker reaches the shell it starts: not the user's (seen in a tester's JSON).
    if (v === undefined || !/^(GO|CGO_)/.test(k) || isSecretName(k) || k === PROBE_ENV_MARKER) continue;
    out[k] = v;
  }
  return out;
}

export const loginShellProbe: Probe = {
  id: 'login-shell',
  title: 'Editor vs login shell environment',
  classes: ['env-inheritance'],
  async run(ctx) {
    const findings: FindingInput[] = [];
    const observed: Record<string, unknown> = { editorPATH: ctx.env.PATH ?? '' };
    const editorGo = await ctx.facts.lookPath('go');
    observed.goInEditor = editorGo ?? null;

    findings.push(...(await sandboxFindings(ctx, editorGo, observed)));

    const login = await ctx.facts.loginShellEnv();
    if (!login.ok) {
      observed.loginShell = { ok: false, shell: login.shell, reason: login.reason, cache: login.cache };
      findings.push(...leakFindings(ctx.env, undefined, observed));
      findings.push(...(await rehashLockFindings(ctx, undefined, login.reason, observed)));
      findings.push(...(await shellEndedFindings(ctx, login)));
      // Nothing was compared: say why on the probe's line, not only in observed (a tester's hung
      // ~/.profile and `exec zsh` both showed a bare "ok").
      return { findings, observed, reason: `could not compare with the login shell: ${login.reason}`, status: findings.length ? undefined : 'skipped' };
    }
    observed.loginShell = { ok: true, shell: login.shell, command: login.commandLine, cache: login.cache };
    observed.loginPATH = login.env.PATH ?? '';
    observed.loginGoVars = goVarsOf(login.env);
    observed.editorGoVars = goVarsOf(ctx.env);
    findings.push(...leakFindings(ctx.env, login.env, observed));
    findings.push(...(await toolFindings(ctx, login.env, login.commandLine, editorGo, observed, login.shell)));
    findings.push(...(await goVarFindings(ctx, login.env, login.commandLine, login.shell)));
    const goEnv = await ctx.facts.goEnv();
    if (goEnv.ok) findings.push(...(await goEnvFileFindings(ctx, login.env, login.commandLine, goEnv.values)));
    findings.push(...(await rehashLockFindings(ctx, login.env, undefined, observed)));
    // Said on the probe's line, so a report read later tells a cached environment from a fresh one.
    return { findings, observed, reason: cacheHitNote(login.cache) };
  },
};

/**
 * A version manager's rehash lock left behind (facts/rehashLocks.ts): every login shell that runs
 * its init waits for it, and the editor started from the desktop stops waiting first. A cause of
 * the environment the editor gets, with the line that removes it (the user presses Enter).
 */
async function rehashLockFindings(ctx: ProbeContext, loginEnv: Record<string, string> | undefined, loginFailed: string | undefined, observed: Record<string, unknown>): Promise<FindingInput[]> {
  // User files are real paths whatever the host's root (host.ts): the lock is one.
  const home = loginEnv?.HOME ?? ctx.env.HOME;
  const stale = await staleRehashLocks(rehashLockPaths(loginEnv ? [loginEnv, ctx.env] : [ctx.env], home));
  if (!stale.length) return [];
  observed.staleRehashLocks = stale.map((l) => ({ manager: l.manager, path: l.path, ageSeconds: Math.round(l.ageMs / 1000) }));
  return stale.map((l) => {
    const age = l.ageMs >= 2 * 3_600_000 ? `${Math.round(l.ageMs / 3_600_000)} h` : `${Math.max(1, Math.round(l.ageMs / 60_000))} min`;
    return {
      classId: 'env-inheritance' as const,
      severity: 'warning' as const,
      confidence: loginFailed ? 0.8 : 0.6,
      message: `${l.path}, ${l.manager}'s rehash lock, is ${age} old: no rehash takes that long, so one was stopped before it could remove it. Every login shell whose start-up files run \`${l.manager} init\` or \`${l.manager} rehash\` waits for it (up to 60 s) or fails to rehash, and an editor started from the desktop gives up reading the login environment first (VS Code after 10 s), so it starts without the PATH and Go variables the profile sets.${loginFailed ? ` In this run: ${loginFailed}.` : ''}`,
      evidence: [{ source: l.path, excerpt: `exists, last modified ${age} ago` }, ...(loginFailed ? [{ source: 'login shell', excerpt: loginFailed }] : [])],
      fixes: [
        {
          id: 'remove-rehash-lock',
          kind: 'terminal' as const,
          title: `Remove ${l.manager}'s stale rehash lock`,
          text: `rm -f -- ${quoteForDisplay(l.path)}`,
          needsRoot: false,
          detail: `Only if no \`${l.manager} rehash\` is running (one takes seconds at most). Open a new terminal afterwards, and restart the editor from it or from a new desktop session.`,
        },
      ],
    };
  });
}

/**
 * A login shell that ended without running the command it was given: a start-up file ran `exit` or
 * `exec`ed another program. A desktop editor that reads the login environment the same way (VS
 * Code runs `$SHELL -i -l -c …` when it was not started from a terminal) gets nothing from it either,
 * and starts without the PATH and Go variables the files set. A shell still running at the deadline
 * is only recorded: the editor waits longer (VS Code 10 s) and a slow shell may well finish for it.
 */
async function shellEndedFindings(ctx: ProbeContext, login: Extract<LoginShellFact, { ok: false }>): Promise<FindingInput[]> {
  if (login.ended?.how !== 'no-env' || !login.shell) return [];
  const home = ctx.env.HOME;
  const sites = home && path.isAbsolute(home) ? await shellEndingSites(login.shell, ctx.env, home) : [];
  const shown = (f: string) => homeShown(f, home);
  const where = sites.length
    ? ` These start-up file lines end a shell: ${sites.map((s) => `${shown(s.file)} line ${s.line} (${s.text.length > 60 ? `${s.text.slice(0, 59)}…` : s.text})`).join('; ')}. Run it only where the shell was given no command${guardExample(login.shell)}, or make it the terminal's own command in its settings.`
    : ' None of the start-up files the doctor knows for it has an `exit` or an `exec` of another program: one they source, or one it reads that the doctor does not know, does.';
  // Ended at an error (`set -u` and an unset variable): the shell's own line says where.
  const errors = login.ended.errors ?? [];
  const how = errors.length ? `at an error in a start-up file (${errors[0]})` : 'a start-up file ran `exit` or `exec`ed another program';
  return [
    {
      classId: 'env-inheritance',
      severity: 'warning',
      confidence: 0.6,
      message:
        `Your login shell ended (exit ${login.ended.exit}) without running the command it was given: ${how}. ` +
        `An editor started from the desktop reads the login environment the same way (VS Code runs your shell as a login shell with a command, unless started from a terminal), so it gets nothing from it either and starts without what your start-up files set; and this run could not compare the editor's environment with your shell's.${where}`,
      evidence: [{ source: 'login shell', excerpt: [login.reason, ...errors].join('\n') }, ...sites.map((s) => ({ source: `${s.file}:${s.line}`, excerpt: s.text }))],
      fixes: [],
    },
  ];
}

/** A start-up file as a sentence shows it: `~/…` under home. */
export function homeShown(f: string, home: string | undefined): string {
  return home && isInside(f, home) ? `~/${path.relative(home, f)}` : f;
}

/** How a start-up file tells a shell given a command (-c) from one a terminal opened; bash and zsh name it. */
function guardExample(shell: string): string {
  const base = path.basename(shell);
  return base === 'bash' || base === 'zsh' ? ` (\`[ -z "$${base.toUpperCase()}_EXECUTION_STRING" ] && exec …\`)` : '';
}

async function sandboxFindings(ctx: ProbeContext, editorGo: string | undefined, observed: Record<string, unknown>): Promise<FindingInput[]> {
  const out: FindingInput[] = [];
  const infoText = await ctx.facts.flatpakInfo();
  const flatpakId = ctx.env.FLATPAK_ID;
  if (infoText !== undefined || flatpakId) {
    const info = infoText !== undefined ? parseFlatpakInfo(infoText) : undefined;
    const app = info?.app ?? flatpakId ?? 'unknown';
    observed.flatpak = { app, runtime: info?.runtime, filesystems: info?.filesystems, FLATPAK_ID: flatpakId };
    const evidence: Evidence[] = [];
    if (infoText !== undefined) {
      const lines = infoText.split('\n').filter((l) => /^(\[Application\]|name=|runtime=|sdk=|\[Instance\]|instance-id=|runtime-extensions=|filesystems=)/.test(l.trim()));
      evidence.push({ source: '/.flatpak-info', excerpt: lines.join('\n') });
    }
    if (flatpakId) evidence.push({ source: 'environment', excerpt: `FLATPAK_ID=${flatpakId}` });
    const fixes: Fix[] = [
      { id: 'flatpak-go-docs', kind: 'link', title: 'Flathub: language SDKs and flatpak-spawn --host for VS Code', url: FLATPAK_DOCS },
      {
        id: 'flatpak-install-go-sdk',
        kind: 'terminal',
        title: `Install the Go SDK extension (${FLATPAK_GO_EXTENSION})`,
        detail: 'Run on the host; then enable it with FLATPAK_ENABLE_SDK_EXT=golang (flatpak override --user --env=FLATPAK_ENABLE_SDK_EXT=golang ' + app + ').',
        text: `flatpak install flathub ${FLATPAK_GO_EXTENSION}`,
        needsRoot: false,
      },
      { id: 'install-native-editor', kind: 'link', title: 'Or install the editor from the .deb/.rpm package, outside the sandbox', url: 'https://code.visualstudio.com/docs/setup/linux' },
    ];
    if (!editorGo) {
      out.push({
        classId: 'env-inheritance',
        severity: 'error',
        confidence: 0.9,
        message: `The editor runs inside a Flatpak sandbox (${app}), which hides the host's Go: go is not on the sandbox's PATH, so the Go extension and gopls cannot run it.`,
        evidence: [...evidence, { source: 'PATH (editor environment)', excerpt: ctx.env.PATH ?? '<unset>' }],
        fixes,
        explains: ['gopls-launch'],
      });
    } else {
      const fromSdk = editorGo.startsWith('/usr/lib/sdk/');
      out.push({
        classId: 'env-inheritance',
        severity: fromSdk ? 'info' : 'warning',
        confidence: fromSdk ? 0.3 : 0.5,
        message: fromSdk
          ? `The editor runs inside a Flatpak sandbox (${app}) and uses the Go of its SDK extension (${editorGo}), not the host's.`
          : `The editor runs inside a Flatpak sandbox (${app}); the go it finds (${editorGo}) is the sandbox's view, and tools installed on the host (GOPATH/bin, /usr/local/go) may be missing or built for another libc.`,
        evidence: [...evidence, { source: 'PATH lookup (editor environment)', excerpt: `go → ${editorGo}` }],
        fixes,
      });
    }
  }

  const exe = await ctx.host.readlink('/proc/self/exe');
  const snapName = ctx.env.SNAP_NAME ?? (exe?.startsWith('/snap/') ? exe.split('/')[2] : undefined);
  if (ctx.env.SNAP || ctx.env.SNAP_NAME || exe?.startsWith('/snap/')) {
    observed.snap = { SNAP: ctx.env.SNAP, SNAP_NAME: ctx.env.SNAP_NAME, SNAP_REVISION: ctx.env.SNAP_REVISION, exe };
    const evidence: Evidence[] = [];
    const vars = ['SNAP', 'SNAP_NAME', 'SNAP_REVISION'].filter((k) => ctx.env[k]).map((k) => `${k}=${ctx.env[k]}`);
    if (vars.length) evidence.push({ source: 'environment', excerpt: vars.join('\n') });
    if (exe?.startsWith('/snap/')) evidence.push({ source: '/proc/self/exe', excerpt: exe });
    const fixes: Fix[] = [{ id: 'install-native-editor', kind: 'link', title: 'Or install the editor from the .deb/.rpm package, outside the sandbox', url: 'https://code.visualstudio.com/docs/setup/linux' }];
    if (!editorGo) {
      out.push({
        classId: 'env-inheritance',
        severity: 'error',
        confidence: 0.85,
        message: `The editor runs as a Snap (${snapName ?? 'unknown'}), and go is not on the PATH the snap gives it: the Go extension and gopls cannot run go.`,
        evidence: [...evidence, { source: 'PATH (editor environment)', excerpt: ctx.env.PATH ?? '<unset>' }],
        fixes,
        explains: ['gopls-launch'],
      });
    } else {
      out.push({
        classId: 'env-inheritance',
        severity: 'info',
        confidence: 0.3,
        message: `The editor runs as a Snap (${snapName ?? 'unknown'}); go is visible (${editorGo}), but the snap's own variables reach every tool it starts.`,
        evidence: [...evidence, { source: 'PATH lookup (editor environment)', excerpt: `go → ${editorGo}` }],
        fixes,
      });
    }
  }
  return out;
}

/** Loader variables in the editor's environment that the user's own shell does not set. */
function leakFindings(env: NodeJS.ProcessEnv, loginEnv: Record<string, string> | undefined, observed: Record<string, unknown>): FindingInput[] {
  const present = LEAKY_VARS.filter((k) => env[k]);
  if (!present.length) return [];
  observed.loaderVars = Object.fromEntries(present.map((k) => [k, env[k]]));
  const leaked = present.filter((k) => !loginEnv || loginEnv[k] !== env[k]);
  if (!leaked.length) return [];
  return [
    {
      classId: 'env-inheritance',
      severity: 'warning',
      confidence: loginEnv ? 0.55 : 0.4,
      message: `${leaked.join(', ')} ${leaked.length > 1 ? 'are' : 'is'} set in the editor's environment${loginEnv ? ' but not (or differently) in your login shell' : ''}: they reach go, gopls, cgo's compiler and every test binary, which may load the wrong libraries.`,
      evidence: [{ source: 'environment', excerpt: leaked.map((k) => `${k}=${env[k]}`).join('\n') }],
      fixes: [
        toolsEnvFix('toolsenv-clear-loader-vars', `Clear ${leaked.join(', ')} for the Go tools`, Object.fromEntries(leaked.map((k) => [k, '']))),
      ],
    },
  ];
}

async function toolFindings(
  ctx: ProbeContext,
  loginEnv: Record<string, string>,
  loginCommand: string,
  editorGo: string | undefined,
  observed: Record<string, unknown>,
  loginShellName?: string,
): Promise<FindingInput[]> {
  const out: FindingInput[] = [];
  const loginGo = await lookPath('go', loginEnv);
  const loginGopls = await lookPath('gopls', loginEnv);
  // Which gopls the editor would start (the Go extension's lookup: settings, GOBIN, GOPATH/bin,
  // PATH) waits for `go env`; it decides something only when the login shell has a gopls. Without
  // one the probe does not wait for it, which keeps it off the verdict's path on a cache hit.
  const gopls = loginGopls ? await ctx.facts.goplsLocation().catch(() => undefined) : undefined;
  const editorGopls = gopls?.found?.executable ? gopls.found.path : undefined;
  Object.assign(observed, { goInLogin: loginGo ?? null, goplsInLogin: loginGopls ?? null, goplsInEditor: loginGopls ? (editorGopls ?? null) : 'not looked up: no gopls on the login PATH' });
  const missing = pathDirsMissing(ctx.env.PATH ?? '', loginEnv.PATH ?? '');
  observed.dirsOnlyInLoginPATH = missing;
  const home = loginEnv.HOME ?? ctx.env.HOME;
  const cases: Array<{ tool: 'go' | 'gopls'; editor?: string; login?: string }> = [
    { tool: 'go', editor: editorGo, login: loginGo },
    { tool: 'gopls', editor: editorGopls, login: loginGopls },
  ];
  const editorDirs = new Set((ctx.env.PATH ?? '').split(':').filter(Boolean).map((d) => path.resolve(d)));
  for (const c of cases) {
    if (c.editor || !c.login) continue;
    const dir = path.dirname(c.login);
    // The editor has a gopls of its own that fails (go.alternateTools or --gopls naming one on a
    // noexec mount, without execute permission…): the launch probe says why; and a directory on
    // the editor's PATH is no directory its PATH lacks (measured: "its PATH lacks /x" beside an
    // editor PATH holding /x, with a fix appending it to ~/.profile again).
    if ((c.tool === 'gopls' && gopls?.found) || editorDirs.has(path.resolve(dir))) continue;
    const fixes: Fix[] = [];
    const { already, fix: profile } = await loginPathSetup(ctx, dir, { env: loginEnv, ...(home ? { home } : {}), ...(loginShellName ? { shell: loginShellName } : {}) });
    if (profile) fixes.push(profile);
    fixes.push(alternateToolFix(c.tool, c.login));
    const fallback = c.tool === 'go' && c.login === GO_EXTENSION_DEFAULT_GO;
    out.push({
      classId: 'env-inheritance',
      severity: 'error',
      confidence: fallback ? 0.75 : 0.9,
      message:
        `${c.tool} is found by your login shell in ${dir} but not by the editor: its PATH lacks ${dir}. ` +
        `The editor was started without your shell start-up files (a desktop launcher does not read ~/.bashrc or ~/.zshrc)` +
        (c.tool === 'go' ? ', and gopls needs go to load any package.' : ', so the Go extension cannot start gopls.') +
        (fallback ? DEFAULT_GO_NOTE : '') +
        (already?.words ?? ''),
      evidence: [
        { source: loginCommand, excerpt: `PATH=${loginEnv.PATH ?? ''}\n${c.tool} → ${c.login}` },
        { source: 'PATH (editor environment)', excerpt: ctx.env.PATH ?? '<unset>' },
        ...(already?.evidence ?? []),
      ],
      fixes,
      explains: ['gopls-launch'],
    });
  }
  const differs = await goDiffersFinding(ctx, loginEnv, loginCommand, editorGo, loginGo, observed);
  if (differs) out.push(differs);
  return out;
}

/**
 * Both find a go, but not the same Go release: the editor builds, type-checks and resolves go lines
 * with another Go than a terminal (a tester's editor PATH put an old go1.22.12 first, the login
 * shell's go1.26.8 built the module, and the probe said ok). Said with both paths and versions; the
 * fix points the editor at the terminal's go.
 */
async function goDiffersFinding(ctx: ProbeContext, loginEnv: Record<string, string>, loginCommand: string, editorGo: string | undefined, loginGo: string | undefined, observed: Record<string, unknown>): Promise<FindingInput | undefined> {
  if (!editorGo || !loginGo || !ctx.host.live) return undefined;
  const [editorReal, loginReal] = await Promise.all([editorGo, loginGo].map((g) => fs.realpath(g).catch(() => g)));
  if (editorReal === loginReal || ctx.remainingMs() < 1000) return undefined;
  const version = async (go: string, env: NodeJS.ProcessEnv) => {
    const r = await ctx.host.exec(go, ['env', 'GOVERSION'], { timeoutMs: Math.min(3000, ctx.remainingMs() / 3), signal: ctx.signal, env: readOnlyGo(env), maxBuffer: 16 * 1024 });
    // Only a Go version: what a broken go printed instead is the go-env probe's to report.
    return r.failed ? undefined : goVersionWord(r.stdout);
  };
  const [editorV, loginV] = await Promise.all([version(editorGo, ctx.env), version(loginGo, loginEnv)]);
  observed.goVersionInEditor = editorV ?? null;
  observed.goVersionInLogin = loginV ?? null;
  if (!editorV || !loginV || editorV === loginV) return undefined;
  const gr = gorootFix(loginReal!);
  return {
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.7,
    message: `The editor runs ${editorGo} (${editorV}), and a terminal runs ${loginGo} (${loginV}): the editor's PATH finds another go first than your login shell's does, so go and gopls in the editor build, type-check and read go lines with another Go release than go in a terminal. A module that builds in a terminal can fail in the editor, and the other way round.`,
    evidence: [
      { source: 'PATH lookup (editor environment)', excerpt: `PATH=${ctx.env.PATH ?? ''}\ngo → ${editorGo} (${editorV})` },
      { source: loginCommand, excerpt: `PATH=${loginEnv.PATH ?? ''}\ngo → ${loginGo} (${loginV})` },
    ],
    fixes: [alternateToolFix('go', loginGo), ...(gr ? [gr] : [])],
  };
}

async function goVarFindings(ctx: ProbeContext, loginEnv: Record<string, string>, loginCommand: string, shell: string): Promise<FindingInput[]> {
  const out: FindingInput[] = [];
  let goroot: string | undefined;
  let editorGo: Promise<EditorGo | undefined> | undefined;
  const home = loginEnv.HOME ?? ctx.env.HOME;
  for (const name of COMPARED_GO_VARS) {
    const editor = ctx.env[name] ?? '';
    const login = loginEnv[name] ?? '';
    if (editor === login) continue;
    // Unset on one side and the default on the other is no difference to the go command.
    if (name === 'GOPATH' && home && !(editor && login) && (editor || login) === path.join(home, 'go')) continue;
    if (name === 'GOROOT' && !(editor && login)) {
      goroot ??= await ctx.facts.goEnv().then((g) => (g.ok ? g.values.GOROOT : undefined));
      if (goroot && path.resolve(editor || login) === path.resolve(goroot)) continue;
    }
    const evidence: Evidence[] = [
      { source: 'environment (editor)', excerpt: editor ? `${name}=${editor}` : `${name} is unset` },
      { source: loginCommand, excerpt: login ? `${name}=${login}` : `${name} is unset` },
    ];
    // The shell's value goes into go.toolsEnvVars only once go has been run with it.
    editorGo ??= ctx.facts.goEnv().then((g) => (g.ok ? { goBinary: g.goBinary, goVersion: g.values.GOVERSION } : undefined));
    const broken = login ? await loginValueBroken(ctx, name, login, await editorGo) : undefined;
    if (broken) {
      out.push(await brokenLoginValueFinding(name, login, broken, evidence, shell, loginEnv, home));
      continue;
    }
    // Where the shell sets it, as the broken-value finding says (a tester's GOFLAGS in ~/.zshrc and
    // in ~/.profile came with the two values and no file).
    const sites = login && home ? await exportSites(name, shell, loginEnv, home, 2) : [];
    const shown = (f: string) => homeShown(f, home);
    out.push({
      classId: 'env-inheritance',
      severity: 'warning',
      confidence: 0.6,
      message: `${name} differs between the editor (${editor ? JSON.stringify(editor) : 'unset'}) and your login shell (${login ? JSON.stringify(login) : 'unset'}): go and gopls in the editor behave unlike go in a terminal.${sites.length ? ` Your start-up files set it in ${sites.map((x) => `${shown(x.file)} (line ${x.line})`).join(', ')}.` : ''}`,
      evidence: [...evidence, ...sites.map((x) => ({ source: `${x.file}:${x.line}`, excerpt: x.text }))],
      fixes: [
        toolsEnvFix(`toolsenv-${name.toLowerCase()}-from-login`, `Use the login shell's ${name} for the Go tools`, { [name]: login }),
      ],
    });
  }
  return out;
}

/**
 * The login shell's value is the broken one: a finding about the start-up file that sets it (named
 * with its line, and the line's removal as the fix), never a setting that copies it to the editor.
 */
async function brokenLoginValueFinding(name: string, value: string, broken: BrokenValue, compared: Evidence[], shell: string, loginEnv: Record<string, string>, home: string | undefined): Promise<FindingInput> {
  const sites = home ? await exportSites(name, shell, loginEnv, home) : [];
  const shown = (f: string) => homeShown(f, home);
  const where = sites.length
    ? ` It is set in ${sites.map((s) => `${shown(s.file)} (line ${s.line})`).join(', ')}.`
    : ' None of the start-up files the doctor reads sets it: it comes from the environment your login shell was started with (/etc/environment, pam_env, or the program that started it).';
  return {
    classId: 'env-inheritance',
    headline: 'login-shell-value',
    severity: 'warning',
    confidence: 0.6,
    message:
      `Your login shell sets ${name}=${value}, which go cannot use: ${broken.why}.${where} ` +
      `go in a terminal fails this way; the editor, started without it, is the working side, so its ${name} must not be copied from the shell (an editor started after your next login reads it too, if the file is ~/.profile or one it reads).`,
    evidence: [...sites.map((s) => ({ source: `${s.file}:${s.line}`, excerpt: s.text })), ...broken.evidence, ...compared],
    fixes: sites.slice(0, 2).map((s) => removeExportFix(s, name, home)),
  };
}

/** Where go would be on the login shell's PATH, for another probe's message. */
export async function loginShellGo(ctx: ProbeContext): Promise<{ go: string; path: string; command: string } | undefined> {
  const login = await ctx.facts.loginShellEnv();
  if (!login.ok) return undefined;
  const go = await lookPath('go', login.env);
  return go ? { go, path: login.env.PATH ?? '', command: login.commandLine } : undefined;
}

