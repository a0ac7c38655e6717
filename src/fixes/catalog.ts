// Every fix builder the probes share, and every setting fix, in one place. A fix id means one
// thing in every report: ranking keeps the first fix of an id within a cause, so two probes must
// never build different fixes under one id. A fix carries every write its button makes
// (planFix in plan.ts reads them), so the CLI's instruction and the button cannot differ.
import { limitsConfFixFor } from './limitsConf.js';
import { dropInName, SYSCTL_CONF, sysctlSetters, valueIn, type SysctlFile } from '../procfs/sysctlFiles.js';
import path from 'node:path';
import type { Fix } from '../doctor/model.js';
import { quoteForDisplay as sh } from '../host/shellQuote.js';
import { isInside } from '../host/paths.js';
import type { LoginPathTarget } from '../facts/loginPathFile.js';

export type SettingFix = Extract<Fix, { kind: 'setting' }>;

// ------------------------------------------------------------------------------------ commands, links

export type DistroFamily = 'debian' | 'fedora' | 'alpine' | 'arch' | 'suse';

/**
 * Pure: the distribution's family from /etc/os-release ID and ID_LIKE (Ubuntu, Mint: debian; RHEL,
 * CentOS: fedora), which decides the package manager a fix types; `ubuntu` when ID itself says so.
 */
