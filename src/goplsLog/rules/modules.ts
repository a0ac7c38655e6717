// module-resolution: the words that say gopls or the go command found no module, workspace or
// package for a file (module downloads are downloads.ts's). One file per class, so a family's
// rules read together; the order they are tried in is order.ts's.
import type { Rule } from './rule.js';

export const MODULE_RULES: readonly Rule[] = [
  {
    id: 'no-views',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'no-build',
    severity: 'error',
    confidence: 0.75,
    needles: ['no views'],
    test: /\bno views\b/,
    says: 'gopls answered "no views": it has no build (module or GOPATH) for the workspace, so every request on a file fails',
  },
  {
    id: 'no-modules-in-workspace',
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.75,
    // gopls's workspace notice: "gopls was not able to find modules in your workspace. When
    // outside of GOPATH, gopls needs to know which modules you are working on."
    needles: ['not able to find modules in your workspace', 'needs to know which modules you are working on', 'requires a module at the root of your workspace'],
    says: 'gopls found no module in the workspace: the folder opened is not inside a module and there is no go.work',
  },
  {
    id: 'modules-disabled',
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.8,
    // go: modules disabled by GO111MODULE=off; "modules disabled by GO111MODULE=auto in GOPATH/src".
    // Also GOPATH mode told otherwise: "cannot use path@version syntax in GOPATH mode", "go: warning:
    // ignoring go.mod in $GOPATH …" (cmd/go modload/init.go), "build flag -mod=mod only valid when using modules".
    // And `go list -m` (which gopls and the Go extension run) refusing GOPATH mode: cmd/go list.go "go: list
    // -m cannot be used with GO111MODULE=off" (1.14+), "go list -m: not using modules" before.
    // And gopls's own "Created View" record of the environment it runs go with (v0.15+:
    // "env={GOOS:linux … GO111MODULE:off …}"): a real v0.23.0 trace of a module under
    // GO111MODULE=off said nothing else of it, only "cannot find package … in GOROOT" (a tester's).
    needles: ['modules disabled by GO111MODULE', 'go.mod exists but should not', 'syntax in GOPATH mode', 'ignoring go.mod in', 'only valid when using modules', 'list -m cannot be used with GO111MODULE=off', 'go list -m: not using modules', 'GO111MODULE:off'],
    test: /modules disabled by GO111MODULE|go\.mod exists but should not|syntax in GOPATH mode|ignoring go\.mod in|only valid when using modules|list -m cannot be used with GO111MODULE=off|go list -m: not using modules|(?:\\t|\b)env=\{[^}\n]*\bGO111MODULE:off\b/,
    says: 'the go command runs with modules disabled (GO111MODULE=off, or auto inside GOPATH/src) or with a go.mod where GOPATH mode expects none',
  },
  {
    id: 'outside-modules',
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.75,
    // "directory . outside modules listed in go.work or their selected dependencies", "directory x is
    // outside main module or its selected dependencies", "…is not in the main module".
    needles: ['outside modules listed in go.work', 'outside main module', 'outside available modules', 'is not in the main module', 'outside the main module'],
    says: 'the go command was run in a directory that is not part of the main module or the go.work',
  },
  {
    id: 'file-not-in-workspace',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // gopls's notices: "This file is within module X, which is not included in your workspace",
    // "No packages found for open file X", "This file is ignored by your gopls build".
    // Older gopls: "go/packages.Load: no packages found for /x/y_test.go".
    needles: ['which is not included in your workspace', 'No packages found for open file', 'is ignored by your gopls build', 'no packages found for'],
    says: 'gopls found no package for an open file: its module is not part of the workspace (or the file is excluded from the build)',
  },
  {
    id: 'package-not-found',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'no-build',
    severity: 'warning',
    confidence: 0.45,
    // "package foo/bar is not in GOROOT (…)", "cannot find package \"x\" in any of:", "no required
    // module provides package x": an import nothing in the build provides.
    // go1.20+ says "package x/y is not in std (…)"; gopls "cannot find package %q in GOROOT or GOPATH".
    // modload/import.go ImportMissingError's other shapes: "package x provided by m at latest
    // version v1 but not at required version v2" and "missing module for import: m@v provides x";
    // GOPATH-era vendoring's 'cannot find package "x" in:' followed by the vendor directory.
    // cmd/go's vcs (RepoRootForImportDynamic) when GOPATH and the modules have no such package and
    // the path has no host to fetch it from: 'package app/routers: unrecognized import path
    // "app/routers" (import path does not begin with hostname)' (a GOPATH project outside GOPATH,
    // or a module mode turned off), later ': import path does not begin with hostname'.
    needles: ['is not in GOROOT', 'is not in std', 'cannot find package', 'no required module provides package', 'cannot find module providing package', 'but not at required version', 'missing module for import: ', 'import path does not begin with hostname'],
    test: /package \S+ is not in (?:GOROOT|std)\b|cannot find package \\?"[^"]+\\?" in(?: any of| GOROOT|:)|no required module provides package|cannot find module providing package|but not at required version|missing module for import: |unrecognized import path \\?"[^"\n]{1,300}\\?"[: (]{1,3}import path does not begin with hostname/,
    yieldsTo: ['go-toolchain-mismatch', 'tool-install-failed', 'vendor-mode-lookup', 'go-too-old-for-tools', 'std-package-unindexed'],
    userCode: true,
    says: 'an import is provided by no module in the build (or by nothing in GOPATH in GOPATH mode)',
  },
  {
    id: 'module-import-in-goroot',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'no-build',
    severity: 'warning',
    confidence: 0.5,
    // gopls's type checker in a view with no module (an ad hoc view: a folder without go.mod, or
    // GO111MODULE=off with GOPATH unset there): 'could not import github.com/google/uuid (cannot find
    // package "github.com/google/uuid" in GOROOT)'. A path whose first element has a dot is a
    // module's, never GOROOT's, so it is looked up there only because no go.mod put the folder in
    // module mode. Read inside publishDiagnostics too (not userCode): a typo in an import says "no
    // required module provides" in module mode, not this (a tester's real gopls v0.23.0 log of a
    // folder without go.mod was "no problems found").
    needles: ['in GOROOT)'],
    test: /could not import ([\w-]+\.[\w.-]+\/\S+) \(cannot find package \\?"\1\\?" in GOROOT\)/,
    says: "a module's package was looked up in GOROOT only: the folder has no go.mod (or modules are off there), so gopls builds it without any module",
  },
  {
    id: 'no-view-for-file',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // Also gopls's "No active builds contain X: consider opening a new workspace folder containing
    // it" and "current file is not included in a workspace module": no view has the file,
    // which is also what a gopls that cannot run go says (go-missing explains it then).
    needles: ['no view for', 'No active builds contain', 'not included in a workspace module'],
    says: 'gopls found no build containing a file the editor opened ("no view for file")',
  },
  {
    id: 'workspace-load-failed',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.7,
    // gopls 0.4–0.5: "Your workspace is misconfigured: go [-e -json …]: exit status 1: …".
    // A warning: it says the load failed, not why; the reason, on the same record or the lines
    // after it, has its own rule (go missing, a go.mod error, GOFLAGS…), which is the error when it
    // is one. Not every reason is the workspace's: gopls also fails the load when the editor's
    // client does not answer its workspace/configuration request ("failed to get workspace
    // configuration from client …: MethodNotFound", an outdated client).
    needles: ['rror loading workspace', 'initial workspace load failed', 'failed to load view for', 'Your workspace is misconfigured'],
    // "initial workspace load failed: packages.Load error: err: signal: killed": the go command was
    // SIGKILLed (a tester's 60M memory cgroup, f20b): the kill is what the line tells, and the
    // killed symptom reads it; as a module problem it came first, "unexplained", above the memory reading.
    yieldsTo: ['go-missing', 'go-too-old', 'go-command-killed'],
    says: 'gopls failed to load the workspace ("Error loading workspace" / "initial workspace load failed")',
  },
  {
    id: 'packages-load-error',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.5,
    needles: ['packages.Load error'],
    yieldsTo: ['go-missing', 'workspace-load-failed', 'go-command-killed'],
    says: 'go/packages.Load failed: the go command could not list the workspace packages',
  },
  {
    id: 'go-mod-not-found',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.5,
    needles: ['go.mod file not found', 'cannot find main module'],
    says: 'the go command found no go.mod at or above the directory gopls ran it in',
  },
  {
    id: 'inconsistent-vendoring',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // And gopls's own words for it (internal/lsp/cache/mod.go, v0.5–v0.11): 'Inconsistent vendoring
    // detected. Please re-run "go mod vendor".' (a needle is exact: the capital I is another one).
    needles: ['inconsistent vendoring', 'Inconsistent vendoring detected'],
    says: 'the vendor directory disagrees with go.mod (inconsistent vendoring)',
  },
  {
    id: 'not-in-module',
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.7,
    // gopls before 0.7: "You are neither in a module nor in your GOPATH…", "You are in module mode,
    // but you are not inside of a module", "Your workspace root is X, but your module root is Y";
    // gopls now: "no go.mod file found for X"; cmd/go: "go:
    // cannot determine module path for source directory X (outside GOPATH, module path must be
    // specified)", "go: no go.work file found".
    // gopls's "go env for" header "(valid build configuration = false)": the very condition under
    // which it showed "neither in a module nor in your GOPATH".
    needles: ['valid build configuration = false', 'neither in a module nor in your GOPATH', 'but you are not inside of a module', 'but your module root is', 'no go.mod file found for', 'cannot determine module path for source directory', 'no go.work file found'],
    yieldsTo: ['outside-module-and-gopath'],
    says: 'the open folder or file is in no module gopls or go can use (no go.mod at or above it, or a go.work that leaves it out)',
  },
  {
    id: 'go-mod-invalid',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // cmd/go modload: "go: errors parsing go.mod:\n…:3: unknown directive: x", "error loading go.mod",
    // "invalid go version '1.21.0': must match format 1.23", "missing module declaration", "module
    // declares its path as: a but was required as: b", "cannot load module x listed in go.work file",
    // "module x appears multiple times in workspace", "conflicting replacements", "workspace module x
    // is replaced at all versions in the go.work file".
    // Also golang.org/x/mod modfile's own parse errors as cmd/go prints them alone ("go.mod:5:
    // unknown directive: toolchain", which a go before 1.21 says of a newer go.mod's toolchain line)
    // and modload's "(replaced by ../x): replacement module has different module path".
    // x/mod modfile/rule.go's "unknown block type: requires" as cmd/go prints it alone ("go.mod:6:
    // …"); its "usage: require module/path v1.2.3" comes under "errors parsing go.mod", read above.
    // gopls (gopls/internal/cache/view.go initialize) on a workspace go.mod without a module line:
    // "no module path for file:///x/go.mod" (its diagnostic on the go.mod and the load's error).
    // Go 1.11–1.12 said "module declares its path as" its own way: "go: x@v1.0.0: parsing go.mod:
    // unexpected module path \"y\"" (golang/go#28202, otiai10/copy#10, hashmatter/p3lib#35), and
    // for a go.mod with no module line "go: x@v1.0.0: parsing go.mod: missing module line".
    // modload (Go 1.21+) on a go.work whose go line is below a module's: "go: module ./x listed in
    // go.work file requires go >= 1.22.1, but go.work lists go 1.21; to update it:\n\tgo work use"
    // (the workspace file is stale, not the go installed).
    needles: ['no module path for ', 'malformed module path', 'errors parsing go.', 'error loading go.', 'must match format', 'missing module declaration', 'module declares its path as', 'listed in go.work file', 'appears multiple times in workspace', 'conflicting replacements', 'is replaced at all versions', 'unknown directive: ', 'replacement module has different module path', 'unknown block type', 'parsing go.mod: unexpected module path', 'parsing go.mod: missing module line'],
    test: /\bno module path for \S*go\.mod\b|malformed module path|errors parsing go\.(?:mod|work)|error loading go\.(?:mod|work)|invalid go version '[^'\n]*': must match format|missing module declaration|module declares its path as|parsing go\.mod: (?:unexpected module path "|missing module line)|cannot load module \S+ listed in go\.work file|module \S{1,300} listed in go\.work file requires go >= |appears multiple times in workspace|conflicting replacements|is replaced at all versions in the go\.work|\bgo\.(?:mod|work):\d+(?::\d+)?: unknown directive: \w|\bunknown block type\b|replacement module has different module path/,
    // gopls's own go.mod refused by an old go is the install's problem (gopls-launch), not the user's module.
    yieldsTo: ['gopls-needs-newer-go', 'gowork-use-missing'],
    says: 'go.mod or go.work cannot be used as written (a parse error, a module path that disagrees, a go.work naming modules it cannot load)',
  },
  {
    id: 'mod-flag-in-workspace-mode',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // cmd/go modload/init.go: "go: -mod may only be set to readonly or vendor when in workspace
    // mode, but it is set to "mod"\n\tRemove the -mod flag to use the default readonly value,\n\tor
    // set GOWORK=off to disable workspace mode." gopls passes no -mod there: it comes from GOFLAGS
    // (a -mod=mod set once for every module) the day a go.work appears above the folder.
    needles: ['when in workspace mode, but it is set to'],
    says: 'GOFLAGS (or the command line) sets -mod=mod, which the go command refuses once a go.work puts it in workspace mode: every go command and gopls load fails until -mod is dropped or GOWORK=off',
  },
  {
    id: 'vendor-mode-lookup',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // cmd/go modload with -mod=vendor or -mod=readonly (set, or from GOFLAGS): "cannot find module
    // providing package x: import lookup disabled by -mod=vendor\n\t(Go version in go.mod is at least
    // 1.14 and vendor directory exists.)", "module lookup disabled by -mod=…", "cannot query module due
    // to -mod=…", "can't resolve module using the vendor directory", "directory x is not a package
    // listed in vendor/modules.txt", "go: updates to go.mod needed, disabled by -mod=readonly", "go:
    // updates to go.mod needed; to update it:\n\tgo mod tidy", "-mod may only be set to readonly or
    // vendor when in workspace mode".
    // And modload/import.go's DirectImportFromImplicitDependencyError, reported in the default
    // readonly mode: "package x imports y from implicitly required module; to add missing
    // requirements, run:" (go list: "… imported from implicitly required module").
    // Go 1.11–1.13 with -mod=vendor (set, or GOFLAGS=-mod=vendor) read each import from vendor/
    // and said, for one not vendored or no vendor directory at all: "build x: cannot load y: open
    // /src/app/vendor/y: no such file or directory" (smithoss/gonymizer#63,
    // checkr/states-language-cadence#8, dgageot/demoit#52: go mod vendor fixed each). And modget
    // (Go 1.12–1.15): "go get: disabled by -mod=vendor".
    needles: ['lookup disabled by -mod=', 'cannot query module due to -mod=', 'resolve module using the vendor directory', 'listed in vendor/modules.txt', 'should be required explicitly in go.mod', 'needed, disabled by -mod=', 'updates to go.mod needed', '-mod may only be set to', 'vendor directory exists', 'from implicitly required module', 'go get: disabled by -mod=', '/vendor/', '\\vendor\\'],
    test: /lookup disabled by -mod=|cannot query module due to -mod=|resolve module using the vendor directory|listed in vendor\/modules\.txt|should be required explicitly in go\.mod|needed, disabled by -mod=|updates to go\.mod needed|-mod may only be set to|vendor directory exists|from implicitly required module|go get: disabled by -mod=|cannot load \S{1,300}: open \S{0,300}[\/\\]vendor[\/\\]\S{0,300}: (?:no such file or directory|The system cannot find the (?:path|file) specified)/,
    yieldsTo: ['go-toolchain-mismatch', 'goflags-vendor-blocks-install', 'mod-flag-in-workspace-mode'],
    // -mod=readonly is go's default since 1.16: these lines need no GOFLAGS (measured: an exclude
    // directive on a required version gives "updates to go.mod needed" with GOFLAGS unset).
    says: 'go.mod, go.sum or the vendor directory does not have what the build needs, and the go command may not change them (its default read-only module mode, or -mod=vendor): go mod tidy (or go mod vendor) makes them agree',
  },
  {
    id: 'module-lacks-package',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.5,
    // cmd/go modload: "main module (x) does not contain package x/y", "module x@v found, but does not
    // contain package x/y", "ambiguous import: found package x in multiple modules", "module x provides
    // package y and is replaced but not required".
    // Go 1.11–1.13 said it without "package" (modload/import.go then): 'unknown import path "x":
    // ambiguous import: found x in multiple modules:' (googlemaps/google-maps-services-go#163,
    // posener/complete#93): the same family, one word shorter.
    needles: ['does not contain package', 'ambiguous import: found ', 'and is replaced but not required'],
    test: /does not contain package|ambiguous import: found (?:package )?\S{1,300} in multiple modules|and is replaced but not required/,
    yieldsTo: ['go-toolchain-mismatch'],
    says: 'the module graph does not provide an imported package where the import path says (a wrong module path, a replace without a require, or two modules with the same package)',
  },
  {
    id: 'no-packages-matched',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.45,
    // cmd/go: 'go: warning: "./..." matched no packages' and "can't load package: package x: no Go
    // files in /dir": the go command ran in a folder (the one opened) that holds no package.
    needles: ['matched no packages', 'no Go files in'],
    says: 'the go command found no package where it ran (the folder opened is not the module or package root)',
  },
  {
    id: 'gopath-mode-auto',
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.8,
    // cmd/go modload (go 1.11–1.12): "go: modules disabled inside GOPATH/src by GO111MODULE=auto; see 'go help modules'".
    needles: ['modules disabled inside GOPATH/src'],
    says: 'the go command runs in GOPATH mode (GO111MODULE=auto inside GOPATH/src), so the module is ignored',
  },
  {
    id: 'workspace-excludes-module',
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.75,
    // cmd/go modload (workspace mode): "current directory is contained in a module that is not one
    // of the workspace modules listed in go.work. You can add the module to the workspace using: go
    // work use .", "pattern ./...: directory prefix . does not contain modules listed in go.work or
    // their selected dependencies", "go: no modules were found in the current workspace; see 'go help work'".
    needles: ['is contained in a module that is not one of the workspace modules', 'does not contain modules listed in go.work', 'no modules were found in the current workspace'],
    says: 'a go.work is in effect (found above the folder, or named by GOWORK) and does not list the module being built',
  },
  {
    id: 'gowork-use-missing',
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.85,
    // A go.work `use` of a folder that is not there or holds no go.mod. Measured with go1.26.8 and
    // gopls v0.23.0 (test/fixtures/go-messages.jsonl, gopls-messages.jsonl): go names the folder
    // relative to where it ran ("go: cannot load module ../gone listed in go.work file: open
    // ../gone/go.mod: no such file or directory", the same for a folder without go.mod); gopls stats
    // it ("errors loading workspace: stat /w/gone/go.mod: no such file or directory", "warning:
    // while diagnosing go.mod file: stat …", "… go.mod upgrades: …", "… vulnerabilities: …") and
    // marks the use line in go.work ("directory ./gone does not contain a module"). go refuses the
    // whole workspace: every go command in it fails, and gopls loads nothing there.
    needles: ['listed in go.work file: open ', '/go.mod: no such file or directory', 'does not contain a module'],
    test: /cannot load module \S+ listed in go\.work file: open \S*go\.mod: (?:no such file or directory|The system cannot find the (?:file|path) specified)|(?:errors loading workspace|while diagnosing [\w. ]{1,40}|initial workspace load failed): stat \S+\/go\.mod: no such file or directory|\bdirectory \S+ does not contain a module\b/,
    says: 'a go.work uses a folder that does not exist or holds no go.mod, so go refuses the whole workspace: every go command in it fails and gopls loads nothing there',
  },
  {
    id: 'gowork-file-missing',
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.85,
    // cmd/go modload ReadWorkFile: "go: reading go.work: open /x/go.work: no such file or directory"
    // (measured with go1.26: GOWORK=/tmp/nope.work go build). go finds a go.work of its own only by
    // walking up to one that exists, so a missing one was named: GOWORK, exported or in the go env
    // file, names a file that is gone, and every go command in every folder fails the same way (the
    // go-env probe's GOWORK finding says which on this machine).
    needles: ['reading go.work: open '],
    test: /reading go\.work: open [^\n]+?: (?:no such file or directory|The system cannot find the (?:file|path) specified)/,
    says: 'GOWORK names a go.work file that does not exist, so every go command fails before it starts (clear GOWORK, or set it to off or to a go.work that exists)',
  },
  {
    id: 'no-main-module-here',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.55,
    // cmd/go: "pattern ./...: directory prefix . does not contain main module or its selected
    // dependencies", "go: 'go install' requires a version when current directory is not in a module"
    // (go 1.16: "go install: version is required when current directory is not in a module"), and
    // go 1.12's "go: cannot match "all": working directory is not part of a module".
    // Go 1.22's get.go: "'go get' is no longer supported outside a module." (an old install
    // recipe for a tool run outside any module).
    needles: ['does not contain main module or its selected dependencies', 'requires a version when current directory is not in a module', 'version is required when current directory is not in a module', 'working directory is not part of a module', "'go get' is no longer supported outside a module"],
    says: 'the go command ran in a directory that is not inside the module (no go.mod at or above it)',
  },
  {
    id: 'replace-target-missing',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // cmd/go modload/import.go fetch: "replacement directory ../x does not exist"; older go: "go:
    // example.com/x@v0.0.0: parsing ../x/go.mod: open /abs/x/go.mod: no such file or directory".
    // Newer go: "go: example.com/x@v0.0.0 (replaced by ../x): reading ../x/go.mod: open
    // /abs/x/go.mod: no such file or directory" (Windows: "The system cannot find the path specified.").
    needles: ['replacement directory', 'go.mod: open ', '(replaced by '],
    test: /replacement directory \S+ does not exist|parsing \S*go\.mod: open \S*go\.mod: (?:[Nn]o such file or directory|The system cannot find)|\(replaced by [^)\n]{1,300}\):?\s+(?:reading \S*go\.mod: )?(?:open \S*go\.mod: )?(?:[Nn]o such file or directory|The system cannot find the (?:path|file) specified)/,
    says: 'a replace directive in go.mod points at a directory that is not there (not checked out, not copied into the container, or a path relative to another folder)',
  },
  {
    id: 'install-refuses-directives',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // cmd/go (load.PackagesAndErrorsOutsideModule, `go install pkg@version`, `go run pkg@version`):
    // "go: example.com/cmd@latest (in example.com/cmd@v1.2.0):" then "The go.mod file for the module
    // providing named packages contains one or more replace directives. It must not contain
    // directives that would cause it to be interpreted differently than if it were the main
    // module." (also for exclude directives), printed over three indented lines. The module's own
    // go.mod is the cause: build it from a checkout, or install another version. When the module
    // is gopls itself (its go.mod replaced golang.org/x/tools with ../ at master for a long time),
    // it is gopls's install that failed: gopls-install-refused.
    needles: ['must not contain directives that would cause', 'contains one or more replace directives', 'contains one or more exclude directives'],
    test: /must not contain directives that would cause|module providing named packages contains one or more (?:replace|exclude) directives/,
    yieldsTo: ['gopls-install-refused'],
    says: "`go install pkg@version` refuses a module whose go.mod has replace or exclude directives: that module can only be built from a checkout of it, or at another version",
  },
  {
    id: 'gopls-install-refused',
    classId: 'gopls-launch',
    severity: 'warning',
    confidence: 0.6,
    // The same refusal right after gopls was named (the "(in golang.org/x/tools/gopls@…)" line
    // before it): `go install golang.org/x/tools/gopls@master` (or a pseudo-version) while gopls's
    // go.mod carries its development replace directive. gopls's own docs install released versions
    // (`@latest`) and build master from a clone of x/tools.
    needles: ['must not contain directives that would cause', 'contains one or more replace directives', 'contains one or more exclude directives'],
    test: /(?!)/,
    nearGopls: /must not contain directives that would cause|module providing named packages contains one or more (?:replace|exclude) directives/,
    says: "`go install` refused this gopls version because its go.mod has replace directives (gopls at master): install a released version (gopls@latest) or build it from a clone of golang.org/x/tools, so the editor has a gopls",
  },
  {
    id: 'module-path-mismatch',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.5,
    // cmd/go load/pkg.go "case-insensitive import collision: "a/B" and "a/b"", modfetch "case-
    // insensitive file name collision"; modfetch/coderepo.go "go.mod has post-v2 module path … at
    // revision …", "module contains a go.mod file, so major version must be compatible: should be v0
    // or v1, not v2" / "… so module path must match major version"; gopls's go.mod diagnostic "x is
    // not in your go.mod file" (mod tidy): an import path and the module that provides it disagree.
    // modfetch/coderepo.go also: "invalid version: +incompatible suffix not allowed: module contains
    // a go.mod file, so semantic import versioning is required" (a v2+ tag asked for without /v2).
    // GOPATH mode's (cmd/go load/pkg.go, modules off) import comment check: "code in directory
    // /home/u/go/src/github.com/u/x expects import \"example.org/x\"": the code is checked out at
    // another GOPATH path than the one it declares.
    needles: ['case-insensitive import collision', 'case-insensitive file name collision', 'major version must be compatible', 'module path must match major version', 'is not in your go.mod file', 'module path "', '+incompatible suffix not allowed', ' expects import "'],
    // modfetch/coderepo.go also: 'go.mod has non-.../v2 module path "x" (and .../v2/go.mod does not exist) at revision v2.0.0'.
    test: /case-insensitive (?:import|file name) collision|\+incompatible suffix not allowed|go\.mod has post-v\d+ module path|go\.mod has non-\.\.\.\/v\d+ module path|major version must be compatible|module path must match major version|\S{1,300} is not in your go\.mod file|code in directory [^\n]{1,300} expects import "/,
    says: "an import path disagrees with the module that provides it (letter case, a major version suffix, or a module missing from go.mod)",
  },
  {
    id: 'internal-import-denied',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.45,
    // cmd/go load/pkg.go: "use of internal package x/internal/y not allowed": the importing package
    // is not where its import path says (a checkout outside its module path, GOPATH mode vs modules).
    // Before Go 1.13 load/pkg.go said it without the path ("package x: use of internal package not
    // allowed"); gopls's importer of 2020 (internal/lsp/cache/check.go) says "could not import
    // x/internal/y (invalid use of internal package x/internal/y)".
    needles: ['use of internal package'],
    test: /use of internal package (?:\S{1,300} )?not allowed|invalid use of internal package \S/,
    userCode: true,
    says: 'an internal package is imported from outside the tree that owns it: the code is not checked out where its module path says, or is built in the wrong mode',
  },
  {
    id: 'module-for-path-missing',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'no-build',
    severity: 'warning',
    confidence: 0.45,
    // cmd/go 1.11: "cannot find module for path x" (later "cannot find module providing package x").
    needles: ['cannot find module for path'],
    userCode: true,
    yieldsTo: ['goroot-std-missing', 'go-toolchain-mismatch'],
    says: 'an import is provided by no module in the build',
  },
  {
    id: 'build-constraints-exclude',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.4,
    // cmd/go: "build constraints exclude all Go files in /x" — the same kind the gopls diagnostics
    // probe reads (src/lsp/goplsDiagnostics.ts): the folder holds no file of this build.
    // gopls's "This file may be excluded due to its build tags" / "is excluded due to its build tags".
    needles: ['build constraints exclude all Go files', 'excluded due to its build tags'],
    says: 'the go command found no file of this build in a package directory (its build constraints exclude every file for this GOOS/GOARCH and tags)',
  },
  {
    id: 'outside-module-and-gopath',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'no-build',
    severity: 'error',
    confidence: 0.7,
    // gopls before 0.7 (cache/view.go): "You are neither in a module nor in your GOPATH. If you are
    // using modules, please open your editor to a directory in your module." and gopls 0.5's "You are
    // outside of a module and outside of $GOPATH/src." What gopls saw, which the environment decides
    // as much as the folder: a GOPATH set wrong (or to GOROOT) or GO111MODULE=off puts every folder
    // outside both, so an environment cause found beside it comes first.
    // vim-go's warning for the same state: "Features that rely on gopls will not work correctly
    // outside of GOPATH or a module." (its wording, as its reports quote it).
    needles: ['neither in a module nor in your GOPATH', 'outside of a module and outside of $GOPATH', 'will not work correctly outside of GOPATH or a module'],
    says: 'gopls found the open folder neither in a module nor in GOPATH (no go.mod at or above it, or a GOPATH that does not contain it)',
  },
  {
    id: 'modules-off-listed',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.55,
    // Not screened by needles: the analyzer reads GO111MODULE=off in a `go env` listing (any shape)
    // or in gopls's log of the go commands it runs ("… for GOROOT=… GOPATH=… GO111MODULE=off PWD=…",
    // internal/gocommand) (goEnvListing.ts).
    needles: [],
    says: 'the go command runs with GO111MODULE=off from the environment, so go.mod is ignored and imports are looked up in GOPATH',
  },
  {
    id: 'vendor-out-of-sync',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // cmd/go modload/vendor.go's reasons under "inconsistent vendoring": "x@v: is explicitly required
    // in go.mod, but not marked as explicit in vendor/modules.txt", "… is marked as explicit in
    // vendor/modules.txt, but not explicitly required in go.mod", "… is replaced in go.mod, but not
    // marked as replaced in vendor/modules.txt", and its advice "run 'go mod vendor' to sync".
    // modload/import.go (Go 1.23+, -mod=vendor): "go: ignoring package x which exists in the vendor
    // directory but is missing from vendor/modules.txt. To sync the vendor directory run go mod vendor."
    needles: ['but not marked as explicit in vendor/modules.txt', 'is marked as explicit in vendor/modules.txt', 'but not marked as replaced in vendor/modules.txt', "run 'go mod vendor' to sync", 'exists in the vendor directory but is missing from vendor/modules.txt'],
    yieldsTo: ['inconsistent-vendoring'],
    says: 'the vendor directory disagrees with go.mod (inconsistent vendoring: go.mod changed without go mod vendor)',
  },
  {
    id: 'nested-module',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // gopls 0.6–0.7 (cache/snapshot.go): "You are working in a nested module. Please open it as a
    // separate workspace folder." and "This file is in X, which is a nested module in the Y module.
    // gopls currently requires one module per workspace folder."
    needles: ['You are working in a nested module', 'which is a nested module in the'],
    says: 'the open file belongs to a module nested inside the folder opened, which this gopls does not load (open the nested module as its own folder, or use a go.work)',
  },
  {
    id: 'go-work-mode-refused',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.55,
    // cmd/go modcmd/vendor.go: "go: 'go mod vendor' cannot be run in workspace mode. Run 'go work
    // vendor' to vendor the workspace or set 'GOWORK=off' to exit workspace mode." — a go.work above
    // the module (or GOWORK) switched workspace mode on.
    needles: ['cannot be run in workspace mode'],
    says: 'a go.work (found above the folder, or named by GOWORK) put the go command in workspace mode, where this command cannot run',
  },
  {
    id: 'cant-find-import',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'no-build',
    severity: 'warning',
    confidence: 0.4,
    // go/types' gc importer, as gotype, old gocode and the Go extension's build before gopls printed
    // it: 'could not import x (can't find import: "x")' — no compiled package for the import where
    // GOPATH says it should be.
    needles: ["can't find import"],
    test: /can't find import:? \\?"/,
    userCode: true,
    says: 'an import could not be found where GOPATH or the module graph says it should be',
  },
  {
    id: 'old-gopls-no-file',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'no-build',
    severity: 'warning',
    confidence: 0.55,
    // gopls of 2019 (internal/lsp/cache) answering a request on a file no loaded package holds:
    // "no AST for file:///x.go", "no file information for file:///x.go", "no metadata for file:///x.go".
    needles: ['no AST for file://', 'no file information for file://', 'no metadata for file://'],
    test: /no (?:AST|file information|metadata) for file:\/\//,
    says: 'gopls had no package for the open file: the folder opened is not a module or GOPATH workspace that holds it',
  },
  {
    id: 'no-package-metadata',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'no-build',
    severity: 'warning',
    confidence: 0.45,
    // gopls v0.12 and later (gopls/internal/golang/snapshot.go NarrowestMetadataForFile and
    // selectPackageForFile; internal/lsp/source before v0.15) answering hover, definition,
    // completion, codeAction… on a file: "no package metadata for file %s" (the file's URI).
    // snapshot.MetadataForFile loaded the file's directory (a go/packages file= query) and no package
    // it got holds the file: outside every module of the view (no go.mod above it, or another
    // folder), a module the go.work does not use, build constraints or a _/. name that leave it out,
    // gopls's directoryFilters, or a go list that failed ("MetadataForFile: packages.Load error").
    // A request sent while the file is being created or moved says it too, hence only a warning.
    // (A paste that drops the doubled word, "for file:///…", is the same message.)
    needles: ['no package metadata for file'],
    test: /no package metadata for file(?: \S|:\/\/)/,
    says: 'gopls answered a request on a file with "no package metadata": the file is in no package it loaded (outside every module of the workspace, in a module the go.work does not use, or left out by build constraints)',
  },
  {
    id: 'adhoc-package-file',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'no-build',
    severity: 'warning',
    confidence: 0.5,
    // gopls (cache/pkg.go, internal/lsp/cache before v0.12): "no parsed file for file:///x/main.go in
    // command-line-arguments" — a request on a file gopls could only load as an ad-hoc package
    // (cmd/go's name for files listed on its command line): no module or GOPATH package holds it.
    needles: ['in command-line-arguments'],
    test: /no parsed file for \S+ in command-line-arguments\b/,
    says: 'gopls could load the open file only on its own (as "command-line-arguments"): no module or GOPATH package in the workspace holds it',
  },
  {
    id: 'workspace-path-mismatch',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.55,
    // gopls (cache/view.go defineView; before v0.15 session.go getWorkspaceInformation): "invalid
    // workspace folder path: …; check that the spelling (older: casing) of the configured workspace
    // folder path agrees with the spelling reported by the operating system" — the folder opened is
    // spelt otherwise than the file system spells it (case, a reserved name), so gopls builds no view.
    needles: ['invalid workspace folder path'],
    test: /invalid workspace folder path: [^\n]{0,400}check that the (?:spelling|casing) of the configured workspace folder path/,
    says: 'gopls refused the workspace folder: its path is spelt otherwise than the operating system spells it (letter case or a reserved name), so no build is made for it',
  },
  {
    id: 'no-buildable-files',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.45,
    // cmd/go before 1.11: "no buildable Go source files in /x" (later "no Go files in"), and go/build's
    // "found packages a (a.go) and b (b.go) in /x" — the directory the tool ran in is not one package.
    needles: ['no buildable Go source files in', 'found packages '],
    test: /no buildable Go source files in|found packages \w+ \(\S+\.go\) and \w+ \(\S+\.go\) in/,
    userCode: true,
    says: 'the go command found no single buildable package where it ran (the folder opened is not the package or module root)',
  },
  // Lane gocmd: cmd/go's module words enumerated from its sources (test/fixtures/go-messages.jsonl).
  {
    id: 'relative-import-in-module',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.45,
    // cmd/go modload/import.go importFromModules: '"./util" is relative, but relative import paths
    // are not supported in module mode': GOPATH-era code (or a tutorial's) built as a module.
    // Its GOPATH-mode twin (cmd/go load/pkg.go: "local import %q in non-local package"): a
    // package inside a GOPATH workspace importing "./x".
    needles: ['relative import paths are not supported in module mode', 'in non-local package'],
    test: /relative import paths are not supported in module mode|local import \\?"[^"\n]{1,300}\\?" in non-local package/,
    userCode: true,
    says: 'the code imports a package by a relative path, which neither module mode nor a GOPATH workspace allows (import it by its module or GOPATH import path)',
  },
  {
    id: 'pseudo-version-invalid',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.45,
    // cmd/go modfetch/coderepo.go validatePseudoVersion: "invalid pseudo-version: preceding tag (v1.2.0)
    // not found", "… revision … is not a descendent of preceding tag", "… does not match
    // version-control timestamp (expected …)", "… revision is shorter than canonical (expected …)":
    // a version in go.mod (hand-written, or of a rewritten history) that the repository does not have.
    needles: ['invalid pseudo-version: '],
    test: /invalid pseudo-version: (?:preceding tag|revision|does not match|major version|version before)/,
    says: 'a pseudo-version in go.mod does not match the repository (a hand-edited version, a tag or commit that is not there, or a rewritten history)',
  },
  {
    id: 'go-import-meta-missing',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.5,
    // cmd/go vcs/discovery.go (a direct fetch: GOPRIVATE, GONOPROXY, GOPROXY=direct): 'unrecognized
    // import path "h/x": parse https://h/x?go-get=1: no go-import meta tags ()' — the host answered
    // the ?go-get=1 query without <meta name="go-import">: a private server that needs the
    // repository's .git suffix in the import path, credentials, or GOINSECURE for plain HTTP.
    needles: ['no go-import meta tags'],
    says: 'the code host answered the go command\'s ?go-get=1 lookup without a go-import tag (a private server that needs credentials or a .git suffix in the module path)',
  },
  {
    id: 'import-metadata-missing',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'no-build',
    severity: 'warning',
    confidence: 0.4,
    // gopls (cache/check.go, the type checker's importer): 'could not import x (missing metadata for
    // import of "x")' — go list reported no package for an import: a local module imported from
    // another module with no go.work or replace, a module not downloaded, or a load that failed
    // (standard packages too when go itself could not run). Also the moment between an edit that adds
    // an import and the reload, hence a weak warning.
    // gopls of 2019–2020 (internal/lsp/cache/check.go, its importer) said the same as 'could not
    // import x (no package for import x)' and 'could not import x (no package data for import x)'
    // (golang/go#40760, #39560: GOPATH mode or no module, go list had returned no package for x).
    // Not cgo's pseudo-package "C", which is the C toolchain's business, not the module graph's.
    needles: ['missing metadata for import of', 'no package for import ', 'no package data for import '],
    test: /missing metadata for import of|no package (?:data )?for import (?!C\b)\S/,
    userCode: true,
    says: 'gopls found no package for an import (go list reported none: a module the go.mod or go.work does not provide, or a load that failed)',
  },
  {
    id: 'modules-have-errors',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.5,
    // gopls cache/load.go moduleErrorMap: "2 modules have errors:" then "\t<module>:<go list's
    // error>" — go list returned a synthetic package holding the error for each workspace module it
    // could not load. The lines after it say why, and have their own rules; this says the load of
    // those modules failed. Also load.go's 'load failed: module name in …/go.mod contains
    // "command-line-arguments", which is disallowed'.
    // cmd/go 1.11–1.13 (modload) ended a module graph it could not load with "go: error loading
    // module requirements", after the line that says why (hashmatter/p3lib#35).
    needles: ['modules have errors:', 'contains "command-line-arguments", which is disallowed', 'error loading module requirements'],
    test: /\b\d+ modules have errors:|contains "command-line-arguments", which is disallowed|\berror loading module requirements\b/,
    says: 'gopls could not load some workspace modules (go list reported an error for each; the lines after it say which)',
  },
];
