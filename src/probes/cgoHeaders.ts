// Headers and pkg-config packages a cgo file needs and this machine lacks. The C compiler is there
// and cgo is on, yet `go build` stops with "fatal error: pcap.h: No such file or directory" (a
// library's development files not installed, or CGO_CFLAGS / PKG_CONFIG_PATH set in a shell and
// not in the editor), and gopls says only "go list failed to return CompiledGoFiles" and
// "undefined: C.x". Checked the way cgo does it: each preamble of a file in this build, through the
// user's compiler with -E (preprocess only, so nothing of the user's C is judged but its
// #includes), with CGO_CPPFLAGS, CGO_CFLAGS, the package's #cgo flags and its pkg-config packages'.
// The package's C++ and Fortran files need their own compilers (go env CXX, FC), and a C++ file's
// #includes are preprocessed with CXX the same way.
import path from 'node:path';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import { whyExcluded, type BuildContext } from '../lsp/buildConstraint.js';
import { ccOrigin, ccProgram, cgoPreamble, directiveApplies, expandSrcdir, missingHeaders, splitQuoted, type CgoDirective, type CgoPreamble } from './cgoPreamble.js';
import { COMPANION_LANGUAGES, companionSources, type CompanionLanguage } from './cgoCompanions.js';
import { lookPath, resolveProgram } from '../facts/lookPath.js';
import { distroOf, toolsEnvFix } from '../fixes/catalog.js';
import { companionCompilerInstallFix, companionCompilerPathFix, ccUnsetFix } from '../fixes/cgo.js';
import { programInLogin, type ProgramInLogin } from './programInLogin.js';
import { CAP, readUserText } from '../host/readUserFile.js';
import { brokenCcFixes, findWorkingCompiler } from './workingCompiler.js';

/** Files preprocessed at most: one per package is enough to name what a package lacks. */
const MAX_FILES = 6;
/** A package's #cgo directives gathered at most (a package of generated cgo files can hold hundreds). */
const MAX_DIRECTIVES = 200;
const CC_TIMEOUT_MS = 3000;

export interface CgoHeaderInput {
  files: readonly string[];
  build: BuildContext;
  /** go env: CC, CGO_CPPFLAGS, CGO_CFLAGS, PKG_CONFIG. */
  values: Record<string, string>;
  /** The compiler CC names, resolved on the editor's PATH. */
  cc: string;
  osRelease?: string;
  /** The login shell's environment, when read: its CPATH, CGO_CFLAGS or PKG_CONFIG_PATH may differ. */
  loginEnv?: NodeJS.ProcessEnv;
  /** A file of the workspace itself imports "C" (not only a dependency's): CGO_ENABLED=0 would drop it. */
  workspaceImportsC?: boolean;
}

interface Miss {
  file: string;
  pkgDir: string;
  kind: 'header' | 'pkg-config' | 'no-pkg-config' | 'library';
  /** The language of the file whose #include is missing: a preamble is C, a .cpp file C++. */
  language?: 'C' | 'C++';
  /** The header or the pkg-config package. */
  name: string;
  evidence: Evidence;
}

