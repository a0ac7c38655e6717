// Fixes that lower what a go.mod asks for to the Go installed here, for a release that cannot be
// had (not downloadable, GOTOOLCHAIN=local): the two a tester found missing, where the doctor's
// only offers were "install a newer Go" (of a release that does not exist) and GOTOOLCHAIN=auto
// (which then fails with "not available").
import type { Fix } from '../doctor/model.js';
import { parseGoVersion } from '../facts/readGoEnv.js';
import { quoteForDisplay } from '../host/shellQuote.js';

/**
 * go mod edit is a go command like any other: under GOTOOLCHAIN=auto it first switches to the
 * release the go.mod asks for, and fails with "toolchain not available" before editing anything (a
 * tester's go1.27.1 line, offline: exit 1, go.mod unchanged). GOTOOLCHAIN=local for this one
 * command lets the installed go make the edit.
 */
const LOCAL = 'GOTOOLCHAIN=local';

/** `go mod edit -toolchain=none`: the go line alone then decides, and the installed Go meets it. */
export function dropToolchainLineFix(dir: string, toolchain: string, installed: string): Fix {
  return {
    id: 'go-mod-drop-toolchain',
    kind: 'terminal',
    title: `Drop the toolchain line (${toolchain}) from ${dir}/go.mod`,
    text: `${LOCAL} go mod edit -toolchain=none`,
    cwd: dir,
    needsRoot: false,
    detail: `The go line alone then decides, and the installed ${installed} meets it. If the toolchain line was a typo, write the release you meant instead: go mod edit -toolchain=goX.Y.Z.`,
  };
}

/**
 * Pure: the go line the installed release meets ("go1.26.8" → "1.26": a language version sorts
 * before its releases and release candidates), or undefined for a version that is not a release.
 */
export function goLineFor(installed: string): string | undefined {
  const v = parseGoVersion(installed);
  return v ? `${v.major}.${v.minor}` : undefined;
}

/** `go mod edit -go=X.Y -toolchain=none`: the module then builds with the installed Go. */
export function lowerGoLineFix(dir: string, goLine: string, installed: string): Fix | undefined {
  const to = goLineFor(installed);
  if (!to) return undefined;
  return {
    id: 'go-mod-lower-go-line',
    kind: 'terminal',
    title: `Lower the go line of ${dir}/go.mod from ${goLine} to ${to}, the installed ${installed}`,
    text: `${LOCAL} go mod edit ${quoteForDisplay(`-go=${to}`)} -toolchain=none`,
    cwd: dir,
    needsRoot: false,
    detail: `Only if the code needs nothing newer than Go ${to}: go build then says what does (a newer language feature or standard-library call, or a dependency whose own go line is newer).`,
  };
}
