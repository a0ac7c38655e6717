// cgo: does the C compiler go will run exist for the editor, and is cgo on where the workspace
// needs it. Two traps, both silent in the editor until a build:
// - CGO_ENABLED=1 (set by the user) with `go env CC` not found: every package that imports "C",
//   and runtime/cgo under every program that imports net or os/user, fails with
//   `cgo: C compiler "gcc" not found`.
// - CGO_ENABLED=0 (set, or chosen by go itself because CC is not on PATH) while workspace files
//   import "C": go and gopls drop those files, so what they declare is "undefined" elsewhere and a
//   package made only of them "matches no packages".
// - cgo on and the compiler found, but a library a cgo file includes is not where the compiler or
//   pkg-config look (cgoHeaders.ts): "fatal error: pcap.h: No such file or directory"; or a
//   package's C++ or Fortran files need a compiler (go env CXX, FC) the editor cannot find, or a
//   header the C++ compiler cannot (cgoCompanions.ts).
// Class: env-inheritance for all of them. The fix is always in the environment the tools get (CC on
// PATH, CC or CGO_ENABLED in go.toolsEnvVars, or a compiler installed), and the usual story is a
// PATH the editor did not inherit. The excluded files explain red squiggles, so the finding says
// it explains module-resolution.
import { exportSites } from '../facts/exportSites.js';
import { removeExportFix } from '../fixes/catalog.js';
import path from 'node:path';
import { promises as fs, constants as fsConst } from 'node:fs';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { skipped } from './probe.js';
import { resolveProgram } from '../facts/lookPath.js';
import { hasOption, mountOf, parseMountTable, type MountLine } from '../procfs/mountTable.js';
import { octalMode } from '../host/fileMode.js';
import { remountFix } from './mounts.js';
import { cCompilerInstallFix, ccPathFix, ccUnsetFix, cgoDisableFix, cgoEnableFix, clangInstallFix } from '../fixes/cgo.js';
import { walkDirs } from '../host/walk.js';
import { buildContextOf } from '../lsp/goplsBuild.js';
import { importsC } from '../lsp/buildConstraint.js';
import { brokenCompilerFinding, cgoHeaderFindings, emptyFileFailure } from './cgoHeaders.js';
import { ccOrigin, ccProgram, splitQuoted } from './cgoPreamble.js';
import { cgoDependencyFiles } from './cgoDependencies.js';
import { cgoOffDependencies, cgoOffFindings } from './cgoOffDependencies.js';
import { programInLogin } from './programInLogin.js';
import { cgoOnlyPackages } from './cgoOnlyPackages.js';

const WALK_MAX_FILES = 4000;
const WALK_MAX_DIRS = 3000;
const WALK_MAX_DEPTH = 8;
/** The import block sits at the top; 16 KiB covers a long licence header and preamble. */
const HEAD_BYTES = 16 * 1024;
const READ_AHEAD = 16;

const optional = (installFix: Fix | undefined): { installFix?: Fix } => (installFix ? { installFix } : {});

export { ccProgram } from './cgoPreamble.js';
/** Whether a Go source imports "C": the build's own reading (buildConstraint.ts), re-exported for the walk's callers. */
export { importsC };

export interface CgoFileWalk {
  files: string[];
  scanned: number;
  truncated?: 'files' | 'dirs' | 'time';
}

/** The workspace's .go files that import "C", walked as `go list ./...` would (no vendor, testdata, dot dirs). */
export async function findCgoFiles(roots: readonly string[], deadline: number): Promise<CgoFileWalk> {
  const res: CgoFileWalk = { files: [], scanned: 0 };
  const walk = await walkDirs(roots, { maxDirs: WALK_MAX_DIRS, maxDepth: WALK_MAX_DEPTH, deadline }, async (dir, entries) => {
    // Not _test.go: cgo is not allowed in tests, and x/tools's tests hold whole cgo files in raw strings.
    const names = entries.filter((e) => e.isFile() && e.name.endsWith('.go') && !e.name.endsWith('_test.go') && !e.name.startsWith('.') && !e.name.startsWith('_')).map((e) => e.name);
    // A few files at a time: the reads overlap, and a huge directory cannot take every descriptor.
    for (let i = 0; i < names.length; i += READ_AHEAD) {
      if (res.scanned >= WALK_MAX_FILES) {
        res.truncated = 'files';
        return 'stop';
      }
      const batch = names.slice(i, Math.min(i + READ_AHEAD, i + WALK_MAX_FILES - res.scanned));
      res.scanned += batch.length;
      const heads = await Promise.all(batch.map((n) => readHead(path.join(dir, n))));
      heads.forEach((h, k) => {
        if (h !== undefined && importsC(h)) res.files.push(path.join(dir, batch[k]!));
      });
    }
  });
  if (walk.truncated === 'dirs' || walk.truncated === 'time') res.truncated = walk.truncated;
  return res;
}