export function distroOf(osRelease: string | undefined): { family?: DistroFamily; ubuntu: boolean } {
  const id = (/^ID=(.*)$/m.exec(osRelease ?? '')?.[1] ?? '').replace(/"/g, '');
  const ids = `${id} ${(/^ID_LIKE=(.*)$/m.exec(osRelease ?? '')?.[1] ?? '').replace(/"/g, '')}`;
  const family: DistroFamily | undefined = /\b(debian|ubuntu)\b/.test(ids)
    ? 'debian'
    : /\b(fedora|rhel|centos)\b/.test(ids)
      ? 'fedora'
      : /\balpine\b/.test(ids)
        ? 'alpine'
        : /\barch\b/.test(ids)
          ? 'arch'
          : /\b(suse|opensuse)\b/.test(ids)
            ? 'suse'
            : undefined;
  return { family, ubuntu: /\bubuntu\b/.test(id) };
}

export const RESTART_GOPLS: Fix = { id: 'gopls-restart', kind: 'command', title: 'Restart gopls', command: 'go.languageserver.restart', detail: 'Starts gopls again with the current settings.' };

export const GOPLS_WORKSPACE_DOCS: Fix = { id: 'gopls-workspace-docs', kind: 'link', title: 'How gopls finds modules in a workspace', url: 'https://go.dev/gopls/workspace' };

export const GOPLS_SUPPORT_POLICY: Fix = { id: 'gopls-support-policy', kind: 'link', title: "gopls's Go support policy", url: 'https://go.dev/s/gopls-support-policy' };

export const GOPLS_SETTINGS_DOCS: Fix = { id: 'gopls-settings-docs', kind: 'link', title: "gopls's settings", url: 'https://go.dev/gopls/settings' };
export const GOPLS_TROUBLESHOOTING: Fix = { id: 'gopls-troubleshooting', kind: 'link', title: 'gopls troubleshooting', url: 'https://go.dev/gopls/troubleshooting' };

export const INSTALL_GO: Fix = { id: 'install-go', kind: 'link', title: 'Download and install Go', url: 'https://go.dev/doc/install' };

export const INSTALL_NEWER_GO: Fix = { id: 'install-newer-go', kind: 'link', title: 'Download and install a newer Go', url: 'https://go.dev/dl/' };

export const INOTIFY_VSCODE_DOCS: Fix = {
  id: 'inotify-vscode-docs',
  kind: 'link',
  title: 'VS Code: "unable to watch for file changes in this large workspace"',
  url: 'https://code.visualstudio.com/docs/setup/linux#_visual-studio-code-is-unable-to-watch-for-file-changes-in-this-large-workspace-error-enospc',
};

/**
 * The instance limit's own documentation. VS Code's page above is about watches (ENOSPC, "this large
 * workspace") and says nothing of instances, which a tester was sent to for max_user_instances;
 * inotify(7)'s "/proc interfaces" defines max_user_instances (instances per real user ID) beside
 * the other two limits, and says an inotify_init beyond it fails with EMFILE.
 */
export const INOTIFY_INSTANCES_DOCS: Fix = {
  id: 'inotify-instances-docs',
  kind: 'link',
  title: 'inotify(7): max_user_instances, the inotify instances one user may hold',
  url: 'https://man7.org/linux/man-pages/man7/inotify.7.html',
};

// ------------------------------------------------------------------------------------------ settings

const TOOLS_ENV_DETAIL = 'go.toolsEnvVars is applied to gopls and to every go command the extension runs.';

/**
 * A setting fix with everything its button does. A GOTMPDIR the setting names is created first
 * (go refuses a GOTMPDIR that does not exist), and vscode-go runs tests with go.toolsEnvVars
 * overlaid by go.testEnvVars, so a GOTMPDIR in go.toolsEnvVars is written to go.testEnvVars too:
 * otherwise an older testEnvVars GOTMPDIR keeps go test on the noexec mount.
 */
export function settingFix(f: Omit<SettingFix, 'kind' | 'target' | 'extraWrites' | 'createDirs'> & { target?: SettingFix['target'] }): SettingFix {
  const fix: SettingFix = { ...f, kind: 'setting', target: f.target ?? 'user' };
  const v = f.value as Record<string, unknown> | undefined;
  const tmp = /^go\.(tools|test)EnvVars$/.test(f.key) && v && typeof v === 'object' ? v.GOTMPDIR : undefined;
  if (typeof tmp === 'string' && path.isAbsolute(tmp)) {
    fix.createDirs = [tmp];
    if (f.key === 'go.toolsEnvVars') fix.extraWrites = [{ key: 'go.testEnvVars', value: { GOTMPDIR: tmp }, merge: true }];
  }
  return fix;
}

/** Environment for every go command and gopls the Go extension starts. */
export function toolsEnvFix(id: string, title: string, value: Record<string, string>, detail = TOOLS_ENV_DETAIL): SettingFix {
  return settingFix({ id, title, detail, key: 'go.toolsEnvVars', value, merge: true });
}

/** GOTOOLCHAIN=local for the Go tools: the installed Go (named when known), never a switch or a download. */
export function gotoolchainLocalFix(installed?: string): SettingFix {
  return toolsEnvFix('toolsenv-gotoolchain-local', installed ? `Use the installed Go ${installed} (GOTOOLCHAIN=local)` : 'Use the installed Go toolchain (GOTOOLCHAIN=local)', { GOTOOLCHAIN: 'local' });
}

/** Environment for `go test` run from the editor only. */
export function testEnvFix(id: string, title: string, value: Record<string, string>, detail?: string): SettingFix {
  return settingFix({ id, title, ...(detail ? { detail } : {}), key: 'go.testEnvVars', value, merge: true });
}

export function alternateToolFix(tool: 'go' | 'gopls', binary: string): SettingFix {
  return settingFix({
    id: `alternate-tools-${tool}`,
    title: `Point go.alternateTools.${tool} at ${binary}`,
    detail: `The Go extension then runs ${binary} whatever PATH the editor was started with.`,
    key: 'go.alternateTools',
    value: { [tool]: binary },
    merge: true,
  });
}

/** The launch probe's variant: go found in a directory the editor's PATH lacks. */
export function goInDirFix(dir: string): SettingFix {
  const go = path.join(dir, 'go');
  return settingFix({ id: 'alternate-tools-go', title: `Point the Go extension at ${go}`, key: 'go.alternateTools', value: { go }, merge: true, detail: "The Go extension puts that go's directory on the PATH it gives gopls." });
}

/** Use a gopls found elsewhere on the machine; the first has a stable id. */
export function useGoplsFix(p: string, i: number): SettingFix {
  return settingFix({ id: i === 0 ? 'gopls-use-found' : `gopls-use-found-${i + 1}`, title: `Use ${p}`, key: 'go.alternateTools', value: { gopls: p }, merge: true });
}

export function gorootFix(goBinaryReal: string): SettingFix | undefined {
  if (path.basename(path.dirname(goBinaryReal)) !== 'bin') return undefined;
  const goroot = path.dirname(path.dirname(goBinaryReal));
  return settingFix({
    id: 'go-goroot-setting',
    title: `Set go.goroot to ${goroot}`,
    detail: 'The Go extension puts GOROOT/bin first on the PATH of the tools it starts, gopls included.',
    key: 'go.goroot',
    value: goroot,
  });
}

/** Folders (by name) the editor's file watcher should skip, with how many each holds. */
export function watcherExcludeFix(heavy: ReadonlyArray<readonly [name: string, folders: number]>): SettingFix {
  return settingFix({
    id: 'inotify-watcher-exclude',
    title: `Stop watching ${heavy.map(([n]) => n).join(', ')}`,
    key: 'files.watcherExclude',
    value: Object.fromEntries(heavy.map(([n]) => [`**/${n}/**`, true])),
    target: 'workspace',
    merge: true,
    detail: `${heavy.map(([n, c]) => `${n}: ${c} folders`).join('; ')}; nobody edits them by hand.`,
  });
}

// ------------------------------------------------------------------------------- terminal commands

/** Enough for a large monorepo with node_modules; each watch costs ~1 KiB of kernel memory, only when used. */
export const RECOMMENDED_WATCHES = 524288;
export const RECOMMENDED_INSTANCES = 1024;
/** Four times the kernel's default (16384): room for a checkout's burst of events; the queue is memory only while events wait. */
export const RECOMMENDED_QUEUED_EVENTS = 65536;

export type InotifyLimit = 'watches' | 'instances' | 'queued_events';
/**
 * The three inotify limits: the sysctl, its /proc file, what to raise it to, and the id of the fix
 * that does. One table for the inotify probe, the log probe and the fix builder.
 */
export const INOTIFY_LIMITS: Readonly<Record<InotifyLimit, { key: string; file: string; recommended: number; fixId: string; dropIn: string }>> = {
  watches: { key: 'fs.inotify.max_user_watches', file: '/proc/sys/fs/inotify/max_user_watches', recommended: RECOMMENDED_WATCHES, fixId: 'inotify-raise-watches', dropIn: '60-inotify-watches.conf' },
  instances: { key: 'fs.inotify.max_user_instances', file: '/proc/sys/fs/inotify/max_user_instances', recommended: RECOMMENDED_INSTANCES, fixId: 'inotify-raise-instances', dropIn: '60-inotify-instances.conf' },
  queued_events: { key: 'fs.inotify.max_queued_events', file: '/proc/sys/fs/inotify/max_queued_events', recommended: RECOMMENDED_QUEUED_EVENTS, fixId: 'inotify-raise-queued-events', dropIn: '60-inotify-queued-events.conf' },
};

/**
 * What to raise a limit to: the recommendation, or double what is set now when that is already as
 * high (a log's ENOSPC on a machine since raised past the recommendation must not be answered with
 * a lower value: a tester's 1048576 was to be "raised" to 524288, now and at every boot).
 */
export function raisedFrom(current: number | undefined, recommended: number): number {
  if (current === undefined || current < recommended) return recommended;
  let v = recommended;
  while (v <= current) v *= 2;
  return v;
}

/** A sysctl raised now and across reboots (a file in /etc/sysctl.d). */
export function sysctlFix(id: string, key: string, value: number, conf = `60-${key.replace(/\./g, '-')}.conf`, detail = 'Applies now and keeps it across reboots.'): Fix {
  return { id, kind: 'terminal', title: `Raise ${key} to ${value}`, text: `sysctl -w ${key}=${value} && echo '${key}=${value}' > /etc/sysctl.d/${conf}`, needsRoot: true, detail };
}

/**
 * The sysctl that lifts an inotify limit. One builder for the inotify probe and the log probe
 * (ENOSPC/EMFILE in a gopls log), so a fix id always means the same command.
 */
export function raiseInotifyLimitFix(limit: InotifyLimit, value = INOTIFY_LIMITS[limit].recommended, sysctlFiles?: readonly SysctlFile[]): Fix {
  const { key, fixId, dropIn } = INOTIFY_LIMITS[limit];
  // /etc/sysctl.conf setting the key wins over any drop-in at `sysctl --system` (SYSCTL_CONF):
  // its own line is changed; a sysctl.d link to it is the same file.
  const conf = sysctlFiles?.find((f) => f.path === SYSCTL_CONF);
  const inConf = conf ? valueIn(conf.text, key) : undefined;
  const setters = (sysctlFiles ? sysctlSetters(sysctlFiles, key) : []).filter((s) => inConf === undefined || s.linksTo !== SYSCTL_CONF);
  // Named to be applied after any sysctl.d file that sets the key too, which would otherwise win at boot.
  const { name, later } = dropInName(dropIn, setters);
  const outlast = later.length ? ` Named to be read after ${later.map((s) => `${s.path} (${key}=${s.value})`).join(', ')}, which would otherwise set it back at boot.` : '';
  const detail = (limit === 'watches' ? 'Applies now and keeps it across reboots (each watch costs about 1 KiB of kernel memory, only when used).' : 'Applies now and keeps it across reboots.') + outlast;
  const fix = sysctlFix(fixId, key, value, name, detail);
  if (inConf === undefined || fix.kind !== 'terminal') return fix;
  const keyRe = key.split('.').join('[./]');
  return {
    ...fix,
    text: `${fix.text} && sed -i -E 's|^[[:space:]]*-?${keyRe}[[:space:]]*=.*|${key}=${value}|' ${SYSCTL_CONF}`,
    detail: `${detail} ${SYSCTL_CONF} sets it to ${inConf}, and \`sysctl --system\` reads that file after every sysctl.d file: its line is changed to the new value too.`,
  };
}

/**
 * A pam_limits rule for every login (a `*` line): limitsConf.ts's fix without a user, so the
 * wildcard file is worded and written in one place.
 */
export function limitsConfFix(id: string, item: 'nproc' | 'nofile' | 'as' | 'data' | 'fsize', value: number | 'unlimited'): Fix {
  return limitsConfFixFor(id, item, value);
}

/** The open-files limit (RLIMIT_NOFILE) raised for every login: what a low limit and a watcher out of descriptors both need. */
export function raiseNofileFix(): Fix {
  return limitsConfFix('rlimit-raise-nofile', 'nofile', 65536);
}

const SAFE_PATH_DIR = /^[\w@%+=:,./~-]+$/;

/** The file a PATH line goes to when the login shell's is not known: what display managers read with sh. */
const PROFILE: LoginPathTarget = { file: '~/.profile', shown: '~/.profile', syntax: 'sh', why: 'The desktop session reads ~/.profile at login.' };

/** nu's own words on PATH, for a shell whose syntax the doctor does not write (loginPathFile.ts). */
const NU_PATH_DOCS = 'https://www.nushell.sh/book/configuration.html#path-configuration';

/**
 * Pure: the command that appends `line` to the target's file (fish's directory made first: it may
 * not exist yet). The line is quoted as one word for sh: a csh line may hold single quotes.
 */
function appendTo(target: LoginPathTarget, line: string): string {
  const file = target.shown.startsWith('~/') ? `~/${sh(target.shown.slice(2))}` : sh(target.shown);
  const mkdir = target.syntax === 'fish' ? `mkdir -p ${path.dirname(file)} && ` : '';
  // A first bash login file the user may not read stops bash before any of them (loginPathFile.ts):
  // a line appended there is never read until read permission is back, so that comes first, with
  // write permission (a mode-000 file refuses the append too).
  const chmod = target.unreadable === 'EACCES' ? `chmod u+rw ${file} && ` : '';
  const word = line.includes("'") ? sh(line) : `'${line}'`;
  return `${mkdir}${chmod}printf '%s\\n' ${word} >> ${file}`;
}

/**
 * Pure: the line that appends `dirs` (as shown: `$HOME/…` or absolute, safe characters only) to PATH
 * in the target's syntax. csh's `$PATH:` would read `:` as a variable modifier (tcsh 6.24: "Bad :
 * modifier in $ '/'", and the rest of the file is not read), hence `${PATH}`.
 */
export function pathLineFor(syntax: Exclude<LoginPathTarget['syntax'], 'unwritten'>, dirs: readonly string[]): string {
  switch (syntax) {
    case 'sh':
      return `export PATH="$PATH:${dirs.join(':')}"`;
    case 'fish':
      return `set -gx PATH $PATH ${dirs.join(' ')}`;
    case 'csh':
      return `setenv PATH "\${PATH}:${dirs.join(':')}"`;
    case 'xonsh':
      // xonsh's PATH is a list; a Python string does not expand $HOME, so it is joined on.
      return `$PATH.extend([${dirs.map((d) => (d.startsWith('$HOME/') ? `$HOME + ${JSON.stringify(d.slice(5))}` : JSON.stringify(d))).join(', ')}])`;
    default: {
      const never: never = syntax;
      return never;
    }
  }
}

/**
 * For a shell whose syntax the doctor does not write: what the line must do, said plainly, and
 * where that shell documents it; never a line in another shell's syntax or a file it does not read.
 */
function unwrittenPathFix(dirs: readonly string[], target: LoginPathTarget): Fix {
  const shell = target.shell ?? 'your login shell';
  return {
    id: 'login-path-unwritten',
    kind: 'link',
    url: NU_PATH_DOCS,
    title: `Add ${dirs.join(', ')} to the end of PATH in ${target.shown} (${shell}'s syntax, which the doctor does not write)`,
    detail: `${target.why} The line must do what sh's \`export PATH="$PATH:${dirs.join(':')}"\` does: keep PATH and add ${dirs.length > 1 ? 'these directories' : 'this directory'} at its end. The doctor has no ${shell} to check a line against, and ${shell}'s syntax for it changed between releases. Log out and back in afterwards.`,
  };
}

/**
 * The fix for a PATH the editor lacks: a line appended to the start-up file the user's login
 * shell reads (loginPathFile.ts: ~/.zprofile for zsh, config.fish for fish, ~/.tcshrc or ~/.cshrc
 * for tcsh, ~/.xonshrc for xonsh, the first of ~/.bash_profile, ~/.bash_login, ~/.profile for bash),
 * in that shell's syntax; ~/.profile when the shell is not known. Typed into a terminal, never
 * run; one id so probes share it.
 */
export function profilePathFix(dirs: readonly string[], home?: string, target: LoginPathTarget = PROFILE): Fix | undefined {
  const safe = dirs.filter((d) => SAFE_PATH_DIR.test(d) && path.isAbsolute(d));
  if (!safe.length) return undefined;
  if (target.syntax === 'unwritten') return unwrittenPathFix(safe, target);
  const shown = safe.map((d) => (home && d.startsWith(`${home}/`) ? `$HOME/${d.slice(home.length + 1)}` : d));
  return {
    id: 'login-path-to-profile',
    kind: 'terminal',
    title: `Add ${safe.join(', ')} to PATH in ${target.shown}`,
    detail: `${target.why} Log out and back in (or restart the editor from a new session) afterwards.`,
    text: appendTo(target, pathLineFor(target.syntax, shown)),
    needsRoot: false,
  };
}

/** Pure: `dir` as one word inside the target syntax's line; undefined where it cannot be written safely. */
function quotedDir(dir: string, syntax: LoginPathTarget['syntax']): string | undefined {
  switch (syntax) {
    // Inside double quotes (sh's and fish's): escape what the shell would expand there.
    case 'sh':
      return `"${dir.replace(/'/g, '').replace(/[\\"$`]/g, '\\$&')}"`;
    case 'fish':
      return `"${dir.replace(/'/g, '').replace(/[\\"$]/g, '\\$&')}"`;
    // csh cannot escape $ inside double quotes: single quotes, which it reads literally but for `!`.
    case 'csh':
      return /['!\n]/.test(dir) ? undefined : `'${dir}'`;
    // A JSON string is a Python string literal.
    case 'xonsh':
      return JSON.stringify(dir);
    case 'unwritten':
      return undefined;
  }
}

