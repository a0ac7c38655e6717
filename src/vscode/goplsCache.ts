// The gopls cache guard lives in the engine (src/fixes/goplsCache.ts) so the probes offer only a
// clear it accepts; this keeps the extension's names and the size format of its dialog.
export { goplsCacheDir, guardGoplsCacheDir, measureCacheDir, clearGoplsCacheDir, emptyCheckedDir, type CacheDirResult, type GuardResult, type ClearResult } from '../fixes/goplsCache.js';

