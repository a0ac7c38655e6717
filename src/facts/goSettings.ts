// What the Go extension's settings change about a diagnosis, as a pure function of a snapshot of
// them, so it is tested without VS Code. vscode-go reads go.alternateTools, go.toolsEnvVars,
// go.goroot and go.gopath to start gopls and go; the doctor must look at the same ones.
// Restricted Mode: only user-level (global) values may name a binary or change PATH/GOROOT.
import os from 'node:os';
import path from 'node:path';
import { accessSync, constants as fsConstants, statSync } from 'node:fs';
import { DEFAULT_TIMEOUT_MS, type DoctorSettings } from '../doctor/settings.js';
import { homeDirOf } from '../host/paths.js';

/** The shape of WorkspaceConfiguration.inspect(), reduced to what we read. */
export interface Inspected<T> {
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

export interface GoSettingsSnapshot {
  trusted: boolean;
  alternateTools: Inspected<Record<string, unknown>>;
  toolsEnvVars: Inspected<Record<string, unknown>>;
  languageServerFlags: Inspected<unknown[]>;
  goroot: Inspected<unknown>;
  gopath: Inspected<unknown>;
  /** go.toolsGopath: where the Go extension installs tools, searched before GOPATH (the tool inventory). */
  toolsGopath?: Inspected<unknown>;
  /** go.toolsManagement.go: the go that installs the tools (a binary: only the user's value in Restricted Mode). */
  toolsManagementGo?: Inspected<unknown>;
  /** The top-level "gopls" object setting (gopls's own settings, which the Go extension passes on). */
  gopls?: Inspected<Record<string, unknown>>;
  /** golang.go's exported settings.getExecutionCommand('gopls')?.binPath, when installed. */
  apiGoplsPath?: string;
  workspaceFolder?: string;
}

export interface DoctorInputs {
  settings: DoctorSettings;
  /** process.env overlaid the way vscode-go overlays it for the tools. */
  env: NodeJS.ProcessEnv;
  /** Shown in the panel under Restricted Mode; empty when trusted. */
  restrictedNotes: string[];
}

/** Effective value: folder over workspace over user; user only when restricted. */
function pick<T>(i: Inspected<T>, trusted: boolean): { value?: T; fromWorkspace: boolean } {
  if (trusted) {
    if (i.workspaceFolderValue !== undefined) return { value: i.workspaceFolderValue, fromWorkspace: true };
    if (i.workspaceValue !== undefined) return { value: i.workspaceValue, fromWorkspace: true };
  }
  return { value: i.globalValue, fromWorkspace: false };
}

/**
 * One of our own settings as VS Code would apply it, except that in Restricted Mode a setting
 * listed in package.json's restrictedConfigurations keeps only its user value: a workspace must
 * not name files for the doctor to open (extraLogPaths) or stretch its runs (runTimeoutMs).
 */
export function ownSetting<T>(i: Inspected<T>, trusted: boolean): T | undefined {
  return pick(i, trusted).value;
}

/**
 * The whole run's deadline: goEnvDoctor.runTimeoutMs, else the deprecated goEnvDoctor.probeTimeoutMs
 * it was called before (it always was the run's deadline, not a probe's), else the default; at least 1 s.
 */
export function runTimeoutMs(current: Inspected<unknown>, deprecated: Inspected<unknown>, trusted: boolean): number {
  const num = (i: Inspected<unknown>) => {
    const v = ownSetting(i, trusted);
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  };
  return Math.max(1000, num(current) ?? num(deprecated) ?? DEFAULT_TIMEOUT_MS);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An object setting as VS Code gives it: the scopes' objects merged key by key, folder over
 * workspace over user (an object value one level down merged too, as "build": {...} would be);
 * the user's alone when restricted.
 */
export function mergedObject(i: Inspected<Record<string, unknown>>, trusted: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const layer of trusted ? [i.globalValue, i.workspaceValue, i.workspaceFolderValue] : [i.globalValue])
    if (isObject(layer))
      for (const [k, v] of Object.entries(layer)) out[k] = isObject(v) && isObject(out[k]) ? { ...(out[k] as Record<string, unknown>), ...v } : v;
  return out;
}

const hasWorkspaceValue = (i: Inspected<unknown>) => i.workspaceFolderValue !== undefined || i.workspaceValue !== undefined;

/** vscode-go's resolvePath + substituteEnv: ~, ${workspaceFolder}, ${workspaceRoot}, ${env:VAR}. */
export function resolveSettingPath(value: string, env: NodeJS.ProcessEnv, workspaceFolder?: string): string {
  let v = value.replace(/\$\{env:([^}]+)\}/g, (_, name: string) => env[name] ?? '');
  if (workspaceFolder) v = v.replace(/\$\{workspaceFolder\}|\$\{workspaceRoot\}/g, workspaceFolder);
  const home = v === '~' || v.startsWith('~/') ? homeDirOf(env) : undefined;
  if (home) v = path.join(home, v.slice(1));
  return v;
}