/** The launch probe's PATH fix: any directory, escaped for the quotes it lands in. */
export function pathAddDirFix(dir: string, home?: string, target: LoginPathTarget = PROFILE): Fix {
  // One line and one id with the other probes' PATH fix where the directory needs no escaping: two
  // causes offered the same line in two spellings, and typing both appended it twice (a tester's).
  const same = profilePathFix([dir], home, target);
  if (same) return same;
  const q = quotedDir(dir, target.syntax);
  if (!q) return unwrittenPathFix([dir], target);
  const line =
    target.syntax === 'fish' ? `set -gx PATH $PATH ${q}` : target.syntax === 'csh' ? `setenv PATH "\${PATH}":${q}` : target.syntax === 'xonsh' ? `$PATH.append(${q})` : `export PATH="$PATH:${q.slice(1, -1)}"`;
  return {
    id: 'path-add-dir',
    kind: 'terminal',
    title: `Add ${dir} to PATH for desktop sessions`,
    text: appendTo(target, line),
    needsRoot: false,
    detail: `${target.why} Log out and in again for the editor to see it.`,
  };
}

export function installGoplsFix(go: string | undefined): Fix {
  return {
    id: 'gopls-install',
    kind: 'terminal',
    title: 'Install gopls with the Go toolchain',
    text: `${go ? sh(go) : 'go'} install golang.org/x/tools/gopls@latest`,
    needsRoot: false,
    detail: 'Builds gopls for this machine with the go in use and puts it in GOBIN (or the first GOPATH/bin).',
  };
}

