// Which folders the editor's file watcher leaves out: VS Code's files.watcherExclude, its default
// merged with each settings scope's object (VS Code merges object settings key by key, a later
// scope's `false` taking a default back). Globs are matched relative to the watched folder, or
// as absolute paths (the setting's own description), with picomatch.
import path from 'node:path';
import picomatch from 'picomatch';
import type { EditorSettingsSource } from '../doctor/settings.js';

/** VS Code's default (src/vs/workbench/contrib/files/browser/files.contribution.ts, 1.90 on). */
export const WATCHER_EXCLUDE_DEFAULT: Readonly<Record<string, boolean>> = { '**/.git/objects/**': true, '**/.git/subtree-cache/**': true, '**/.hg/store/**': true };

/**
 * The patterns in effect for a workspace folder: the default, then each source in order (user,
 * remote machine, a .code-workspace file's settings, the folder's own .vscode/settings.json; another
 * folder's settings do not apply). Pure.
 */
export function watcherExcludePatterns(sources: readonly EditorSettingsSource[], root: string, folders: readonly string[] = [root]): string[] {
  const merged: Record<string, boolean> = { ...WATCHER_EXCLUDE_DEFAULT };
  const folderOf = (source: string) => folders.find((f) => path.resolve(source) === path.join(path.resolve(f), '.vscode', 'settings.json'));
  for (const src of sources) {
    const owner = folderOf(src.source);
    if (owner !== undefined && path.resolve(owner) !== path.resolve(root)) continue;
    const v = src.values['files.watcherExclude'];
    if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
    for (const [k, on] of Object.entries(v as Record<string, unknown>)) if (typeof on === 'boolean') merged[k] = on;
  }
  return Object.entries(merged)
    .filter(([, on]) => on)
    .map(([k]) => k);
}

/** A test for a folder's full path: the first pattern that leaves it out, or undefined. Pure. */
export function watcherExcludeMatcher(root: string, patterns: readonly string[]): (full: string) => string | undefined {
  if (!patterns.length) return () => undefined;
  const tests = patterns.map((p) => ({ p, abs: path.isAbsolute(p), test: picomatch(p, { dot: true }) }));
  return (full) => {
    const rel = path.relative(root, full);
    return tests.find((t) => (t.abs ? t.test(full) : t.test(rel)))?.p;
  };
}