/** The cgo files of this build, one per package directory, preprocessed; what each lacks. */
export async function cgoHeaderFindings(ctx: ProbeContext, input: CgoHeaderInput): Promise<{ findings: FindingInput[]; observed: Record<string, unknown> }> {
  // Per package: its first cgo file in this build, whose preamble is preprocessed, and the #cgo
  // directives of all its cgo files (go/build gathers them package-wide: one file's pkg-config
  // line gives every file of the package, and its .cpp files, their flags).
  const perDir = new Map<string, { file: string; pre: CgoPreamble | undefined; directives: CgoDirective[] }>();
  for (const f of input.files) {
    const dir = path.dirname(f);
    const known = perDir.get(dir);
    if (!known && perDir.size >= MAX_FILES) continue;
    if (known && known.directives.length >= MAX_DIRECTIVES) continue;
    const src = await readUserText(f, CAP.goModFile);
    if (src === undefined || whyExcluded(path.basename(f), src, input.build)) continue;
    const pre = cgoPreamble(src);
    const directives = (pre?.directives ?? []).filter((d) => directiveApplies(d, input.build));
    if (known) known.directives.push(...directives);
    else perDir.set(dir, { file: f, pre, directives });
  }
  const misses: Miss[] = [];
  const checked: string[] = [];
  /** CC failing on an empty C file: the compiler (or a wrapper) is broken, whatever the package. */
  let broken: BrokenCompiler | undefined;
  /** Each preamble's own LDFLAGS for this platform, for the link check below. */
  const linkFlags = new Map<string, string[]>();
  const ccArgs = splitQuoted(input.values.CC || 'gcc').slice(1);
  const pkgConfig = splitQuoted(input.values.PKG_CONFIG || 'pkg-config');
  /** Each package's flags from pkg-config, for its C++ files below. */
  const pkgConfigFlags = new Map<string, string[]>();
  for (const [dir, { file, pre, directives }] of perDir) {
    if (ctx.remainingMs() < 800 || ctx.signal.aborted) break;
    if (!pre) continue;
    checked.push(file);
    const flags = flagsOf(directives, dir, ['CPPFLAGS', 'CFLAGS']);
    const ldflags = flagsOf(directives, dir, ['LDFLAGS']);
    const pkgs = directives.filter((d) => d.verb === 'pkg-config').flatMap((d) => d.args.filter((a) => !a.startsWith('-')));
    if (ldflags.length) linkFlags.set(file, ldflags);
    if (pkgs.length) {
      const pc = pkgConfig[0]!.includes('/') ? pkgConfig[0] : await lookPath(pkgConfig[0]!, ctx.env);
      if (!pc) {
        misses.push({ file, pkgDir: dir, kind: 'no-pkg-config', name: pkgConfig[0]!, evidence: { source: 'PATH lookup (editor environment)', excerpt: `${pkgConfig[0]}: not found in ${ctx.env.PATH ?? '<unset>'}` } });
        continue;
      }
      // cmd/go runs `pkg-config --cflags -- pkgs`; one call per package to name each missing one.
      for (const p of pkgs) {
        const r = await ctx.host.exec(pc, [...pkgConfig.slice(1), '--cflags', '--', p], { timeoutMs: CC_TIMEOUT_MS, signal: ctx.signal, env: ctx.env, cwd: dir, maxBuffer: 64 * 1024 });
        if (r.timedOut || r.canceled || r.errorCode) continue;
        if (r.failed) misses.push({ file, pkgDir: dir, kind: 'pkg-config', name: p, evidence: { source: r.commandLine, excerpt: (r.stderr || r.stdout).trim().split('\n').slice(0, 3).join('\n') } });
        else {
          const got = splitQuoted(r.stdout.trim());
          flags.push(...got);
          pkgConfigFlags.set(dir, [...(pkgConfigFlags.get(dir) ?? []), ...got]);
        }
      }
      if (misses.some((m) => m.file === file)) continue;
    }
    const args = [...ccArgs, ...splitQuoted(input.values.CGO_CPPFLAGS ?? ''), ...splitQuoted(input.values.CGO_CFLAGS ?? ''), ...flags, '-I', dir, '-E', '-o', '/dev/null', '-x', 'c', '-'];
    const r = await ctx.host.exec(input.cc, args, { timeoutMs: CC_TIMEOUT_MS, signal: ctx.signal, env: ctx.env, cwd: dir, input: `${'\n'.repeat(pre.line - 1)}${pre.c}\n`, maxBuffer: 64 * 1024 });
    if (r.timedOut || r.canceled || r.errorCode || !r.failed) continue;
    // A failure that names no header and no #error: is it the compiler itself? The same run on an
    // empty C file tells (a CC wrapper that exits 1, "license server unreachable": go build says
    // only "# runtime/cgo" and that line, and a tester's report had nothing to explain it).
    if (!broken && !missingHeaders(r.stderr).length && !/#\s*error\b/.test(r.stderr)) {
      broken = await emptyFileFailure(ctx, input.cc, ccArgs, dir);
      if (broken) break;
    }
    // A header the preamble names in quotes is the project's own ("third_party/x.h" of a submodule
    // not checked out): not a library the machine lacks.
    const own = new Set([...pre.c.matchAll(/^\s*#\s*include\s*"([^"]+)"/gm)].map((x) => x[1]!));
    for (const h of missingHeaders(r.stderr).filter((x) => !own.has(x)).slice(0, 1)) {
      const at = /<stdin>:(\d+):/.exec(r.stderr)?.[1];
      misses.push({ file, pkgDir: dir, kind: 'header', name: h, evidence: { source: `${r.commandLine} (the preamble of ${file}${at ? `, line ${at}` : ''})`, excerpt: r.stderr.trim().split('\n').slice(0, 4).join('\n') } });
    }
  }
  // Headers found, libraries not: a -l the linker cannot find ("cannot find -lpcap": a library with
  // headers installed and no .so, LIBRARY_PATH set in a shell only). Only the file's own -l flags,
  // linked into an empty program: what else the link would need is go's business.
  for (const [dir, { file }] of perDir) {
    if (misses.some((m) => m.file === file) || ctx.remainingMs() < 800 || ctx.signal.aborted) continue;
    const ld = linkFlags.get(file) ?? [];
    const libs = ld.filter((a) => /^-l\S/.test(a));
    if (!libs.length) continue;
    const searchDirs = [...splitQuoted(input.values.CGO_LDFLAGS ?? ''), ...ld].filter((a) => /^-L\S/.test(a));
    const r = await ctx.host.exec(input.cc, [...ccArgs, ...searchDirs, '-x', 'c', '-', '-o', '/dev/null', ...libs], { timeoutMs: CC_TIMEOUT_MS, signal: ctx.signal, env: ctx.env, cwd: dir, input: 'int main(void) { return 0; }\n', maxBuffer: 64 * 1024 });
    if (r.timedOut || r.canceled || r.errorCode || !r.failed) continue;
    const lib = /cannot find -l(\S+?):?\s/.exec(`${r.stderr}\n`)?.[1];
    if (lib) misses.push({ file, pkgDir: dir, kind: 'library', name: lib, evidence: { source: `${r.commandLine} (the #cgo LDFLAGS of ${file})`, excerpt: r.stderr.trim().split('\n').slice(0, 4).join('\n') } });
  }
  // The package's C++ and Fortran files: cgo compiles them with go env CXX and FC, which must exist
  // (gcc alone brings neither), and a C++ file's own #includes need the library's headers as the
  // preamble's do. Preprocessed as cmd/go compiles it: CGO_CPPFLAGS, CGO_CXXFLAGS, the package's
  // #cgo CPPFLAGS and CXXFLAGS, its pkg-config flags, and its own directory.
  const compilers = new Map<CompanionLanguage, CompilerMiss>();
  const resolved = new Map<CompanionLanguage, string | undefined>();
  const companionsSeen: string[] = [];
  for (const [dir, { file, directives }] of perDir) {
    if (ctx.remainingMs() < 800 || ctx.signal.aborted) break;
    const sources = await companionSources(dir, input.build);
    for (const language of COMPANION_LANGUAGES) {
      const files = sources[language];
      if (!files.length) continue;
      companionsSeen.push(...files.slice(0, 3));
      const variable = language === 'C++' ? 'CXX' : 'FC';
      const setting = settingOf(variable, input.values, ctx.env) || (language === 'C++' ? 'g++' : 'gfortran');
      const program = ccProgram(setting) ?? setting;
      if (!resolved.has(language)) resolved.set(language, await resolveProgram(program, ctx.env));
      const compiler = resolved.get(language);
      if (!compiler) {
        const known = compilers.get(language);
        if (known) known.files.push(...files);
        else compilers.set(language, { language, variable, program, files: [...files] });
        continue;
      }
      if (language !== 'C++' || misses.some((m) => m.file === file)) continue;
      const source = files[0]!;
      const args = [
        ...splitQuoted(setting).slice(1),
        ...splitQuoted(input.values.CGO_CPPFLAGS ?? ''),
        ...splitQuoted(input.values.CGO_CXXFLAGS ?? ''),
        ...flagsOf(directives, dir, ['CPPFLAGS', 'CXXFLAGS']),
        ...(pkgConfigFlags.get(dir) ?? []),
        '-I',
        dir,
        '-E',
        '-o',
        '/dev/null',
        source,
      ];
      const r = await ctx.host.exec(compiler, args, { timeoutMs: CC_TIMEOUT_MS, signal: ctx.signal, env: ctx.env, cwd: dir, maxBuffer: 64 * 1024 });
      if (r.timedOut || r.canceled || r.errorCode || !r.failed) continue;
      const text = (await readUserText(source, CAP.goModFile)) ?? '';
      const own = new Set([...text.matchAll(/^\s*#\s*include\s*"([^"]+)"/gm)].map((x) => x[1]!));
      for (const h of missingHeaders(r.stderr).filter((x) => !own.has(x)).slice(0, 1)) {
        misses.push({ file: source, pkgDir: dir, kind: 'header', language: 'C++', name: h, evidence: { source: r.commandLine, excerpt: r.stderr.trim().split('\n').slice(0, 4).join('\n') } });
      }
    }
  }
  const observed: Record<string, unknown> = {
    cgoPreamblesChecked: checked,
    cgoMissing: [...misses.map((m) => `${m.kind} ${m.name} (${m.file})`), ...[...compilers.values()].map((c) => `${c.language} compiler ${c.program} (${c.files[0]})`)],
    ...(companionsSeen.length ? { cgoCompanionSources: companionsSeen.slice(0, 6) } : {}),
  };
  const findings: FindingInput[] = [];
  if (broken) findings.push(await brokenCompilerFinding(ctx, input, broken, observed));
  for (const c of compilers.values()) findings.push(await compilerFinding(c, input, ctx.env));
  if (misses.length) {
    // pkg-config missing from the editor's PATH only: the login shell's lookup says so, as for the
    // compilers (a tester's: "pkg-config is not installed" and apt-get install, with it in /usr/bin).
    const m = misses[0]!;
    const pkgConfig =
      m.kind === 'no-pkg-config'
        ? await programInLogin({ program: m.name, loginEnv: input.loginEnv, loginSource: "login shell's PATH", editorEnv: ctx.env, installFix: missFixes(m, input.osRelease)[0], notInstalled: " It is not on your login shell's PATH either: pkg-config is not installed." })
        : undefined;
    findings.push(missFinding(misses, input, ctx.env, pkgConfig));
  }
  return { findings, observed };
}

export interface BrokenCompiler {
  commandLine: string;
  exitCode?: number;
  said: string;
}

/**
 * go env CC run on an empty C file, preprocessed as cgo starts: its failure (a CC wrapper that
 * exits 1, "license server unreachable"), or undefined where it works or could not be asked.
 */
export async function emptyFileFailure(ctx: Pick<ProbeContext, 'host' | 'env' | 'signal'>, cc: string, ccArgs: readonly string[], cwd: string): Promise<BrokenCompiler | undefined> {
  const empty = await ctx.host.exec(cc, [...ccArgs, '-E', '-o', '/dev/null', '-x', 'c', '-'], { timeoutMs: CC_TIMEOUT_MS, signal: ctx.signal, env: ctx.env, cwd, input: '', maxBuffer: 16 * 1024 });
  if (!empty.failed || empty.timedOut || empty.canceled || empty.errorCode) return undefined;
  return { commandLine: empty.commandLine, exitCode: empty.exitCode, said: (empty.stderr || empty.stdout).trim().split('\n').slice(0, 4).join('\n') };
}

/**
 * The compiler that fails whatever it is given, with a compiler that works in its place where CC is
 * set (workingCompiler.ts). `runtimeCgoOnly`: no cgo file is built but runtime/cgo's (a program
 * importing net or os/user), which go still compiles with CC.
 */
export async function brokenCompilerFinding(ctx: ProbeContext, input: Pick<CgoHeaderInput, 'values' | 'cc' | 'workspaceImportsC'>, broken: BrokenCompiler, observed: Record<string, unknown>, runtimeCgoOnly = false): Promise<FindingInput> {
  observed.cgoCompilerBroken = broken.said;
  const cc = input.values.CC || 'gcc';
  const fromFile = ccOrigin(ctx.env.CC, input.values.CC) === 'file';
  const working = await findWorkingCompiler(ctx, input.cc, splitQuoted(cc).slice(1));
  const repair = await brokenCcFixes(ctx, input.values.GOENV, working, input.workspaceImportsC ?? true);
  if (working) observed.cgoWorkingCompiler = working.path;
  const reach = runtimeCgoOnly
    ? 'no file of the workspace imports "C", but its programs link runtime/cgo (through net, os/user or the like), which go compiles with it while cgo is on: go build, go test and go run fail'
    : 'go build, go test and gopls fail on every package that imports "C", and on programs importing net or os/user,';
  return {
    classId: 'env-inheritance',
    headline: 'cgo-build',
    explains: ['module-resolution'],
    severity: 'error',
    confidence: 0.85,
    message: `cgo's C compiler ${JSON.stringify(cc)} (go env CC${ctx.env.CC !== undefined ? ', from the environment' : fromFile ? `, from your go env file ${input.values.GOENV ?? ''}`.trimEnd() : ''}) fails even on an empty C file (exit ${broken.exitCode ?? '?'}${broken.said ? `: "${broken.said.split('\n')[0]}"` : ''}): ${reach} with "# runtime/cgo" and that message.${repair.words}`,
    evidence: [{ source: broken.commandLine, excerpt: broken.said || `exit ${broken.exitCode ?? '?'}` }, ...repair.evidence],
    // Without a compiler that works, removing CC from the file still gives go its default back.
    fixes: repair.fixes.length ? repair.fixes : fromFile ? [ccUnsetFix()] : [],
  };
}

/** Pure: "module@version" when the file is in the module cache (a dependency's), else undefined. */
export function moduleOfCachedFile(file: string, gomodcache: string | undefined): string | undefined {
  if (!gomodcache) return undefined;
  const rel = path.relative(gomodcache, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  const at = parts.findIndex((p) => p.includes('@'));
  return at < 0 || parts[0] === 'cache' ? undefined : parts.slice(0, at + 1).join('/');
}

/** Pure: the words after a file's path that say it is a dependency's. */
function whose(file: string, values: Record<string, string>): string {
  const mod = moduleOfCachedFile(file, values.GOMODCACHE);
  return mod ? ` (in ${mod}, a module the workspace requires)` : '';
}

/** Pure: CXX as go env -json gives it; FC, which go env -json leaves out, from the environment (cmd/go reads it there). */
function settingOf(variable: 'CXX' | 'FC', values: Record<string, string>, env: NodeJS.ProcessEnv): string {
  return values[variable] ?? (variable === 'FC' ? env.FC : undefined) ?? '';
}

/** Pure: a package's flags of these #cgo verbs (already filtered to this build), ${SRCDIR} expanded. */
function flagsOf(directives: readonly CgoDirective[], dir: string, verbs: readonly string[]): string[] {
  return directives.filter((d) => verbs.includes(d.verb)).flatMap((d) => expandSrcdir(d.args, dir));
}

interface CompilerMiss {
  language: CompanionLanguage;
  variable: 'CXX' | 'FC';
  program: string;
  files: string[];
}

/** The C++ or Fortran compiler is not found: the same trap as a missing C compiler, one package deep. */
async function compilerFinding(c: CompilerMiss, input: CgoHeaderInput, editorEnv: NodeJS.ProcessEnv): Promise<FindingInput> {
  const n = c.files.length;
  const lookup = await programInLogin({
    program: c.program,
    loginEnv: input.loginEnv,
    loginSource: "login shell's PATH",
    editorEnv,
    pathFix: (found) => companionCompilerPathFix(c.variable, found),
    installFix: companionCompilerInstallFix(c.language, input.osRelease),
    notInstalled:
      c.program === (c.language === 'C++' ? 'g++' : 'gfortran')
        ? ` It is not on your login shell's PATH either: no ${c.language} compiler is installed (a C compiler alone does not bring one).`
        : " It is not on your login shell's PATH either.",
  });
  const { inLogin, where, fixes } = lookup;
  const setting = settingOf(c.variable, input.values, editorEnv);
  return {
    classId: 'env-inheritance',
    severity: 'error',
    confidence: inLogin ? 0.95 : 0.9,
    message:
      `${c.files[0]}${whose(c.files[0]!, input.values)}${n > 1 ? ` and ${n - 1} other ${c.language} file${n > 2 ? 's' : ''}` : ''} ${n > 1 ? 'are' : 'is'} compiled by cgo with the ${c.language} compiler ${JSON.stringify(c.program)} (go env ${c.variable}), which is not found: ` +
      `go build, go test and gopls (its go list -compiled) fail on ${n > 1 ? 'their packages' : 'its package'} with 'exec: ${JSON.stringify(c.program)}: executable file not found in $PATH', and gopls shows "undefined: C.…" for what ${n > 1 ? 'they define' : 'it defines'}.${where}`,
    evidence: [
      { source: `go env ${c.variable}`, excerpt: `${JSON.stringify(setting)}${setting ? '' : ` (unset: go runs ${c.program})`}` },
      c.program.includes('/') ? { source: `stat ${c.program}`, excerpt: 'no executable file there' } : { source: 'PATH lookup (editor environment)', excerpt: `${c.program}: not found in ${editorEnv.PATH ?? '<unset>'}` },
      ...lookup.evidence,
      { source: `${c.language} files cgo compiles (${n})`, excerpt: c.files.slice(0, 5).join('\n') },
    ],
    fixes,
    explains: ['module-resolution'],
    ...(inLogin ? {} : { headline: 'cgo-build' as const }),
  };
}

function missFinding(misses: Miss[], input: CgoHeaderInput, ctxEnv: NodeJS.ProcessEnv, pkgConfig?: ProgramInLogin): FindingInput {
  const m = misses[0]!;
  const what =
    m.kind === 'header'
      ? `includes <${m.name}>, which the ${m.language ?? 'C'} compiler cannot find`
      : m.kind === 'library'
        ? `links with -l${m.name} (#cgo LDFLAGS), which the linker cannot find`
        : m.kind === 'pkg-config'
        ? `asks pkg-config for "${m.name}", which pkg-config does not know`
        : `asks pkg-config for its flags (#cgo pkg-config), and ${JSON.stringify(m.name)} is not on the editor's PATH`;
  const says =
    m.kind === 'header'
      ? `"fatal error: ${m.name}: No such file or directory"`
      : m.kind === 'library'
        ? `"cannot find -l${m.name}"`
        : m.kind === 'pkg-config'
        ? `"Package ${m.name} was not found in the pkg-config search path"`
        : `'pkg-config: exec: "${m.name}": executable file not found in $PATH'`;
  // Named so they can be found: a file of another package by its full path (a tester's "main.go
  // lacks libzstd" was another folder's main.go, and libzstd a pkg-config package).
  const others = misses.slice(1, 4).map((x) => `${x.pkgDir === m.pkgDir ? path.relative(x.pkgDir, x.file) || x.file : x.file} lacks ${x.kind === 'header' ? `<${x.name}>` : x.kind === 'library' ? `the library -l${x.name}` : x.kind === 'pkg-config' ? `the pkg-config package "${x.name}"` : 'pkg-config itself'}`);
  const login = shellDiffers(input, ctxEnv);
  const cause =
    m.kind === 'no-pkg-config'
      ? (pkgConfig?.where.trim() || 'pkg-config is not installed.')
      : `The library's development files are not installed (its ${m.kind === 'library' ? `lib${m.name}.so link` : `headers${m.kind === 'pkg-config' ? ` and ${m.name}.pc` : ''}`} come${m.kind === 'library' ? 's' : ''} in a -dev or -devel package)${login ? `, or the ${login} your login shell sets is missing in the editor` : ''}.`;
  return {
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.85,
    message:
      (m.kind === 'library'
        ? `${m.file}${whose(m.file, input.values)} ${what}: go build and go test fail when they link its package, with ${says} (gopls and go vet, which do not link, say nothing of it). `
        : `${m.file}${whose(m.file, input.values)} ${what}: go build, go test and gopls fail on its package with ${says}, and gopls shows "undefined: C.…" for what the library declares. `) +
      `${cause}${others.length ? ` Also: ${others.join('; ')}.` : ''}`,
    evidence: [...misses.slice(0, 3).map((x) => x.evidence), ...(pkgConfig?.evidence ?? [])],
    explains: ['module-resolution'],
    // Nothing differs from the login shell: a terminal's go build fails the same way, so the
    // heading is cgo's, not "the editor does not see your shell's environment".
    ...(login || pkgConfig?.inLogin ? {} : { headline: 'cgo-build' as const }),
    // The shell's value, for gopls and every go command the editor runs.
    fixes: [...(login ? [toolsEnvFix(`cgo-env-${login.toLowerCase()}`, `Set ${login} for the Go tools as your login shell sets it`, { [login]: input.loginEnv![login]! })] : []), ...(pkgConfig ? pkgConfig.fixes : missFixes(m, input.osRelease))],
  };
}

/** The login shell sets a variable that moves headers or .pc files, and the editor has another value. */
function shellDiffers(input: CgoHeaderInput, editor: NodeJS.ProcessEnv): string | undefined {
  if (!input.loginEnv) return undefined;
  const names = ['CPATH', 'C_INCLUDE_PATH', 'CPLUS_INCLUDE_PATH', 'CGO_CFLAGS', 'CGO_CPPFLAGS', 'CGO_CXXFLAGS', 'PKG_CONFIG_PATH', 'LIBRARY_PATH', 'CGO_LDFLAGS'];
  return names.find((n) => (input.loginEnv![n] ?? '') !== (editor[n] ?? '') && input.loginEnv![n]);
}

/** Where to look up the package that ships the file, by distribution: the searches need no root. */
function missFixes(m: Miss, osRelease: string | undefined): Fix[] {
  const { family, ubuntu } = distroOf(osRelease);
  if (m.kind === 'no-pkg-config') {
    const text = family === 'fedora' ? 'dnf install -y pkgconf-pkg-config' : family === 'alpine' ? 'apk add pkgconf' : 'apt-get install -y pkg-config';
    return [{ id: 'cgo-install-pkg-config', kind: 'terminal', title: 'Install pkg-config', text, needsRoot: true }];
  }
  const file = m.kind === 'header' ? m.name : m.kind === 'library' ? `lib${m.name}.so` : `${m.name}.pc`;
  const base = path.basename(file);
  if (family === 'fedora') {
    return [{ id: 'cgo-find-dev-package', kind: 'terminal', title: `Find the package that ships ${file}`, text: `dnf provides '*/${file}'`, needsRoot: false, detail: 'Install the -devel package it names.' }];
  }
  if (family === 'debian') {
    const site = ubuntu ? 'packages.ubuntu.com' : 'packages.debian.org';
    return [
      {
        id: 'cgo-find-dev-package',
        kind: 'link',
        title: `Find the package that ships ${file}`,
        url: `https://${site}/search?searchon=contents&keywords=${encodeURIComponent(base)}&mode=exactfilename&suite=${ubuntu ? 'noble' : 'stable'}&arch=any`,
        detail: 'Install the -dev package it names (apt-get install -y NAME-dev, as root).',
      },
    ];
  }
  if (family === 'alpine') {
    return [{ id: 'cgo-find-dev-package', kind: 'link', title: `Find the package that ships ${file}`, url: `https://pkgs.alpinelinux.org/contents?file=${encodeURIComponent(base)}`, detail: 'Install the -dev package it names (apk add NAME-dev, as root).' }];
  }
  return [];
}