/** One id and one text for the gopls without execute permission, found by --gopls or on PATH. */
export function chmodGoplsFix(file: string, needsRoot: boolean): Fix {
  return { id: 'gopls-chmod', kind: 'terminal', title: 'Make gopls executable', text: `chmod +x ${sh(file)}`, needsRoot };
}

/**
 * Rebuilds one Go tool with the go in use, at the version it has now (a source build, "(devel)",
 * gets @latest). GOBIN names the folder it was found in, so the new build replaces the old one
 * where the Go extension finds it, not somewhere earlier or later in its lookup order.
 */
export function reinstallToolFix(tool: { name: string; importPath: string; version?: string; dir: string; goamd64?: string }): Fix {
  const version = tool.version && /^v\d/.test(tool.version) ? tool.version : 'latest';
  const level = tool.goamd64 && /^v[1-4]$/.test(tool.goamd64) ? tool.goamd64 : undefined;
  return {
    id: `tool-reinstall-${tool.name}`,
    kind: 'terminal',
    title: level ? `Reinstall ${tool.name} for this CPU (GOAMD64=${level})` : `Reinstall ${tool.name} with the current go`,
    text: `${level ? `GOAMD64=${level} ` : ''}GOBIN=${sh(tool.dir)} go install ${sh(`${tool.importPath}@${version}`)}`,
    needsRoot: false,
    detail: `Builds ${tool.name} ${version} again with the go on PATH${level ? ` for x86-64-${level}` : ''} and writes it over the old binary in ${tool.dir}.`,
  };
}

