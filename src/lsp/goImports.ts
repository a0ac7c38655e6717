// The import paths of a Go file, read from its head as go/build's import scanner does: the
// `import "p"` and `import ( … )` declarations after the package clause, comments dropped.
// Pure; a head cut mid-declaration yields what was complete.

/** Pure: the quoted paths of the file's import declarations (raw `…` strings too), in order. */
export function importPaths(src: string): string[] {
  const code = src.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, '');
  const out: string[] = [];
  const spec = /(?:^|\s)(?:[\p{L}_][\p{L}\p{N}_]*\s+|\.\s+)?["`]([^"`\n]+)["`]/gu;
  for (const m of code.matchAll(/^\s*import\s*(\(([\s\S]*?)\)|[^\n(]*)/gm)) {
    const body = m[2] ?? m[1] ?? '';
    for (const s of body.matchAll(spec)) out.push(s[1]!);
  }
  return out;
}

/**
 * Pure: does this import path name a module's package, not the standard library's? go treats a
 * path whose first element has no dot as standard (cmd/go's search.IsStandardImportPath); "C" is cgo.
 */
export function isModuleImport(p: string): boolean {
  return p !== 'C' && p.split('/')[0]!.includes('.');
}
