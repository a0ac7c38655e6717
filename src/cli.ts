// The headless entry: the very pipeline the extension runs, with the environment it was started
// with, printing text, JSON or Markdown. Exit status as in shared/TAXONOMY.md.
import { currentDir, needsWorkingDir } from './host/currentDir.js';
import { promises as fs, stat } from 'node:fs';
import path from 'node:path';
import { parseArgs, USAGE } from './cli/args.js';
import { diagnose } from './engine/diagnose.js';
import { DEFAULT_TIMEOUT_MS } from './doctor/settings.js';
import { TOOL_VERSION } from './doctor/version.js';
import { renderLateResults, renderText } from './render/text.js';
import { renderMarkdown } from './render/markdown.js';
import { goplsIssue } from './render/goplsIssue.js';
import { jsonForTerminal } from './render/controlChars.js';
import { exitCodeOf } from './render/summary.js';
import { openLogFile } from './goplsLog/read.js';
import { resolveUserShell } from './host/userShell.js';
import { quoteForDisplay } from './host/shellQuote.js';
import { readEditorSettings, userSettingsFiles } from './facts/editorSettings.js';
import { logFolders } from './goplsLog/logFolders.js';
import { doctorInputs, snapshotFromSettingsFiles } from './facts/goSettings.js';
import type { Report } from './doctor/model.js';
import type { EditorSettingsSource } from './doctor/settings.js';
import { parseCodeWorkspace } from './facts/codeWorkspace.js';
import { CAP, readUserFile } from './host/readUserFile.js';
import { fitThreadPool, readTaskHeadroomSync, TIGHT_HEADROOM } from './procfs/taskHeadroom.js';
import { Host } from './host/host.js';
import { limitConcurrentCommands } from './host/exec.js';