/** What a pids limit is raised to: room for several parallel builds beside gopls, with their threads. */
export const RECOMMENDED_PIDS_MAX = 8192;

/**
 * A fix that raises a limit where it is set: systemd unit, Docker container, or the kernel docs.
 * `at.current` is the limit in force: a pids.max already at the recommended 8192 is raised past it
 * (raisedFrom), never "raised" to the value it has (a tester was offered exactly that).
 */
export function raiseLimitFixes(kind: 'memory' | 'pids', cgPath: string, at?: { dir?: string; version: 1 | 2; current?: number }): Fix[] {
  const tasks = raisedFrom(kind === 'pids' ? at?.current : undefined, RECOMMENDED_PIDS_MAX);
  const segs = cgPath.split('/').filter(Boolean);
  const docker = segs.map((s) => /^docker-([0-9a-f]{12,64})\.scope$/.exec(s)?.[1] ?? (segs[segs.indexOf(s) - 1] === 'docker' && /^[0-9a-f]{12,64}$/.test(s) ? s : undefined)).find(Boolean);
  if (docker) {
    const id = docker.slice(0, 12);
    return [
      kind === 'memory'
        ? { id: 'docker-raise-memory', kind: 'terminal', title: 'Raise the container memory limit (on the Docker host)', text: `docker update --memory 4g --memory-swap 4g ${sh(id)}`, needsRoot: true, detail: 'Run on the machine that runs the container; gopls wants several GiB on large modules.' }
        : { id: 'docker-raise-pids', kind: 'terminal', title: 'Raise the container pids limit (on the Docker host)', text: `docker update --pids-limit ${tasks} ${sh(id)}`, needsRoot: true, detail: 'Run on the machine that runs the container.' },
    ];
  }
  const unit = [...segs].reverse().find((s) => /\.(service|scope|slice)$/.test(s) && !/^user@\d+\.service$/.test(s) && s !== '-.slice');
  const userManager = segs.some((s) => /^user@\d+\.service$/.test(s));
  if (unit && /^[\w@.:\\-]+$/.test(unit)) {
    const prop = kind === 'memory' ? 'MemoryMax=4G' : `TasksMax=${tasks}`;
    return [
      {
        id: kind === 'memory' ? 'cgroup-raise-memory-max' : 'cgroup-raise-tasks-max',
        kind: 'terminal',
        title: `Raise ${kind === 'memory' ? 'MemoryMax' : 'TasksMax'} of ${unit}`,
        text: userManager ? `systemctl --user set-property ${sh(unit)} ${prop}` : `systemctl set-property ${sh(unit)} ${prop}`,
        needsRoot: !userManager,
        detail: `systemd sets this cgroup's ${kind === 'memory' ? 'memory' : 'task'} limit from the unit; set-property changes it now and persistently.`,
      },
    ];
  }
  // No manager named: the limit file itself, for the cgroup's own version (a tester's v1 hierarchy
  // got only the v2 documentation, whose files do not exist there), and the matching documentation.
  const v1 = at?.version === 1;
  const file = kind === 'memory' ? (v1 ? 'memory.limit_in_bytes' : 'memory.max') : 'pids.max';
  const value = kind === 'memory' ? (v1 ? String(4 * 1024 ** 3) : '4G') : String(tasks);
  const dir = at?.dir;
  return [
    ...(dir
      ? [
          {
            id: kind === 'memory' ? 'cgroup-write-memory-limit' : 'cgroup-write-pids-max',
            kind: 'terminal' as const,
            title: `Raise ${file} of ${cgPath || '/'} to ${kind === 'memory' ? '4 GiB' : value}`,
            text: `echo ${value} > ${sh(path.join(dir, file))}`,
            needsRoot: true,
            detail: 'Until whatever made this cgroup (a container runtime, a job scheduler, a script) sets it again: raise it there too.',
          },
        ]
      : []),
    kind === 'memory'
      ? v1
        ? { id: 'cgroup-memory-docs', kind: 'link', title: 'cgroup v1 memory controller (memory.limit_in_bytes)', url: 'https://docs.kernel.org/admin-guide/cgroup-v1/memory.html' }
        : { id: 'cgroup-memory-docs', kind: 'link', title: 'cgroup v2 memory interface (memory.max, memory.high)', url: 'https://docs.kernel.org/admin-guide/cgroup-v2.html#memory-interface-files' }
      : v1
        ? { id: 'cgroup-pids-docs', kind: 'link', title: 'cgroup v1 pids controller (pids.max)', url: 'https://docs.kernel.org/admin-guide/cgroup-v1/pids.html' }
        : { id: 'cgroup-pids-docs', kind: 'link', title: 'cgroup pids controller (pids.max)', url: 'https://docs.kernel.org/admin-guide/cgroup-v2.html#pid-interface-files' },
  ];
}

