// GOCACHE and gopls's cache default to $XDG_CACHE_HOME/go-build and $XDG_CACHE_HOME/gopls
// (os.UserCacheDir). With neither GOCACHE nor GOPLSCACHE set, an XDG_CACHE_HOME the user cannot
// write breaks both, and a report that names only GOCACHE sends them looking for a setting they
// never made, with a link where a command would do (a tester's root-owned XDG_CACHE_HOME).
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import path from 'node:path';
import type { GoPathEntry } from './goPaths.js';

/** The home the fixes write under ($HOME/.cache, ~/.profile): usable only when it exists and can be written. */
export interface CacheHome {
  path: string;
  exists: boolean;
  writable?: boolean;
}

/** The variable a default cache entry falls back on when XDG_CACHE_HOME is not: GOCACHE, or gopls's GOPLSCACHE. */
function ownVariable(entry: GoPathEntry): string {
  return entry.role === 'gopls cache' ? 'GOPLSCACHE' : 'GOCACHE';
}

/** Words for the message: which variable put the directory where it is. */
export function xdgCacheWords(entry: GoPathEntry): string {
  const xdg = entry.xdgCacheHome;
  if (!xdg) return '';
  const program = entry.role === 'gopls cache' ? 'gopls' : 'go';
  return ` ${ownVariable(entry)} is not set, so ${program} uses its default under XDG_CACHE_HOME=${xdg}: that variable, not ${ownVariable(entry)}, puts it there.`;
}

/** The environment that chose the directory, as evidence: XDG_CACHE_HOME set, the cache's own variable unset. */
export function xdgCacheEvidence(entry: GoPathEntry): Evidence | undefined {
  const xdg = entry.xdgCacheHome;
  return xdg ? { source: 'environment', excerpt: `XDG_CACHE_HOME=${xdg}\n${ownVariable(entry)} is unset` } : undefined;
}

/**
 * Commands that move the cache where the user can write: XDG_CACHE_HOME back at ~/.cache in
 * ~/.profile (the build cache, gopls's index and every other program's cache at once), and for the
 * build cache `go env -w GOCACHE`, which works at once for every go this user runs. None when the
 * home cannot take them, or when XDG_CACHE_HOME already is ~/.cache.
 */
export function xdgCacheFixes(entry: GoPathEntry, home: CacheHome | undefined): Fix[] {
  const xdg = entry.xdgCacheHome;
  if (!xdg || !home?.exists || home.writable === false || path.resolve(xdg) === path.join(home.path, '.cache')) return [];
  const fixes: Fix[] = [];
  if (entry.role === 'GOCACHE') {
    fixes.push({
      id: 'gocache-go-env-w',
      kind: 'terminal',
      title: 'Give go a build cache in ~/.cache/go-build (go env -w GOCACHE)',
      text: 'mkdir -p "$HOME/.cache/go-build" && go env -w GOCACHE="$HOME/.cache/go-build"',
      needsRoot: false,
      detail: `Written to go's env file, which every go this user runs reads (the editor's and gopls's too); XDG_CACHE_HOME=${xdg} stays as it is for other programs.`,
    });
  }
  fixes.push({
    id: 'xdg-cache-home-to-profile',
    kind: 'terminal',
    title: 'Point XDG_CACHE_HOME at ~/.cache in ~/.profile',
    text: `printf '%s\\n' 'export XDG_CACHE_HOME="$HOME/.cache"' >> ~/.profile`,
    needsRoot: false,
    detail: `Moves go's build cache and gopls's index (and other programs' caches) out of ${xdg}, which is not yours to write. The desktop session reads ~/.profile at login: log out and back in. Set after login (a container's ENV, systemd's environment.d), change it there instead.`,
  });
  return fixes;
}

/**
 * A finding about a cache directory that XDG_CACHE_HOME chose: the variable named in the message
 * and the evidence, and its commands in place of the "set GOCACHE" link. Unchanged for any other
 * directory. Pure.
 */
export function withXdgCause(f: FindingInput, entry: GoPathEntry, home: CacheHome | undefined): FindingInput {
  const evidence = xdgCacheEvidence(entry);
  if (!evidence) return f;
  const commands = xdgCacheFixes(entry, home);
  const fixes = (f.fixes ?? []).filter((x) => !(commands.length && x.id === 'fs-access-set-gocache') && !commands.some((c) => c.id === x.id));
  return { ...f, message: `${f.message}${xdgCacheWords(entry)}`, evidence: [...f.evidence, evidence], fixes: [...commands, ...fixes] };
}
