// The C++ and Fortran files beside a package's cgo files. cgo compiles them with `go env CXX`
// (g++) and `go env FC` (gfortran), which a machine with gcc alone lacks (Debian's and Alpine's gcc
// packages do not bring g++, and the golang:*-alpine images have neither): `go list -compiled`, so
// gopls as well as go build, fail on the package with `exec: "g++": executable file not found in
// $PATH`, and gopls shows "undefined: C.…" (measured with gopls v0.23.0).
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { whyExcluded, type BuildContext } from '../lsp/buildConstraint.js';
import { CAP, readUserText } from '../host/readUserFile.js';

export type CompanionLanguage = 'C++' | 'Fortran';

export const COMPANION_LANGUAGES: readonly CompanionLanguage[] = ['C++', 'Fortran'];

/** Pure: the language of a source file by go/build's suffixes (CXXFiles .cc .cpp .cxx; FFiles .f .F .for .f90). */
export function companionLanguage(name: string): CompanionLanguage | undefined {
  if (/\.(?:cc|cpp|cxx)$/.test(name)) return 'C++';
  if (/\.(?:f|F|for|f90)$/.test(name)) return 'Fortran';
  return undefined;
}

/**
 * Pure: the leading blank and comment lines of a non-Go source file, where go/build looks for its
 * //go:build line (any source file of the package may carry one, and a file it excludes is not compiled).
 */
export function leadingComments(src: string): string {
  const kept: string[] = [];
  let inBlock = false;
  for (const raw of src.split('\n')) {
    const line = raw.trim();
    if (inBlock) {
      if (line.includes('*/')) inBlock = false;
      continue;
    }
    if (line === '' || line.startsWith('//')) kept.push(line);
    else if (line.startsWith('/*')) inBlock = !line.includes('*/', 2);
    else break;
  }
  return kept.join('\n');
}

/** Pure: the name go/build judges for _GOOS/_GOARCH: everything after the first dot goes (a_linux.cpp → a_linux.go). */
export function buildNameOf(name: string): string {
  const dot = name.indexOf('.');
  return `${dot < 0 ? name : name.slice(0, dot)}.go`;
}

/** The C++ and Fortran files of the package in `dir` that this build compiles, sorted by name. */
export async function companionSources(dir: string, build: BuildContext): Promise<Record<CompanionLanguage, string[]>> {
  const out: Record<CompanionLanguage, string[]> = { 'C++': [], Fortran: [] };
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    // go/build ignores names starting with a dot or an underscore.
    if (!e.isFile() || e.name.startsWith('.') || e.name.startsWith('_')) continue;
    const lang = companionLanguage(e.name);
    if (!lang) continue;
    const src = (await readUserText(path.join(dir, e.name), CAP.goModFile)) ?? '';
    if (whyExcluded(buildNameOf(e.name), leadingComments(src), build)) continue;
    out[lang].push(path.join(dir, e.name));
  }
  return out;
}