async function readHead(p: string): Promise<string | undefined> {
  const buf = Buffer.alloc(HEAD_BYTES);
  const h = await fs.open(p, fsConst.O_RDONLY | fsConst.O_NONBLOCK).catch(() => undefined);
  if (!h) return undefined;
  try {
    const { bytesRead } = await h.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await h.close().catch(() => undefined);
  }
}

export const cgoProbe: Probe = {
  id: 'cgo',
  title: 'cgo and the C compiler',
  classes: ['env-inheritance', 'noexec-mount'],
  async run(ctx) {
    const goEnv = await ctx.facts.goEnv();
    if (!goEnv.ok) return skipped(`go env is unavailable (${goEnv.reason}); the go-env probe reports why`);
    const v = goEnv.values;
    const enabled = v.CGO_ENABLED === '1';
    const program = ccProgram(v.CC || 'gcc') ?? 'gcc';
    const found = await resolveProgram(program, ctx.env);
    const observed: Record<string, unknown> = { CGO_ENABLED: v.CGO_ENABLED ?? '', CC: v.CC ?? '', ccFound: found ?? null };
    // cgo on and its compiler found: what the workspace's cgo files include must be there too.
    // A late result, as gopls's type-check: the walk reads a head of every .go file (about 100 ms
    // alone on x/tools, more beside the other probes), which the verdict need not wait for.
    if (enabled && found) {
      if (!ctx.workspaces.length || !ctx.host.live) return { observed };
      const check = async (): Promise<ProbeOutcome> => {
        // After the verdict: the walk's reads would otherwise compete with the probes it waits for.
        await ctx.verdictReady;
        const budget = Math.max(200, Math.min(1500, ctx.remainingMs() - 1500));
        const roots = ctx.workspaces.map((w) => path.resolve(w));
        // The workspace's own cgo files, and its dependencies' as go lists them (about 0.4 s on x/tools).
        const [walk, deps] = await Promise.all([
          findCgoFiles(roots, performance.now() + budget),
          cgoDependencyFiles(ctx, goEnv.goBinary, roots, Math.max(500, Math.min(5000, ctx.remainingMs() - 1500))),
        ]);
        const own = new Set(walk.files);
        const files = [...walk.files, ...deps.files.filter((f) => !own.has(f))];
        const seen = { ...observed, cgoFileCount: walk.files.length, scannedGoFiles: walk.scanned, cgoDependencyFiles: files.length - walk.files.length, ...(deps.skipped.length ? { cgoDependenciesNotListed: deps.skipped } : {}) };
        if (!files.length) {
          // No cgo file, but runtime/cgo is built (net, os/user): a CC that fails on everything
          // fails these programs too (measured: go build of a main importing net, "# runtime/cgo").
          if (!deps.runtimeCgo || !roots[0]) return { observed: seen };
          const broken = await emptyFileFailure(ctx, found, splitQuoted(v.CC || 'gcc').slice(1), roots[0]);
          if (!broken) return { observed: seen };
          const finding = await brokenCompilerFinding(ctx, { values: v, cc: found, workspaceImportsC: !!walk.truncated }, broken, seen, true);
          return { observed: seen, findings: [finding] };
        }
        const login = await ctx.facts.loginShellEnv();
        const headers = await cgoHeaderFindings(ctx, {
          files,
          build: buildContextOf(v, process.arch).ctx,
          values: v,
          cc: found,
          osRelease: await ctx.host.readText('/etc/os-release'),
          loginEnv: login.ok ? login.env : undefined,
          // A walk cut short may have missed one: then CGO_ENABLED=0 is not offered.
          workspaceImportsC: walk.files.length > 0 || !!walk.truncated,
        });
        return { observed: { ...seen, ...headers.observed }, findings: headers.findings };
      };
      return { observed, followUp: { title: 'what cgo files include', outcome: check() } };
    }
    if (!enabled && !found && !ctx.workspaces.length) return { observed };
    // A compiler named by its path that is there, executable, and refused: a noexec mount (go says
    // 'cgo: C compiler "…" not found: exec: "…": permission denied'; a tester's was told "no
    // executable file there", and the mount never came up).
    if (enabled && !found && program.includes('/')) {
      const noexec = await noexecCompiler(ctx, program);
      if (noexec) {
        observed.ccNoexecMount = noexec.mount.mountPoint;
        return { observed, findings: [noexecCompilerFinding(program, v, ctx.env, noexec, await resolveProgram('gcc', ctx.env))] };
      }
    }

    const login = await ctx.facts.loginShellEnv();
    const osRelease = await ctx.host.readText('/etc/os-release');
    // CC names a compiler other than go's default while gcc is installed: the way out is to stop
    // naming it (or to install that one), not to install gcc (measured: CC=clang exported on a
    // machine with /usr/bin/gcc was told "no C compiler is installed" and offered apt-get install gcc).
    const origin = ccOrigin(ctx.env.CC, v.CC);
    const ccNamed = !found && program !== 'gcc' && origin !== 'default' ? origin : undefined;
    const gcc = ccNamed ? await resolveProgram('gcc', ctx.env) : undefined;
    const lookup = await programInLogin({
      program,
      loginEnv: login.ok ? login.env : undefined,
      loginSource: login.ok ? login.commandLine : 'login shell',
      editorEnv: ctx.env,
      pathFix: ccPathFix,
      ...(gcc ? optional(clangInstallFix(osRelease, program)) : { installFix: cCompilerInstallFix(osRelease) }),
      notInstalled: gcc ? ` It is not on your login shell's PATH either: ${program} is not installed.` : " It is not on your login shell's PATH either: no C compiler is installed.",
    });
    let ccNote = '';
    if (gcc && !lookup.inLogin) {
      const ccFromSetting = ccNamed === 'env' && (ctx.settings.toolsEnvVarsKeys ?? []).includes('CC');
      const from = ccFromSetting ? 'go.toolsEnvVars in your editor settings' : ccNamed === 'env' ? 'the environment the editor was started with' : `your go env file (${v.GOENV || 'GOENV'}, go env -w)`;
      const loginCc = login.ok ? login.env.CC : undefined;
      const terminal = ccFromSetting ? ' The setting reaches the editor\'s tools only: go in a terminal builds with gcc.' : ccNamed === 'env' && login.ok && !loginCc ? ' Your login shell does not set CC, so go in a terminal builds with gcc.' : '';
      ccNote = ` CC=${v.CC} comes from ${from}; without it go would run its default, gcc, which is at ${gcc}.${terminal}`;
      lookup.fixes.unshift(ccNamed === 'env' ? ccPathFix(gcc) : ccUnsetFix());
      // Exported by the login shell too: the setting fixes the editor alone, and go build in a
      // terminal keeps failing (a tester's). The line that sets it is the fix for both.
      if (ccNamed === 'env' && !ccFromSetting && login.ok && loginCc === v.CC) {
        const sites = await exportSites('CC', login.shell, ctx.env, ctx.env.HOME ?? '');
        lookup.fixes.unshift(...sites.slice(0, 2).map((site) => removeExportFix(site, 'CC', ctx.env.HOME)));
        lookup.evidence.push(...sites.slice(0, 2).map((site) => ({ source: site.file, line: site.line, excerpt: site.text })));
      }
      lookup.evidence.push({ source: 'PATH lookup (editor environment)', excerpt: `gcc: ${gcc}` });
      if (ccNamed === 'env' && login.ok) lookup.evidence.push({ source: login.commandLine, excerpt: loginCc ? `CC=${loginCc}` : 'CC is not set' });
    }
    const inLogin = lookup.inLogin;
    observed.ccInLoginShell = inLogin ?? null;
    const budget = Math.max(200, Math.min(1500, ctx.remainingMs() - 500));
    const walk = await findCgoFiles(ctx.workspaces.map((w) => path.resolve(w)), performance.now() + budget);
    observed.cgoFiles = walk.files.slice(0, 10);
    observed.cgoFileCount = walk.files.length;
    observed.scannedGoFiles = walk.scanned;
    if (walk.truncated) observed.walkTruncated = walk.truncated;

    const envEv: Evidence = { source: goEnv.commandLine, excerpt: `"CGO_ENABLED": ${JSON.stringify(v.CGO_ENABLED ?? '')}\n"CC": ${JSON.stringify(v.CC ?? '')}` };
    const lookEv: Evidence = program.includes('/')
      ? { source: `stat ${program}`, excerpt: found ? 'an executable file' : 'no executable file there' }
      : { source: 'PATH lookup (editor environment)', excerpt: `${program}: ${found ?? 'not found'} in ${ctx.env.PATH ?? '<unset>'}` };
    const evidence: Evidence[] = [envEv, lookEv];
    evidence.push(...lookup.evidence);
    if (walk.files.length) evidence.push({ source: `files importing "C" (${walk.files.length} of ${walk.scanned} .go files read)`, excerpt: walk.files.slice(0, 5).join('\n') });
    const compilerFixes = (): Fix[] => [...lookup.fixes];
    const where = lookup.where;

    if (enabled) {
      const setBy = ctx.env.CGO_ENABLED !== undefined ? 'the environment' : `your go env file (${v.GOENV || 'GOENV'}) or the toolchain's default`;
      const files = walk.files.length ? ` ${walk.files.length} file${walk.files.length === 1 ? '' : 's'} of the workspace import${walk.files.length === 1 ? 's' : ''} "C" (${walk.files.slice(0, 2).map((f) => path.basename(f)).join(', ')}).` : '';
      const fixes = compilerFixes();
      if (!walk.files.length) fixes.push(cgoDisableFix());
      return {
        observed,
        findings: [
          {
            classId: 'env-inheritance',
            severity: 'error',
            confidence: inLogin ? 0.95 : 0.9,
            message:
              `CGO_ENABLED=1 (from ${setBy}) but its C compiler ${JSON.stringify(program)} (go env CC) is not found: go build, go test and gopls fail on every package that imports "C", and on any program importing net or os/user, with "cgo: C compiler ${JSON.stringify(program)} not found".${where}${ccNote}${files}`,
            evidence,
            fixes,
            explains: ['module-resolution'],
            // The login shell has the same compiler trouble (not on its PATH either, or the same CC):
            // a terminal's go build fails too, so it is cgo's heading, not the environment's.
            ...(inLogin || (ccNamed === 'env' && login.ok && login.env.CC !== v.CC) ? {} : { headline: 'cgo-build' as const }),
          },
        ],
      };
    }

    const why =
      ctx.env.CGO_ENABLED === '0'
        ? 'CGO_ENABLED=0 is set in the editor\'s environment'
        : !found
          ? `go turned cgo off by itself because its C compiler ${JSON.stringify(program)} is not on the editor's PATH`
          : `CGO_ENABLED=0 comes from your go env file (${v.GOENV || 'GOENV'})`;
    // The editor's environment differs from the login shell's in what turned cgo off: the compiler
    // is on the shell's PATH only, or CGO_ENABLED=0 is exported to the editor and not by the shell.
    const envDiffers = !!inLogin || (ctx.env.CGO_ENABLED === '0' && login.ok && login.env.CGO_ENABLED !== '0');
    // A compiler alone does not turn cgo back on when CGO_ENABLED=0 is exported.
    const fixes = (): Fix[] => (found ? [cgoEnableFix()] : [...compilerFixes(), ...(ctx.env.CGO_ENABLED === '0' ? [cgoEnableFix()] : [])]);
    const findings: FindingInput[] = [];
    // A package of cgo files alone has nothing left to build: every go build of it fails (a
    // tester's was a warning, exit 1). go says which, offline.
    const only = walk.files.length && ctx.host.live && ctx.workspaces[0] ? await cgoOnlyPackages(ctx, goEnv.goBinary, walk.files, path.resolve(ctx.workspaces[0])) : undefined;
    if (only?.packages.length) observed.cgoOnlyPackages = only.packages.map((p) => p.dir);
    if (walk.files.length)
      findings.push({
        classId: 'env-inheritance',
        severity: only?.packages.length ? 'error' : 'warning',
        confidence: found ? 0.6 : inLogin ? 0.85 : 0.7,
        message:
          `${why}, and ${walk.files.length} file${walk.files.length === 1 ? '' : 's'} in the workspace import${walk.files.length === 1 ? 's' : ''} "C": go and gopls leave ${walk.files.length === 1 ? 'it' : 'them'} out of the build, so what ${walk.files.length === 1 ? 'it declares' : 'they declare'} is "undefined" elsewhere, and a package made only of such files "matches no packages".` +
          (only?.packages.length ? ` ${only.packages.slice(0, 3).map((p) => p.dir).join(', ')} ${only.packages.length === 1 ? 'is such a package' : 'are such packages'}: go build fails there with "${only.packages[0]!.error}".` : '') +
          `${found ? '' : where}`,
        evidence: only?.packages.length ? [...evidence, { source: only.commandLine, excerpt: only.packages.slice(0, 4).map((p) => `${p.dir}: ${p.error}`).join('\n') }] : evidence,
        fixes: fixes(),
        explains: ['module-resolution'],
        ...(envDiffers ? {} : { headline: 'cgo-build' as const }),
      });
    // The dependencies' cgo after the verdict: two go lists (about 0.4 s each on x/tools).
    if (!ctx.workspaces.length || !ctx.host.live) return { observed, findings };
    const dependencies = async (): Promise<ProbeOutcome> => {
      await ctx.verdictReady;
      const roots = ctx.workspaces.map((w) => path.resolve(w));
      const list = await cgoOffDependencies(ctx, goEnv.goBinary, roots, Math.max(500, Math.min(5000, ctx.remainingMs() - 1500)));
      const seen = { cgoOffPackages: list.packages.map((p) => ({ importPath: p.importPath, dropped: p.dropped, standIns: p.standIns })), ...(list.skipped.length ? { cgoDependenciesNotListed: list.skipped } : {}) };
      const late = await cgoOffFindings(list.packages, { why, where: found ? '' : where, evidence: [envEv, lookEv, ...lookup.evidence], fixes: fixes() });
      // The follow-up's outcome replaces the first: it carries the workspace's finding too.
      return { observed: { ...observed, ...seen }, findings: [...findings, ...late] };
    };
    return { observed, findings, followUp: { title: "what the dependencies' cgo files lose", outcome: dependencies() } };
  },
};

