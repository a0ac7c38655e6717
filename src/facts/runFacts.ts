// Facts several probes share, each computed at most once per run and only if some probe asks.
// They run under the run's signal, not a probe's, so one probe's deadline cannot cancel a
// fact another probe is waiting for.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Host } from '../host/host.js';
import { readGoEnv, type GoEnvFact } from './readGoEnv.js';
import { readLoginShellEnv, readTerminalShellEnv, type LoginShellFact } from './readLoginShellEnv.js';
import { shellAllowance } from './shellDeadline.js';
import { locateGopls, type GoplsLocation } from './goplsLocate.js';
import type { DoctorSettings, EditorSettingsSource } from '../doctor/settings.js';
import { readEditorSettings } from './editorSettings.js';
import { scanProcesses, type ProcessTable } from '../procfs/procs.js';
import { lookPath } from './lookPath.js';
import { readWorkspacePackages, type WorkspacePackages } from './workspacePackages.js';
import { collectRefused, passRefused, type RefusedCommand } from '../host/refusedCommands.js';

export interface Facts {
  goEnv(): Promise<GoEnvFact>;
  loginShellEnv(): Promise<LoginShellFact>;
  /** A terminal's shell (bash -i, not a login shell): asked only where the login shell lacks go. */
  terminalShellEnv?(): Promise<LoginShellFact>;
  goplsLocation(): Promise<GoplsLocation>;
  /** Every process of the host, scanned once (inotify holders, gopls's cgroups, task counts). */
  processTable(): Promise<ProcessTable>;
  /**
   * A command on the run's PATH (the environment the Go tools get), looked up once per run: dmesg
   * is wanted three times (mac-policy, and after-run twice, once on the run's tail), go twice
   * (`go env` and the login-shell probe's editor side).
   */
  lookPath(name: string): Promise<string | undefined>;
  /**
   * The editor settings gopls and the Go extension read: the extension's live configuration, or
   * (the CLI) the settings.json files of the user's VS Code variants and of each workspace, read
   * once. The settings probe lists them, and the build-constraint and no-package checks take
   * gopls's build flags, env and directoryFilters from them, so `go-env-doctor diagnose` judges a
   * file by the build the user's gopls loads, not by gopls's defaults. None off the live machine:
   * a fixture tree has no home of its own.
   */
  editorSettings(): Promise<readonly EditorSettingsSource[]>;
  /**
   * /.flatpak-info, read once: the login-shell probe reports the sandbox, and the file-access and
   * gopls-log probes judge refused paths against its grants. Undefined outside a sandbox.
   */
  flatpakInfo(): Promise<string | undefined>;
  /**
   * The packages gopls will load for the workspaces and the bytes of their Go source (go list -deps,
   * offline), listed once: a memory cgroup and RLIMIT_AS/RLIMIT_DATA are both judged by it.
   */
  workspacePackages(): Promise<WorkspacePackages | undefined>;
}

/** Facts.editorSettings: the live configuration given, else the settings files on the live machine, else none. */
export async function editorSettingsOf(host: Pick<Host, 'live'>, env: NodeJS.ProcessEnv, settings: Pick<DoctorSettings, 'editorSettings'>, workspaces: readonly string[]): Promise<readonly EditorSettingsSource[]> {
  return settings.editorSettings ?? (host.live ? readEditorSettings(env, workspaces) : []);
}

/** Facts.flatpakInfo's read, for test contexts that build their own facts. */
export function readFlatpakInfo(host: Pick<Host, 'readText'>): Promise<string | undefined> {
  return host.readText('/.flatpak-info', 64 * 1024);
}

/**
 * Computed on the first ask, in a scope of its own: the commands the kernel refused on the way
 * (refusedCommands.ts) are handed to every probe that reads the fact, not only the first.
 */
function once<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<{ value: T; refused: RefusedCommand[] }> | undefined;
  return async () => {
    p ??= (() => {
      const refused: RefusedCommand[] = [];
      return collectRefused(refused, f).then((value) => ({ value, refused }));
    })();
    const r = await p;
    passRefused(r.refused);
    return r.value;
  };
}

/** The facts of one run, from what its probes are given; timeoutMs caps each child process. */
export function createFacts(input: { host: Host; env: NodeJS.ProcessEnv; settings: DoctorSettings; signal: AbortSignal; timeoutMs: number; workspaces?: readonly string[]; remainingMs?: () => number }): Facts {
  const { host, env, settings, signal, timeoutMs } = input;
  const found = new Map<string, Promise<string | undefined>>();
  const onPath = (name: string) => {
    let p = found.get(name);
    if (!p) found.set(name, (p = lookPath(name, env)));
    return p;
  };
  // vscode-go's getBinPath('go'): go.alternateTools.go first, a bare name looked up like go, an
  // absolute path only when it is an executable file (else the usual go). Measured: a golang.org/dl
  // wrapper named there that was never downloaded failed every go command in the editor while the
  // report, reading the go on PATH, said "no problems found".
  const alternateGo = settings.alternateTools?.go;
  const findGo = async (name: string): Promise<string | undefined> => {
    if (name !== 'go' || !alternateGo) return onPath(name);
    if (!alternateGo.includes('/')) return onPath(alternateGo);
    const usable = path.isAbsolute(alternateGo) && (await fs.stat(alternateGo).then((st) => st.isFile() && (st.mode & 0o111) !== 0, () => false));
    return usable ? alternateGo : onPath('go');
  };
  const goEnv = once(async (): Promise<GoEnvFact> => {
    const fact = await readGoEnv(host, env, signal, timeoutMs, findGo);
    if (!fact.ok && fact.missing && alternateGo && !alternateGo.includes('/')) return { ...fact, reason: `go.alternateTools.go names ${alternateGo}, which is not on PATH (${env.PATH ?? '<unset>'})` };
    return fact;
  });
  // A shell is given a share of the time left of the run, so its hang-up and grace come before the
  // run's end with time over for the probes that read its environment.
  const shellLimit = () => shellAllowance(Math.min(timeoutMs, input.remainingMs?.() ?? timeoutMs));
  const loginShellEnv = once(() => readLoginShellEnv(host, env, signal, shellLimit(), { useCache: !settings.noCache }));
  const terminalShellEnv = once(() => readTerminalShellEnv(host, env, signal, shellLimit()));
  const goplsLocation = once(() => locateGopls(env, settings, goEnv));
  const processTable = once(() => scanProcesses(host));
  const editorSettings = once(() => editorSettingsOf(host, env, settings, input.workspaces ?? []));
  const flatpakInfo = once(() => readFlatpakInfo(host));
  const workspacePackages = once(() => readWorkspacePackages({ host, env, goEnv, workspaces: input.workspaces ?? [], signal, remainingMs: input.remainingMs ?? (() => timeoutMs) }));
  return { goEnv, loginShellEnv, terminalShellEnv, goplsLocation, processTable, lookPath: onPath, editorSettings, flatpakInfo, workspacePackages };
}
