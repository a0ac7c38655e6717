// The shapes a listing of the environment shares, whoever prints it (go env in its shapes, env,
// export -p, the Go extension's tools block, a PowerShell $env: line), and the ways a listed
// directory is compared: one place, so the PATH listing reader (pathListings.ts) and the go env
// listing reader (goEnvListing.ts) cannot drift apart on what a line of either looks like.
import path from 'node:path';

/**
 * A variable listed with its value on one line: `NAME=v`, `"NAME": "v",`, `NAME: v`, `'v'`, after
 * one of `prefixes` (an alternation: `set\s+|export\s+` …). `names` and `value` are regex sources;
 * the name is group 1, the value group 2.
 */
export function listedVar(prefixes: string, names: string, value: string): RegExp {
  return new RegExp(`^\\s*(?:${prefixes})?"?(${names})"?\\s*[=:]\\s*["']?${value}["']?,?\\s*$`);
}

/** The prefixes go env prints on Linux and Windows (set, $env:) and a shell's export. */
export const GO_ENV_PREFIXES = 'set\\s+|export\\s+|\\$env:';

/** A path without the separators it ends with (either kind: a Windows listing's too). */
export function withoutTrailingSeparators(p: string): string {
  return p.replace(/[\\/]+$/, '');
}

/** A POSIX directory as PATH lists it: normalised, without a trailing slash unless it is the root. */
export function normDir(d: string): string {
  return path.posix.normalize(d).replace(/(.)\/$/, '$1');
}