/** The sources in VS Code's order of precedence: user files, then workspace files, then folders' own. */
function withWorkspaceFiles(sources: readonly EditorSettingsSource[], workspaceFiles: readonly EditorSettingsSource[], userFiles: ReadonlySet<string>): EditorSettingsSource[] {
  return [...sources.filter((s) => userFiles.has(s.source)), ...workspaceFiles, ...sources.filter((s) => !userFiles.has(s.source))];
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, DEFAULT_TIMEOUT_MS);
  if (!parsed.ok) {
    process.stderr.write(`go-env-doctor: ${parsed.error} (see go-env-doctor --help)\n`);
    return 3;
  }
  if ('help' in parsed) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ('version' in parsed) {
    process.stdout.write(`go-env-doctor ${TOOL_VERSION}\n`);
    return 0;
  }
  const args = parsed.args;
  // Under a task limit with little room, before the first asynchronous read makes libuv's pool:
  // one pool thread (node aborted, exit 134, when it could not make four), and the probes' go
  // commands one at a time (side by side they were refused forks a single build never is).
  const room = readTaskHeadroomSync(new Host());
  if (fitThreadPool(process.env, room)) {
    // libuv reads UV_THREADPOOL_SIZE once, when the first work request makes the pool, which this
    // stat is; after that, what the doctor runs (go, gopls, the login shell) gets the user's environment.
    stat('/', () => undefined);
    delete process.env.UV_THREADPOOL_SIZE;
  }
  if (room !== undefined && room < TIGHT_HEADROOM) limitConcurrentCommands(1);
  // The working directory may be gone (removed under the shell): only what needs it fails, clearly.
  const here = currentDir();
  if (here === undefined) {
    const relative = needsWorkingDir([...args.workspaces, ...args.goplsLogs, args.file, args.gopls?.includes('/') ? args.gopls : undefined]);
    if (!args.workspaces.length || relative.length) {
      const what = relative.length ? `the relative path${relative.length === 1 ? '' : 's'} ${relative.map((p) => jsonForTerminal(p)).join(', ')} cannot be resolved` : 'there is no default workspace';
      process.stderr.write(`go-env-doctor: the current directory no longer exists (removed while this shell was in it), so ${what}: cd to the folder to diagnose, or pass absolute paths (--workspace DIR)\n`);
      return 3;
    }
  }
  let workspaces = (args.workspaces.length ? args.workspaces : [here!]).map((w) => path.resolve(w));
  // A log handed in without --workspace is about the folders it was written for, when they are on
  // this machine: `diagnose --gopls-log ~/gopls.log` from anywhere checks the log's workspace.
  if (!args.workspaces.length && args.goplsLogs.length) {
    const named = [...new Set((await Promise.all(args.goplsLogs.map((l) => logFolders(path.resolve(l))))).flat())];
    const here = (await Promise.all(named.map(async (d) => ((await fs.stat(d).catch(() => undefined))?.isDirectory() ? d : undefined)))).filter((d): d is string => !!d);
    if (here.length && !(here.length === 1 && here[0] === workspaces[0])) {
      workspaces = here;
      process.stderr.write(`go-env-doctor: diagnosing ${here.map((d) => jsonForTerminal(d)).join(', ')}, the folder${here.length > 1 ? 's' : ''} the gopls log was written for (--workspace chooses another)\n`);
    }
  }
  // A multi-root workspace file opens its folders, with its settings between the user's and each
  // folder's, as VS Code opens it (a tester's was refused as "not a readable directory").
  const workspaceFiles: EditorSettingsSource[] = [];
  const expanded: string[] = [];
  for (const w of workspaces) {
    if (!w.endsWith('.code-workspace') || !(await fs.stat(w).catch(() => undefined))?.isFile()) {
      expanded.push(w);
      continue;
    }
    const read = await readUserFile(w, CAP.smallConfig);
    const parsed = read.ok ? parseCodeWorkspace(read.text, w) : undefined;
    if (!parsed || parsed.error || !parsed.folders.length) {
      process.stderr.write(`go-env-doctor: --workspace ${jsonForTerminal(w)} is a workspace file with no folder to open${parsed?.error ? ` (${parsed.error})` : read.ok ? '' : ` (${read.code})`}\n`);
      return 3;
    }
    expanded.push(...parsed.folders);
    workspaceFiles.push(parsed.settings);
  }
  workspaces = [...new Set(expanded)];
  for (const w of workspaces) {
    const st = await fs.stat(w).catch((e: NodeJS.ErrnoException) => e);
    // A folder behind one the user may not search is theirs to be told about, not the doctor's
    // failure: the run goes on and the probes say which directory refuses (a tester's exit 3).
    if (st instanceof Error && ((st as NodeJS.ErrnoException).code === 'EACCES' || (st as NodeJS.ErrnoException).code === 'EPERM')) continue;
    if (st instanceof Error || !st.isDirectory()) {
      process.stderr.write(`go-env-doctor: --workspace ${jsonForTerminal(w)} is not a readable directory${st instanceof Error ? ` (${st.code})` : ''}\n`);
      return 3;
    }
  }
  // --file names the file open in the editor: one that is not there is a mistyped flag, not a
  // report of "no problems" with the check skipped (a tester's --file nope.go exited 0).
  if (args.file !== undefined) {
    const st = await fs.stat(path.resolve(args.file)).catch((e: NodeJS.ErrnoException) => e);
    if (st instanceof Error ? (st as NodeJS.ErrnoException).code === 'ENOENT' || (st as NodeJS.ErrnoException).code === 'ENOTDIR' : !st.isFile()) {
      process.stderr.write(`go-env-doctor: --file ${jsonForTerminal(args.file)} is not a file${st instanceof Error ? ` (${(st as NodeJS.ErrnoException).code})` : ''}\n`);
      return 3;
    }
  }
  const goplsLogs = args.goplsLogs.map((l) => path.resolve(l));
  for (const l of goplsLogs) {
    // The same non-blocking open the reader does: a FIFO or /proc/kmsg is refused here at once,
    // where a stat would call /proc/kmsg a regular file and the read would then hang.
    const opened = await openLogFile(l);
    if (opened.ok) await opened.handle.close();
    else {
      process.stderr.write(`go-env-doctor: cannot read --gopls-log ${jsonForTerminal(l)}: ${opened.error.code === 'ENOTFILE' ? opened.error.message.slice(l.length + 2) : opened.error.code}\n`);
      return 3;
    }
  }
  // The editor's settings files, as the settings probe reads them: the Go extension's choices that
  // decide which gopls and tools it runs and where gopls logs (go.alternateTools,
  // go.languageServerFlags, go.toolsGopath, go.toolsManagement.go), from the user's own files only
  // (a checkout's .vscode/settings.json names no binary for the CLI to run, as in Restricted Mode).
  // The user's own go.toolsEnvVars, go.goroot and go.gopath are applied over the environment the CLI
  // was started with, as the Go extension applies them to every tool it runs (measured: a user
  // setting GOFLAGS=-mod=vendor, which broke gopls in the editor, gave "no problems found" here).
  // A checkout's own values are not, as in Restricted Mode; the settings probe names them.
  // Read before the run, so under a deadline of its own: a home on a stalled network file system
  // must not hold the CLI before its run has even started. What was read is handed to the run, so
  // the files are read once; only when this read ran out of time do the probes read them again,
  // under their own deadlines.
  const fromFilesRead = await Promise.race([readEditorSettings(process.env, workspaces), new Promise<undefined>((resolve) => setTimeout(resolve, Math.min(2000, args.timeoutMs / 4), undefined).unref())]);
  // The workspace file's settings sit after the user's files and before the folders' (later wins).
  const editorSettings = fromFilesRead && workspaceFiles.length ? withWorkspaceFiles(fromFilesRead, workspaceFiles, new Set(userSettingsFiles(process.env))) : fromFilesRead;
  const inputs = doctorInputs(snapshotFromSettingsFiles(editorSettings ?? [], new Set(userSettingsFiles(process.env)), workspaces[0]), process.env);
  const fromFiles = inputs.settings;
  // A workspace's own go.toolsEnvVars or go.goroot are not applied (as Restricted Mode does), which a
  // tester's .code-workspace GOFLAGS showed only as "no problems": say so, naming the setting; the
  // run goes on without it. (The note that no workspace binary runs at all is true of every run.)
  for (const note of inputs.restrictedNotes) if (/^Workspace go\.(?:toolsEnvVars|goroot)\b/.test(note)) process.stderr.write(`go-env-doctor: ${note} A trusted VS Code window applies them: open the folder there (Go: Diagnose Environment) to check them.\n`);
  const gopls = args.gopls ? (args.gopls.includes('/') ? path.resolve(args.gopls) : args.gopls) : fromFiles.alternateGopls;
  const ac = new AbortController();
  process.once('SIGINT', () => ac.abort(new Error('interrupted')));
  const progress = args.format === 'text' && process.stderr.isTTY;
  const textOpts = { color: args.color ?? (process.stdout.isTTY && !process.env.NO_COLOR), verbose: args.verbose };
  let shown: Report | undefined;
  const { report, tracePath } = await diagnose({
    workspaces,
    goplsLogs,
    env: inputs.env,
    timeoutMs: args.timeoutMs,
    // A path with a slash is relative to where the user stands, not to the workspace gopls runs in;
    // a bare name is looked up on PATH like go.alternateTools does.
    settings: {
      ...(gopls ? { alternateGopls: gopls } : {}),
      ...(fromFiles.alternateTools ? { alternateTools: fromFiles.alternateTools } : {}),
      ...(fromFiles.toolsGopath ? { toolsGopath: fromFiles.toolsGopath } : {}),
      ...(fromFiles.toolsGo ? { toolsGo: fromFiles.toolsGo } : {}),
      ...(fromFiles.goplsFlags ? { goplsFlags: fromFiles.goplsFlags } : {}),
      ...(fromFiles.toolsEnvVarsKeys ? { toolsEnvVarsKeys: fromFiles.toolsEnvVarsKeys } : {}),
      // The CLI reads a workspace's settings as Restricted Mode applies them: flags from there are
      // checked, but the log file they name is not opened.
      ...(fromFiles.goplsFlagsFromWorkspace ? { goplsFlagsFromWorkspace: true, trustWorkspaceBinaries: false } : {}),
      ...(fromFiles.goplsSettings ? { goplsSettings: fromFiles.goplsSettings } : {}),
      ...(editorSettings ? { editorSettings: [...editorSettings] } : {}),
      ...(args.online ? { online: true } : {}),
      ...(args.file ? { activeFile: path.resolve(args.file) } : {}),
      ...(args.noCache ? { noCache: true } : {}),
      // The printed fixes are pasted into the user's shell.
      ...(process.env.SHELL ? { shell: resolveUserShell(process.env.SHELL) } : {}),
    },
    recordTraceSeconds: args.recordTraceSeconds,
    signal: ac.signal,
    // Each verdict and late result the engine hands a listener is redacted first (secretlint over
    // the whole report, 50-150 ms of this thread while gopls type-checks): only text prints one.
    onProgress: args.format !== 'text' ? undefined : (e) => {
      if (progress && e.type === 'probeFinished') process.stderr.write(`\r\u001b[2Kdiagnosing… ${e.done}/${e.total} probes (${e.record.id} ${e.record.status})`);
      // Text shows the verdict as soon as it stands; a follow-up (gopls's type-check proof) is
      // printed under it when it settles. JSON and Markdown wait for the whole report.
      if (e.type === 'verdict' && e.report.probes.some((p) => p.followUp?.status === 'pending')) {
        if (progress) process.stderr.write('\r\u001b[2K');
        shown = e.report;
        process.stdout.write(renderText(e.report, textOpts));
        if (progress) process.stderr.write('waiting for the follow-up…');
      }
    },
  });
  if (progress) process.stderr.write('\r\u001b[2K');
  switch (args.format) {
    case 'json':
      process.stdout.write(`${jsonForTerminal(report)}\n`);
      break;
    case 'markdown':
      process.stdout.write(renderMarkdown(report));
      break;
    case 'gopls-issue': {
      const issue = goplsIssue(report, { editor: 'none (go-env-doctor CLI)' });
      process.stdout.write(`${issue.url}\n`);
      if (issue.trimmed.length) process.stderr.write(`go-env-doctor: the report was trimmed to fit a URL (${issue.trimmed.join('; ')}); paste the whole one from --markdown\n`);
      for (const w of issue.warnings) process.stderr.write(`go-env-doctor: ${w}\n`);
      break;
    }
    case 'text':
      process.stdout.write(shown ? renderLateResults(shown, report, textOpts) : renderText(report, textOpts));
      break;
  }
  // The trace stays where the report's evidence points, but it is gopls's own record, not
  // redacted (its settings and environment replies hold what build.env and GOPROXY hold): a tester
  // found one per run in TMPDIR and nothing said so.
  if (tracePath) process.stderr.write(`go-env-doctor: the gopls trace is ${tracePath}; it is not redacted (it holds gopls's settings and environment): delete it when you are done with it (rm -r ${quoteForDisplay(path.dirname(tracePath))})\n`);
  return exitCodeOf(report);
}

// A reader that went away (`diagnose | true`, a pager quit early) makes writes fail with EPIPE,
// which Node raises as an unhandled 'error' event: a stack trace and exit 1 (measured). Nobody
// reads the report then; the run still ends as main decides, with the diagnosis's exit status.
// Any other write error (stdout redirected to a full disk: ENOSPC, EIO, EDQUOT) lost the report:
// that is the doctor failing, exit 3 with one line, not a stack trace and exit 1, which a CI job
// reads as "warnings only". The run still ends normally, so its children are stopped as always.
let reportLost = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'EBADF') return;
    // Only the report's loss is the doctor failing: a full stderr (`2>/dev/full`) loses notes
    // beside a report that was written, and the diagnosis's own status stands (a reviewer's).
    if (stream !== process.stdout) return;
    if (!reportLost) {
      try {
        process.stderr.write(`go-env-doctor: the report could not be written to stdout: ${e.message}\n`);
      } catch {
        // stderr is gone too: the exit status alone says it.
      }
    }
    reportLost = true;
    // The error may come after main has set the status (a buffered write failing late).
    process.exitCode = 3;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = reportLost ? 3 : code;
  },
  (e: unknown) => {
    process.stderr.write(`go-env-doctor: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 3;
  },
);
