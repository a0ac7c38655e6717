// go's "inconsistent vendoring" when there is no vendor directory at all. go uses vendor/ by
// default only when it exists, so go checks a vendor/modules.txt that is not there only when
// -mod=vendor is given (GOFLAGS, go.buildFlags, gopls's build.buildFlags). Measured with go1.26.8 on
// a module requiring golang.org/x/text and no vendor/, GOFLAGS=-mod=vendor: go says, for each
// require, "golang.org/x/text@v0.38.0: is explicitly required in go.mod, but not marked as
// explicit in vendor/modules.txt" and nothing else (cmd/go modload/vendor.go). A vendor directory
// that is merely stale says other things too (a version it "indicates", a module "marked as
// explicit in vendor/modules.txt, but not explicitly required", a replacement): a tester's
// GOFLAGS=-mod=vendor log (f23) was read as "go.mod changed without go mod vendor".
import type { Fix, FindingInput } from '../doctor/model.js';

/** go's one reason when vendor/modules.txt lacks a require (and what it says for every require when the file is absent). */
const UNMARKED = 'is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt';
/** go's other reasons, which only a vendor/modules.txt that exists can give. */
const LISTED = /but vendor\/modules\.txt indicates|is marked as explicit in vendor\/modules\.txt|marked as replaced|not marked as replaced|exists in the vendor directory but is missing/;

/** Every reason go gave is a require missing from vendor/modules.txt, as when the file is not there. Pure. */
export function vendorListAbsent(texts: readonly string[]): boolean {
  return texts.some((t) => t.includes(UNMARKED)) && !texts.some((t) => LISTED.test(t));
}

// go mod vendor settles all three readings; the check says which one it was.
const FIXES: Fix[] = [
  { id: 'go-mod-vendor', kind: 'terminal', title: 'Write vendor/ and vendor/modules.txt to match go.mod', text: 'go mod vendor', needsRoot: false, detail: 'Run in the module\'s folder. Not wanted if the module is not meant to be vendored: then drop -mod=vendor instead.' },
  { id: 'goflags-drop-mod-vendor', kind: 'terminal', title: 'Or stop forcing vendor mode: remove -mod=vendor from GOFLAGS (this unsets GOFLAGS in go env\'s file; put back any other flag it held)', text: 'go env -u GOFLAGS', needsRoot: false, detail: 'Or remove -mod=vendor from go.buildFlags, gopls\'s build.buildFlags or the environment the editor starts with, wherever it is set.' },
  { id: 'goflags-show-mod-vendor', kind: 'terminal', check: true, title: 'Show whether GOFLAGS asks for vendor mode and whether the module has vendor/modules.txt', text: 'go env GOFLAGS; ls -l vendor/modules.txt', needsRoot: false },
];

/** The vendoring finding retold for a vendor/modules.txt that is not there, or lacks the requires. Pure. */
export function asVendorAbsent(f: FindingInput, n: number, name: string): FindingInput {
  return {
    ...f,
    confidence: Math.max(f.confidence, 0.65),
    message: `go checks vendor/modules.txt against go.mod and its only complaint is requires "not marked as explicit in vendor/modules.txt" (${n} ${n === 1 ? 'line' : 'lines'} in ${name}). That is all go says when the module has no vendor directory and -mod=vendor is given (go uses vendor/ on its own only when it exists, so the flag comes from GOFLAGS, the editor's environment or go.toolsEnvVars, go.buildFlags or gopls's build.buildFlags); it also says it when vendor/modules.txt was written by a Go before 1.14, or go.mod gained requires without go mod vendor.`,
    fixes: FIXES,
  };
}