/**
 * GOWORK=off hiding a go.work: unset, go finds the go.work above each folder itself (a path written
 * into user settings would hand one project's go.work to every other). Exported where the tools
 * start, an empty GOWORK for the Go tools unsets it; written in the go env file (`goenv`, go env
 * GOENV), go reads it there but refuses to change it ("go env -u GOWORK" says "go: GOWORK cannot be
 * modified", measured with go1.26.8), so the line is removed from the file itself.
 */
export function goworkOffFix(env: NodeJS.ProcessEnv, goenv: string | undefined): Fix {
  if (env.GOWORK === 'off') return toolsEnvFix('toolsenv-gowork-auto', 'Let go find go.work itself (GOWORK unset for the Go tools)', { GOWORK: '' }, 'An empty GOWORK is unset to go: it then uses the go.work above each folder. Remove GOWORK=off where it is exported too.');
  return dropGoworkLineFix(goenv || path.join(env.HOME ?? '~', '.config/go/env'));
}

/** GOWORK's line removed from go env's file: go env -w and -u refuse GOWORK, so the file is edited. */
export function dropGoworkLineFix(goenvFile: string): Fix {
  return {
    id: 'go-env-file-drop-gowork',
    kind: 'terminal',
    title: `Remove the GOWORK line from ${goenvFile}`,
    text: `sed -i '/^GOWORK=/d' ${sh(goenvFile)}`,
    needsRoot: false,
    detail: 'go env -w and -u refuse GOWORK; without the line go finds the go.work above each folder itself.',
  };
}

/**
 * Removes the start-up file line that sets a variable: `sed -i 'N{/NAME/d}' FILE` deletes line N
 * only while it still names the variable, so an edited file loses nothing else. Typed, never run.
 */
export function removeExportFix(site: { file: string; line: number; text: string }, name: string, home: string | undefined): Fix {
  const inHome = !!home && isInside(site.file, home);
  const shown = inHome ? `~/${site.file.slice(home!.length).replace(/^\//, '')}` : site.file;
  return {
    id: `remove-export-${name.toLowerCase()}:${site.file}:${site.line}`.slice(0, 150),
    kind: 'terminal',
    title: `Remove the ${name} setting from ${shown} (line ${site.line})`,
    text: `sed -i ${sh(`${site.line}{/${name}/d}`)} ${sh(site.file)}`,
    needsRoot: !inHome,
    detail: `Deletes line ${site.line} (${site.text}) only while it still sets ${name}. Open a new terminal for go there; log out and back in for the editor, which read it at login.`,
  };
}