/** vscode-go's executableFileExists: a regular file this user may execute. */
function isProgram(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function doctorInputs(s: GoSettingsSnapshot, baseEnv: NodeJS.ProcessEnv, isExecutable: (p: string) => boolean = isProgram): DoctorInputs {
  const notes: string[] = [];
  const env: NodeJS.ProcessEnv = { ...baseEnv };

  const toolsEnv = pick(s.toolsEnvVars, s.trusted);
  const toolsEnvVarsKeys: string[] = [];
  for (const [k, v] of Object.entries(toolsEnv.value ?? {})) {
    if (typeof v !== 'string') continue;
    env[k] = resolveSettingPath(v, baseEnv, s.workspaceFolder);
    toolsEnvVarsKeys.push(k);
  }
  if (!s.trusted && hasWorkspaceValue(s.toolsEnvVars)) notes.push('Workspace go.toolsEnvVars are ignored: they could point PATH or GOROOT at binaries from this workspace.');

  const goroot = pick(s.goroot, s.trusted);
  // As vscode-go's setGOROOTEnvVar: a go.goroot that is not a directory is ignored (with a warning
  // the settings probe repeats), not handed to go, which would then fail for a reason the editor has not.
  const gorootDir = typeof goroot.value === 'string' && goroot.value ? resolveSettingPath(goroot.value, baseEnv, s.workspaceFolder) : undefined;
  if (gorootDir && isDirectory(gorootDir)) env.GOROOT = gorootDir;
  if (!s.trusted && hasWorkspaceValue(s.goroot)) notes.push('Workspace go.goroot is ignored: it names the Go toolchain that would be executed.');
  const gopath = pick(s.gopath, s.trusted);
  if (typeof gopath.value === 'string' && gopath.value) env.GOPATH = resolveSettingPath(gopath.value, baseEnv, s.workspaceFolder);

  const wsGopls = [s.alternateTools.workspaceFolderValue?.gopls, s.alternateTools.workspaceValue?.gopls].find((v) => typeof v === 'string') as string | undefined;
  const alt = pick(s.alternateTools, s.trusted);
  const altNamed = typeof alt.value?.gopls === 'string' && alt.value.gopls ? resolveSettingPath(alt.value.gopls, env, s.workspaceFolder) : undefined;
  // vscode-go takes an absolute alternate tool only when it is an executable file there
  // (executableFileExists); otherwise it looks gopls up the usual way (GOBIN, GOPATH/bin, PATH), and
  // so does the doctor (the settings probe says the setting is passed over). A tester's gopls
  // without execute permission was "gopls cannot start" while the editor ran the one on PATH. A
  // name or a relative path is looked up as given.
  const altGopls = altNamed && path.isAbsolute(altNamed) && !isExecutable(altNamed) ? undefined : altNamed;
  let alternateGopls = altGopls;
  // The Go extension's own answer wins when it may be executed: it is what the editor runs.
  if (s.apiGoplsPath && s.apiGoplsPath !== 'gopls') {
    const fromWorkspace = wsGopls !== undefined && resolveSettingPath(wsGopls, env, s.workspaceFolder) === s.apiGoplsPath;
    if (s.trusted || !fromWorkspace) alternateGopls = s.apiGoplsPath;
  }
  if (!s.trusted && wsGopls) notes.push(`Workspace setting go.alternateTools.gopls (${wsGopls}) is not executed in Restricted Mode; trust the workspace to check that binary.`);

  // Not one of vscode-go's restrictedConfigurations: VS Code applies a workspace's value even in
  // Restricted Mode, over the user's (a tester's workspace -logfile into a missing folder was
  // ignored, and a workspace's [] did not clear the user's broken one).
  const lsf = s.languageServerFlags;
  const wsFlags = lsf.workspaceFolderValue ?? lsf.workspaceValue;
  const flags = wsFlags ?? lsf.globalValue;
  const settings: DoctorSettings = {
    trustWorkspaceBinaries: s.trusted,
    alternateGoplsFromWorkspace: wsGopls !== undefined,
  };
  if (alternateGopls) settings.alternateGopls = alternateGopls;
  // Every other alternate tool, for the inventory (gopls's is alternateGopls above); in Restricted
  // Mode only the user's, as pick does.
  const tools = Object.entries(alt.value ?? {}).filter((e): e is [string, string] => e[0] !== 'gopls' && typeof e[1] === 'string' && e[1] !== '');
  if (tools.length) settings.alternateTools = Object.fromEntries(tools.map(([k, v]) => [k, resolveSettingPath(v, env, s.workspaceFolder)]));
  const toolsGopath = s.toolsGopath ? pick(s.toolsGopath, s.trusted).value : undefined;
  if (typeof toolsGopath === 'string' && toolsGopath) settings.toolsGopath = resolveSettingPath(toolsGopath, baseEnv, s.workspaceFolder);
  const toolsGo = s.toolsManagementGo ? pick(s.toolsManagementGo, s.trusted).value : undefined;
  if (typeof toolsGo === 'string' && toolsGo) settings.toolsGo = resolveSettingPath(toolsGo, baseEnv, s.workspaceFolder);
  const gopls = s.gopls ? mergedObject(s.gopls, s.trusted) : undefined;
  if (gopls && Object.keys(gopls).length) settings.goplsSettings = gopls;
  if (toolsEnvVarsKeys.length) settings.toolsEnvVarsKeys = toolsEnvVarsKeys;
  if (gorootDir && env.GOROOT === gorootDir) settings.goroot = gorootDir;
  if (Array.isArray(flags)) settings.goplsFlags = flags.filter((f): f is string => typeof f === 'string');
  if (Array.isArray(flags) && wsFlags !== undefined) settings.goplsFlagsFromWorkspace = true;
  if (!s.trusted && notes.length === 0) notes.push('Restricted Mode: binaries named by workspace settings are never executed.');
  return { settings, env, restrictedNotes: s.trusted ? [] : notes };
}

/** The go.* keys a snapshot reads, as settings.json spells them. */
const SNAPSHOT_KEYS = {
  alternateTools: 'go.alternateTools',
  toolsEnvVars: 'go.toolsEnvVars',
  languageServerFlags: 'go.languageServerFlags',
  goroot: 'go.goroot',
  gopath: 'go.gopath',
  toolsGopath: 'go.toolsGopath',
  toolsManagementGo: 'go.toolsManagement.go',
} as const;

/**
 * Without a live editor (the CLI): the snapshot the settings.json files give, user and machine
 * files as the global value (the last that sets a key wins, as later scopes do), the workspaces'
 * own files as the workspace value. Never trusted: as in Restricted Mode, only the user's values
 * may name a binary, so a checkout's .vscode/settings.json cannot make the CLI run something.
 */
export function snapshotFromSettingsFiles(sources: ReadonlyArray<{ source: string; values: Record<string, unknown> }>, userFiles: ReadonlySet<string>, workspaceFolder?: string): GoSettingsSnapshot {
  const inspect = <T>(key: string): Inspected<T> => {
    const last = (user: boolean) => [...sources].reverse().find((s) => userFiles.has(s.source) === user && s.values[key] !== undefined)?.values[key] as T | undefined;
    const globalValue = last(true);
    const workspaceValue = last(false);
    return { ...(globalValue !== undefined ? { globalValue } : {}), ...(workspaceValue !== undefined ? { workspaceValue } : {}) };
  };
  return {
    trusted: false,
    alternateTools: inspect(SNAPSHOT_KEYS.alternateTools),
    toolsEnvVars: inspect(SNAPSHOT_KEYS.toolsEnvVars),
    languageServerFlags: inspect(SNAPSHOT_KEYS.languageServerFlags),
    goroot: inspect(SNAPSHOT_KEYS.goroot),
    gopath: inspect(SNAPSHOT_KEYS.gopath),
    toolsGopath: inspect(SNAPSHOT_KEYS.toolsGopath),
    toolsManagementGo: inspect(SNAPSHOT_KEYS.toolsManagementGo),
    gopls: inspect('gopls'),
    ...(workspaceFolder ? { workspaceFolder } : {}),
  };
}
