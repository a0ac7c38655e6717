// Pure: argv → a validated command, or an error message for a one-line stderr and exit 3.
import { z } from 'zod';

export const USAGE = `usage: go-env-doctor diagnose [--workspace DIR]... [--gopls-log FILE]... [--json | --markdown]
                              [--timeout-ms N] [--gopls PATH] [--record-trace SECONDS] [--online] [--file FILE] [--verbose] [--no-color]
                              [--gopls-issue] [--no-cache]

  --workspace DIR        a folder to diagnose as if open in the editor (repeatable; default: the current directory);
                         a .code-workspace file opens its folders, with its settings
  --gopls-log FILE       a gopls log to analyse: -logfile output, an -rpc.trace capture, or the editor's
                         "gopls (server)" log (repeatable)
  --json                 print the report as one JSON document on stdout and nothing else
  --markdown             print the report as Markdown, ready to paste into a bug report
  --timeout-ms N         deadline for the whole run (default 8000)
  --gopls PATH           the gopls to check, as go.alternateTools.gopls would name it
  --record-trace SECONDS start a private gopls with -rpc.trace on the workspace, and analyse its trace
                         (the hold comes on top of --timeout-ms; gopls's start and shutdown fit in it)
  --online               also ask GOPROXY for one dependency of the workspace (without it the doctor asks
                         no server itself; its gopls loads the workspace as the editor's does)
  --file FILE            a .go file as if open in the editor: is it left out of the build by its
                         //go:build line or its _GOOS/_GOARCH name, and which gopls setting includes it
  --verbose              show every finding and evidence line
  --no-color             plain text even on a terminal
  --gopls-issue          print a link to a new gopls issue on github.com/golang/go, pre-filled with the
                         versions, go env and the redacted report (trimmed to fit a URL; what was cut goes
                         to stderr); open it in a browser, read it, and submit it yourself
  --no-cache             run the login shell afresh instead of taking its environment from the cache of an
                         earlier run (kept 10 minutes, and only while its start-up files are unchanged)

exit status: 0 no problem, 1 warnings only, 2 an error-severity cause, 3 the doctor itself failed`;

export const DiagnoseArgsSchema = z.object({
  command: z.literal('diagnose'),
  workspaces: z.array(z.string().min(1)),
  goplsLogs: z.array(z.string().min(1)),
  format: z.enum(['text', 'json', 'markdown', 'gopls-issue']),
  timeoutMs: z.number().int().min(100).max(600_000),
  gopls: z.string().min(1).optional(),
  recordTraceSeconds: z.number().min(1).max(600).optional(),
  verbose: z.boolean(),
  online: z.boolean().optional(),
  file: z.string().min(1).optional(),
  color: z.boolean().optional(),
  noCache: z.boolean().optional(),
});
export type DiagnoseArgs = z.infer<typeof DiagnoseArgsSchema>;

export type ParsedArgs = { ok: true; args: DiagnoseArgs } | { ok: true; help: true } | { ok: true; version: true } | { ok: false; error: string };

const WITH_VALUE = new Set(['--workspace', '--gopls-log', '--timeout-ms', '--gopls', '--record-trace', '--file']);

export function parseArgs(argv: readonly string[], defaultTimeoutMs: number): ParsedArgs {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { ok: true, help: true };
  if (argv[0] === '--version' || argv[0] === 'version') return { ok: true, version: true };
  if (argv[0] !== 'diagnose') return { ok: false, error: `unknown command ${JSON.stringify(argv[0])} (expected "diagnose")` };
  // `diagnose --help` asks for the usage too (a tester's exited 3, "the doctor itself failed").
  if (argv.slice(1).some((a) => a === '--help' || a === '-h')) return { ok: true, help: true };
  const raw = { command: 'diagnose' as const, workspaces: [] as string[], goplsLogs: [] as string[], format: 'text' as 'text' | 'json' | 'markdown' | 'gopls-issue', timeoutMs: defaultTimeoutMs, gopls: undefined as string | undefined, recordTraceSeconds: undefined as number | undefined, verbose: false, color: undefined as boolean | undefined, online: undefined as boolean | undefined, file: undefined as string | undefined, noCache: undefined as boolean | undefined };
  let formatFlag: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    let value: string | undefined = eq > 0 ? a.slice(eq + 1) : undefined;
    if (WITH_VALUE.has(flag) && value === undefined) {
      value = argv[++i];
      if (value === undefined) return { ok: false, error: `${flag} needs a value` };
    } else if (!WITH_VALUE.has(flag) && value !== undefined) return { ok: false, error: `${flag} takes no value` };
    switch (flag) {
      case '--workspace':
        raw.workspaces.push(value!);
        break;
      case '--gopls-log':
        raw.goplsLogs.push(value!);
        break;
      case '--timeout-ms': {
        if (!/^\d+$/.test(value!)) return { ok: false, error: `--timeout-ms needs a whole number of milliseconds, not ${JSON.stringify(value)}` };
        raw.timeoutMs = Number(value);
        break;
      }
      case '--gopls':
        raw.gopls = value;
        break;
      case '--record-trace': {
        if (!/^\d+(\.\d+)?$/.test(value!)) return { ok: false, error: `--record-trace needs a number of seconds, not ${JSON.stringify(value)}` };
        raw.recordTraceSeconds = Number(value);
        break;
      }
      case '--json':
      case '--markdown':
      case '--gopls-issue': {
        if (formatFlag && formatFlag !== flag) return { ok: false, error: `${formatFlag} and ${flag} cannot be combined` };
        formatFlag = flag;
        raw.format = flag === '--json' ? 'json' : flag === '--markdown' ? 'markdown' : 'gopls-issue';
        break;
      }
      case '--verbose':
        raw.verbose = true;
        break;
      case '--online':
        raw.online = true;
        break;
      case '--file':
        raw.file = value;
        break;
      case '--no-color':
        raw.color = false;
        break;
      case '--no-cache':
        raw.noCache = true;
        break;
      default:
        return { ok: false, error: `unknown flag ${JSON.stringify(a)}` };
    }
  }
  const parsed = DiagnoseArgsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid ${issue?.path.join('.') ?? 'arguments'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, args: parsed.data };
}
