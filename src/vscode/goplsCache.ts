// The gopls cache guard lives in the engine (src/fixes/goplsCache.ts) so the probes offer only a
// clear it accepts; this keeps the extension's names and the size format of its dialog.
export { goplsCacheDir, guardGoplsCacheDir, measureCacheDir, clearGoplsCacheDir, emptyCheckedDir, type CacheDirResult, type GuardResult, type ClearResult } from '../fixes/goplsCache.js';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 10 ? 0 : 1)} ${units[i]}`;
}