interface NoexecCompiler {
  real: string;
  mode: number;
  mount: MountLine;
}

/** The compiler file exists with execute bits, on a mount with noexec: what refuses it. */
async function noexecCompiler(ctx: ProbeContext, program: string): Promise<NoexecCompiler | undefined> {
  const real = await fs.realpath(program).catch(() => undefined);
  const st = real ? await fs.stat(real).catch(() => undefined) : undefined;
  if (!real || !st?.isFile() || (st.mode & 0o111) === 0) return undefined;
  const text = await ctx.host.readText('/proc/self/mountinfo');
  const mount = text ? mountOf(parseMountTable(text), real) : undefined;
  return mount && hasOption(mount, 'noexec') ? { real, mode: st.mode & 0o7777, mount } : undefined;
}

function noexecCompilerFinding(program: string, v: Readonly<Record<string, string>>, env: NodeJS.ProcessEnv, n: NoexecCompiler, gcc: string | undefined): FindingInput {
  const fromEnv = env.CC !== undefined;
  return {
    classId: 'noexec-mount',
    severity: 'error',
    confidence: 0.95,
    message: `cgo's C compiler ${JSON.stringify(program)} (go env CC, from ${fromEnv ? 'the environment' : `your go env file (${v.GOENV || 'GOENV'})`}) is on ${n.mount.mountPoint}, mounted noexec: the kernel refuses to run it whatever its mode (${octalMode(n.mode)}), so go build, go test and gopls fail on every package that imports "C", and on any program importing net or os/user, with 'cgo: C compiler ${JSON.stringify(program)} not found: exec: ${JSON.stringify(program)}: permission denied'.`,
    evidence: [
      { source: 'go env CC', excerpt: v.CC ?? program },
      { source: `stat ${n.real}`, excerpt: `regular file, mode ${octalMode(n.mode)}` },
      { source: '/proc/self/mountinfo', excerpt: n.mount.raw, line: n.mount.line },
    ],
    fixes: [
      ...(gcc ? [ccPathFix(gcc)] : []),
      ...(!fromEnv ? [ccUnsetFix()] : []),
      remountFix('cgo-cc-remount-exec', n.mount, 'exec'),
    ],
    explains: ['module-resolution'],
  };
}
