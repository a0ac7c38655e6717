// gopls logs every go/packages.Load it runs, failed or not, with how many packages it returned
// (measured with gopls v0.23.0, window/logMessage type 3 when it worked, type 1 when it failed):
//   2026/12/06 06:54:36 go/packages.Load #2
//   	view_id="2"
//   	directory=/tmp/ws/app
//   	query=[/tmp/ws/app/... builtin]
//   	packages=2
//   2026/12/06 06:55:13 go/packages.Load #1: err: exit status 1: stderr: package unsafe is not in std (…)
//   	…
//   	packages=0
// A load that returns nothing has failed as a whole (go list exits non-zero only on module-level
// trouble: go.mod, go.work, vendoring, GOROOT, the toolchain; a broken package is an error inside a
// load that still returns the others). So "no load returned a package" is "gopls loads nothing".

/** What gopls's packages.Load records in a session or a log say, counted. */
export interface PackageLoads {
  /** Loads that returned no package (`packages=0`). */
  empty: number;
  /** Loads that returned at least one package. */
  loaded: number;
}

/**
 * The `packages=N` field of a load record: in a logMessage's text ("\tpackages=4"), a -logfile's
 * continuation line, or a trace's JSON, where the tab and newline are escaped ("\\tpackages=4\\n").
 * Undefined for any other text. Pure.
 */
export function packagesOfLoadRecord(text: string): number | undefined {
  const at = text.indexOf('packages=');
  if (at < 0) return undefined;
  const m = LOAD_FIELD.exec(text.slice(Math.max(0, at - 2), at + 24));
  return m ? Number(m[1]) : undefined;
}

/** `packages=N` after a tab (raw or JSON-escaped) or at a line's start, ended by the record's line end. */
const LOAD_FIELD = /(?:^|\t|\\t|^\s+)packages=(\d{1,9})(?=$|\s|\\n|\\r|")/;

/** Pure: counts one load's packages into the totals. */
export function countLoad(loads: PackageLoads, packages: number): void {
  if (packages > 0) loads.loaded++;
  else loads.empty++;
}

/** Pure: every load failed and none returned a package (and at least one load was seen). */
export function loadedNothing(loads: PackageLoads | undefined): boolean {
  return !!loads && loads.empty > 0 && loads.loaded === 0;
}
