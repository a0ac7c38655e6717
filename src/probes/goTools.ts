// The tool inventory (issue 10 item 7), a "Locate Configured Go Tools" that also says what built
// each tool: every Go tool the Go extension runs, found in its own lookup order, then one
// `go version -m` over all of them for the version and the Go each was built with. A tool built
// with an older Go than the one in use parses and type-checks with that older Go (or, for Delve,
// refuses newer programs): a warning, with the `go install` that rebuilds it where it was found.
import path from 'node:path';
import type { FindingInput, Tool } from '../doctor/model.js';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { skipped } from './probe.js';
import { GO_TOOLS } from '../facts/goToolsCatalog.js';
import { DirListings, locateTool, type ToolLocation } from '../facts/toolLocate.js';
import { parseGoVersionMErrors, parseGoVersionMFiles, type BuildInfo } from '../facts/buildInfo.js';
import { goMinor } from '../lsp/goplsBinary.js';
import { buildInfoGo } from '../host/noDownload.js';
import { readAmd64Cpu } from '../facts/cpu.js';
import { reinstallToolFix } from '../fixes/catalog.js';

/** The build info of every tool is read by one command, capped in output; it gets the probe's time left. */
const VERSION_M_MAX_BUFFER = 1024 * 1024;

/**
 * Tools that type-check or debug with the Go they were built with, and so fail outright on code
 * for a newer Go: a warning. The others (formatters, generators) only parse: an info.
 */
const BREAKS_ON_NEWER_GO = new Set(['dlv', 'staticcheck', 'golangci-lint', 'revive', 'golint']);

/** What an old build costs the user, by what the tool does with the Go it was built with. */
function consequence(name: string, builtWith: string): string {
  if (name === 'dlv') return `Delve checks the Go version of the program it debugs and refuses one newer than it supports ("Go version … is too new for this version of Delve"), so debugging fails`;
  if (BREAKS_ON_NEWER_GO.has(name))
    return `a linter type-checks with the go/types of ${builtWith}, so code that uses newer language features or a go.mod asking for a newer go fails to lint ("requires newer Go version")`;
  return `it reads Go code with the go/parser of ${builtWith}, so newer syntax can fail`;
}

export interface ToolFindingsInput {
  tools: Tool[];
  goInUse?: string;
  commandLine: string;
  /** Per tool path, its `build GOAMD64=` setting (go version -m). */
  amd64?: ReadonlyMap<string, string>;
  /** This CPU's x86-64 level (procfs/cpuinfo.ts), when it is an amd64 machine. */
  cpu?: { level: number; model?: string };
}

/**
 * Pure: tools built for a newer x86-64 level than this CPU offers. Such a binary exits at start
 * ("This program can only be run on AMD64 processors with v3 microarchitecture support."): a gopls
 * prebuilt or installed where GOAMD64=v3 was set, copied into a VM whose CPU model is older.
 */
export function amd64Findings(input: ToolFindingsInput): FindingInput[] {
  const cpu = input.cpu;
  if (!cpu || !input.amd64) return [];
  const out: FindingInput[] = [];
  for (const t of input.tools) {
    const need = t.path ? input.amd64.get(t.path) : undefined;
    const n = need ? Number(/^v([1-4])$/.exec(need)?.[1]) : NaN;
    if (!t.path || !(n > cpu.level)) continue;
    const gopls = t.name === 'gopls';
    out.push({
      classId: 'gopls-launch',
      ...(gopls ? {} : { headline: 'stale-tools' }),
      severity: gopls ? 'error' : 'warning',
      confidence: 0.85,
      message: `${t.name} (${t.path}) was built with GOAMD64=${need}, but this CPU${cpu.model ? ` (${cpu.model})` : ''} offers only x86-64-v${cpu.level}: it exits at start with "This program can only be run on AMD64 processors with ${need} microarchitecture support."${gopls ? ' The editor has no language server until it is rebuilt for this CPU.' : ''}`,
      evidence: [{ source: `${input.commandLine} ${t.path}`, excerpt: `${t.path}: ${t.goVersion ?? ''}\n\tbuild\tGOAMD64=${need}` }, { source: '/proc/cpuinfo', excerpt: `x86-64-v${cpu.level}${cpu.model ? ` (${cpu.model})` : ''}` }],
      fixes: [reinstallToolFix({ name: t.name, importPath: t.version && /^v\d/.test(t.version) && t.packagePath ? t.packagePath : t.importPath, version: t.version, dir: path.dirname(t.path), goamd64: `v${cpu.level}` })],
    });
  }
  return out;
}

