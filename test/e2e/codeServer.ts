// Starts and stops a real VS Code (code-server 4.100.3) for the e2e suite: a fresh user-data-dir
// and extensions dir per run, settings that keep it offline and quiet, and a stop that kills the
// very PIDs it started (code-server is a process tree: server, extension host, file watcher,
// the extension host's gopls).
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { alive, allProcs, descendantsOf, environOf, extensionHostsOf, killAndWait, type ProcInfo } from './procs.js';

const execFileP = promisify(execFile);

export const CODE_SERVER_VERSION = '4.100.3';

/** Where test/setup/install-code-server.sh puts code-server (CODE_SERVER_DIR overrides). */
export function codeServerBin(): string {
  const dirs = [
    process.env.CODE_SERVER_DIR,
    `/opt/go-env-doctor-ci/code-server-${CODE_SERVER_VERSION}`,
    path.join(os.homedir(), '.cache', 'go-env-doctor', `code-server-${CODE_SERVER_VERSION}`),
  ].filter((d): d is string => !!d);
  for (const d of dirs) {
    const bin = path.join(d, 'node_modules', '.bin', 'code-server');
    if (existsSync(bin)) return bin;
  }
  throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed (looked in ${dirs.join(', ')}); run test/setup/install-code-server.sh`);
}

/** The settings that make a cold start reliable offline (no walkthrough stealing focus, no gallery). */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'npm.autoDetect': 'off',
  'typescript.tsc.autoDetect': 'off',
  'extensions.ignoreRecommendations': true,
  // Port auto-detection runs `ps -F -A -l | grep root` from the extension host as root: not ours to count.
  'remote.autoForwardPorts': false,
};

export interface CodeServerOptions {
  /** The folder to open. */
  folder: string;
  /** .vsix files (or extension folders) to install before starting. */
  extensions: string[];
  /** Merged over QUIET_SETTINGS into User/settings.json. */
  settings?: Record<string, unknown>;
  /** Environment of code-server (and so of its extension host); merged over process.env. */
  env?: Record<string, string | undefined>;
}

export interface CodeServer {
  url: string;
  pid: number;
  root: string;
  userDataDir: string;
  extensionsDir: string;
  settingsFile: string;
  /** HOME of code-server and everything it starts. */
  home: string;
  /** Everything code-server printed, for failure messages. */
  output(): string;
  readSettings(): Record<string, unknown>;
  writeSettings(settings: Record<string, unknown>): void;
  extensionHosts(): ProcInfo[];
  /** Newest exthostN folder under the newest logs/<timestamp> folder. */
  exthostLogDir(): string | undefined;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it listened:\n${output()}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms:\n${output()}`);
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/** Installs extensions offline with code-server's own --install-extension (about 1.5 s each). */
export async function installExtensions(bin: string, args: string[], extensions: string[], env: NodeJS.ProcessEnv): Promise<void> {
  for (const ext of extensions) {
    const { stdout, stderr } = await execFileP(bin, [...args, '--install-extension', ext, '--force'], { env, timeout: 60_000 });
    if (!/successfully installed|already installed/i.test(stdout + stderr)) {
      throw new Error(`--install-extension ${ext} did not report success:\n${stdout}\n${stderr}`);
    }
  }
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const bin = codeServerBin();
  const root = mkdtempSync(path.join(os.tmpdir(), 'ged-e2e-cs-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const configFile = path.join(root, 'config.yaml');
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  mkdirSync(extensionsDir, { recursive: true });
  // --config: never read (or create) the user's own ~/.config/code-server/config.yaml.
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  writeJson(settingsFile, { ...QUIET_SETTINGS, ...opts.settings });

  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  for (const [k, v] of Object.entries(opts.env ?? {})) if (v === undefined) delete env[k];
  // The test runner's own variables must not leak into the editor under test.
  for (const k of Object.keys(env)) if (k.startsWith('VITEST') || k === 'NODE_OPTIONS') delete env[k];
  // code-server writes its own logs and heartbeat under XDG_DATA_HOME/code-server: keep them in the run's dir.
  env.XDG_DATA_HOME = path.join(root, 'xdg-data');
  // A home of its own, so nothing the editor, gopls or a fix writes (~/.cache/gopls, a new GOTMPDIR,
  // VS Code's device id) outlives the run. Shaped like a Go user's home: GOPATH/bin and caches exist.
  if (!opts.env || !('HOME' in opts.env)) {
    env.HOME = path.join(root, 'home');
    for (const d of ['go/bin', '.cache', '.config']) mkdirSync(path.join(env.HOME, d), { recursive: true });
    // VS Code's server resolves the extension host's environment from a login shell ($SHELL -ilc)
    // under this HOME, and /etc/profile resets PATH: put Go on it the way the Go install docs say.
    const goDir = (process.env.PATH ?? '').split(path.delimiter).find((d) => d && existsSync(path.join(d, 'go')));
    if (goDir) {
      const line = `export PATH="${goDir}:$HOME/go/bin:$PATH"\n`;
      writeFileSync(path.join(env.HOME, '.profile'), line);
      writeFileSync(path.join(env.HOME, '.bashrc'), line);
    }
  }

  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  await installExtensions(bin, common, opts.extensions, env);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', opts.folder];
  let out = '';
  // Own process group so nothing of it is tied to the test runner's terminal; stopped by PIDs.
  const child = spawn(bin, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const output = () => out.slice(-8000);
  const pid = child.pid!;
  const seen = new Set<number>();
  const remember = () => {
    for (const p of descendantsOf(pid)) seen.add(p.pid);
  };
  try {
    await waitForHttp(`${url}/healthz`, child, 60_000, output);
  } catch (e) {
    await killAndWait([pid, ...descendantsOf(pid).map((p) => p.pid)]);
    rmSync(root, { recursive: true, force: true });
    throw e;
  }
  const timer = setInterval(remember, 500);
  timer.unref();

  const logsDir = path.join(userDataDir, 'logs');
  return {
    url,
    pid,
    root,
    userDataDir,
    extensionsDir,
    settingsFile,
    home: env.HOME ?? os.homedir(),
    output,
    readSettings: () => JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>,
    writeSettings: (s) => writeJson(settingsFile, s),
    extensionHosts: () => extensionHostsOf(pid),
    exthostLogDir() {
      if (!existsSync(logsDir)) return undefined;
      const session = readdirSync(logsDir).sort().at(-1);
      if (!session) return undefined;
      const hosts = readdirSync(path.join(logsDir, session))
        .filter((d) => /^exthost\d+$/.test(d))
        .sort((a, b) => Number(a.slice(7)) - Number(b.slice(7)));
      const last = hosts.at(-1);
      return last ? path.join(logsDir, session, last) : undefined;
    },
    async stop() {
      clearInterval(timer);
      remember();
      // Every PID of the tree seen during the run, children first is not needed with SIGKILL.
      const pids = [pid, ...descendantsOf(pid).map((p) => p.pid), ...seen];
      const left = await killAndWait([...new Set(pids)].filter(alive));
      // A go the tree started between two looks (a compile of gopls's go list, a build in a
      // terminal) was orphaned by the kill and may still be writing the run's build cache, under
      // the run's HOME: CI saw `rmdir …/home/.cache/go-build/87: ENOTEMPTY`. What still carries
      // this run's HOME is this run's, so it goes too, and the removal retries what it races.
      const runHome = env.HOME?.startsWith(root + path.sep) ? env.HOME : undefined;
      const strays = runHome ? await killAndWait(allProcs().filter((p) => p.pid !== process.pid && environOf(p.pid).HOME === runHome).map((p) => p.pid)) : [];
      rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      if (left.length || strays.length) throw new Error(`code-server processes survived SIGKILL: ${[...left, ...strays].join(', ')}`);
    },
  };
}
