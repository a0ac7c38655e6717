// go's own refusal of a module whose hash differs from go.sum, read from what go printed. cmd/go
// modfetch checkModSum writes "verifying m@v[/go.mod]: checksum mismatch", then "\tdownloaded: h1:…"
// and "\tgo.sum:     h1:…" on the next two lines, then "SECURITY ERROR". The same words come
// from `go list -m all` (the module-downloads probe) and from gopls's failed package load.

/** A go.sum line that disagrees with the copy go has, as go itself will refuse it. */
export interface SumMismatch {
  module: string;
  version: string;
  /** Which line: the module's content (its zip) or its go.mod. */
  what: 'zip' | 'go.mod';
  goSum: string;
  /** What go hashed: the module cache's copy, or the bytes it just downloaded. */
  cached: string;
}

const VERIFYING = /^(?:go: )?verifying (\S+?)@(\S+?)(\/go\.mod)?: checksum mismatch/;

/** Pure: the mismatch that starts at all[i], and go's three lines for it, or undefined. */
export function checksumMismatchAt(all: readonly string[], i: number): { mismatch: SumMismatch; lines: string[] } | undefined {
  const m = VERIFYING.exec(all[i] ?? '');
  if (!m) return undefined;
  const downloaded = /^\s*downloaded:\s*(h1:\S+)/.exec(all[i + 1] ?? '')?.[1];
  const goSum = /^\s*go\.sum:\s*(h1:\S+)/.exec(all[i + 2] ?? '')?.[1];
  return {
    mismatch: { module: m[1]!, version: m[2]!, what: m[3] ? 'go.mod' : 'zip', goSum: goSum ?? '?', cached: downloaded ?? '?' },
    lines: all.slice(i, i + 3).map((l) => l.trim()),
  };
}

/** Pure: every checksum mismatch go reports in `text` (a go command's stderr, a gopls load error). */
export function checksumMismatches(text: string): Array<{ mismatch: SumMismatch; lines: string[] }> {
  const all = text.split('\n');
  const out: Array<{ mismatch: SumMismatch; lines: string[] }> = [];
  for (let i = 0; i < all.length; i++) {
    const r = checksumMismatchAt(all, i);
    if (r && !out.some((o) => o.mismatch.module === r.mismatch.module && o.mismatch.version === r.mismatch.version && o.mismatch.what === r.mismatch.what)) out.push(r);
  }
  return out;
}