/** Pure: marks stale builds and makes one finding per stale tool (gopls's is the gopls probe's). */
export function toolFindings(input: ToolFindingsInput): { tools: Tool[]; findings: FindingInput[] } {
  const inUse = goMinor(input.goInUse);
  const findings: FindingInput[] = [];
  const tools = input.tools.map((t) => {
    const built = goMinor(t.goVersion);
    if (inUse === undefined || built === undefined || built >= inUse || !t.path) return t;
    const stale = { ...t, stale: true };
    // The gopls probe already reports its build lag with gopls's own words and fix.
    if (t.name === 'gopls') return stale;
    const sameTool = t.packagePath === undefined || t.packagePath === t.importPath || (t.version !== undefined && /^v\d/.test(t.version));
    const importPath = t.version && /^v\d/.test(t.version) && t.packagePath ? t.packagePath : t.importPath;
    findings.push({
      classId: 'gopls-launch',
      // Filed with gopls's class (the tools ride on the same install), but gopls is not failing.
      headline: 'stale-tools',
      severity: BREAKS_ON_NEWER_GO.has(t.name) ? 'warning' : 'info',
      confidence: 0.5,
      message: `${t.name} (${t.path}) was built with ${t.goVersion}, older than the go in use (${input.goInUse}): ${consequence(t.name, t.goVersion!)}; rebuild it with the current go`,
      evidence: [
        { source: `${input.commandLine} ${t.path}`, excerpt: `${t.path}: ${t.goVersion}${t.packagePath ? `\n\tpath\t${t.packagePath}` : ''}${t.modulePath ? `\n\tmod\t${t.modulePath}\t${t.version ?? ''}` : ''}` },
        { source: 'go env -json', excerpt: `GOVERSION=${input.goInUse}` },
      ],
      // A source build of another module under a tool's name is not ours to replace.
      fixes: sameTool ? [reinstallToolFix({ name: t.name, importPath, version: t.version, dir: path.dirname(t.path) })] : [],
    });
    return stale;
  });
  return { tools, findings };
}

async function runGoTools(ctx: ProbeContext): Promise<ProbeOutcome> {
  // The lookup reads the real file system: a fixture tree has no tools to find.
  if (!ctx.host.live) return skipped('not the live machine: the tools are looked up on the real file system');
  const goEnv = await ctx.facts.goEnv();
  const gopls = await ctx.facts.goplsLocation();
  const listings = new DirListings();
  const located = await Promise.all(
    GO_TOOLS.map(async (t): Promise<[typeof t, ToolLocation | undefined]> => {
      // gopls where the gopls probe found it, so the two never disagree (--gopls, the Go extension's API).
      if (t.name === 'gopls') return [t, gopls.found?.executable ? { path: gopls.found.path, source: gopls.found.source } : undefined];
      return [t, await locateTool(t.name, ctx.env, ctx.settings, goEnv, listings)];
    }),
  );
  const paths = [...new Set(located.flatMap(([, l]) => (l ? [l.path] : [])))];
  let infos = new Map<string, BuildInfo>();
  let errors = new Map<string, string>();
  let commandLine = 'go version -m';
  let readError: string | undefined;
  if (paths.length && goEnv.ok) {
    const r = await ctx.host.exec(goEnv.goBinary, ['version', '-m', ...paths], {
      timeoutMs: Math.max(100, ctx.remainingMs() - 100),
      signal: ctx.signal,
      env: buildInfoGo(ctx.env),
      maxBuffer: VERSION_M_MAX_BUFFER,
    });
    commandLine = `${path.basename(goEnv.goBinary)} version -m`;
    infos = parseGoVersionMFiles(r.stdout);
    errors = parseGoVersionMErrors(r.stderr, paths);
    if (r.timedOut || r.canceled || (r.errorCode && !r.stdout)) readError = `${r.commandLine.slice(0, 200)}: ${r.timedOut ? 'timed out' : r.errorCode ?? 'canceled'}`;
    // go failed as a whole (nothing printed, no line about one file): its own words, not "no build info".
    else if (r.failed && !r.stdout.trim() && !errors.size && r.stderr.trim()) readError = `${path.basename(goEnv.goBinary)} version -m failed: ${r.stderr.trim().split('\n')[0]!.slice(0, 200)}`;
  } else if (paths.length) readError = `build info not read: ${goEnv.ok ? 'no go' : goEnv.reason}`;

  const tools: Tool[] = located.map(([t, l]) => {
    const base: Tool = { name: t.name, importPath: t.importPath, found: !!l };
    if (!l) return base;
    const info = infos.get(l.path);
    const tool: Tool = { ...base, path: l.path, source: l.source };
    if (info) Object.assign(tool, { goVersion: info.goVersion, version: info.version, packagePath: info.packagePath, modulePath: info.modulePath });
    else tool.error = errors.get(l.path) ?? readError ?? 'no Go build info (not a Go binary, or built without module support)';
    return tool;
  });
  const goInUse = goEnv.ok ? goEnv.values.GOVERSION : undefined;
  const amd64 = new Map([...infos].flatMap(([p, i]) => (i.amd64 ? [[p, i.amd64] as const] : [])));
  // Every CPU runs v1: the CPU is read only when a tool needs more.
  const cpu = [...amd64.values()].some((l) => l !== 'v1') && process.arch === 'x64' ? await readAmd64Cpu(ctx.host) : undefined;
  const judged = toolFindings({ tools, goInUse, commandLine });
  judged.findings.push(...amd64Findings({ tools, commandLine, amd64, ...(cpu ? { cpu } : {}) }));
  const found = judged.tools.filter((t) => t.found);
  return {
    findings: judged.findings,
    observed: { goVersion: goInUse, looked: GO_TOOLS.map((t) => t.name), found: found.map((t) => t.name), stale: found.filter((t) => t.stale).map((t) => t.name) },
    sections: { tools: judged.tools },
  };
}

export const goToolsProbe: Probe = {
  id: 'go-tools',
  title: 'Go tools (inventory)',
  classes: ['gopls-launch'],
  // One go command over a dozen binaries, after go env: ~0.3 s, but on a loaded machine it passes
  // the default 5 s; the run's deadline stays the cap.
  timeoutMs: 20_000,
  run: runGoTools,
};
