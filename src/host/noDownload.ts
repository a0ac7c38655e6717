// The doctor never downloads anything on its own (issue 9 finding 10). A go command whose go.mod
// (or GOTOOLCHAIN) asks for a newer Go switches toolchains, and under GOTOOLCHAIN=auto that is a
// download from the user's GOPROXY: `go env`, `go version -m` and the go that gopls runs all did
// it. So every go the doctor runs gets GOTOOLCHAIN=local, and the read-only ones GOPROXY=off too.
// What the workspace asks for is reported instead, by the modules probe.

/** For a go (or gopls) the doctor starts: never switch toolchains, so never fetch one. */
export function noToolchainSwitch(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, GOTOOLCHAIN: 'local' };
}

/** For a go command that only reads (go version -m, go list -m): no module fetch either. */
export function readOnlyGo(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, GOTOOLCHAIN: 'local', GOPROXY: 'off' };
}

/**
 * For `go version -m` (what built a binary): read-only, and without the user's GOFLAGS, from the
 * environment or the go env file (GOENV=off). Reading build info needs no flags, and a GOFLAGS go
 * rejects ("go: parsing $GOFLAGS: unknown flag") made every tool "no Go build info" (measured); the
 * broken GOFLAGS is reported by what fails with it.
 */
export function buildInfoGo(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { GOFLAGS: _flags, ...rest } = readOnlyGo(env);
  return { ...rest, GOENV: 'off' };
}

/**
 * GOTOOLCHAIN as go.dev/doc/toolchain spells it. A value outside this makes every go command fail
 * at once ("invalid GOTOOLCHAIN"), before any switch: that failure is worth reporting as it is.
 */
export function validToolchainSetting(v: string): boolean {
  return /^(|auto|local|path|local\+auto|local\+path|go\d+\.\d+(\.\d+)?((rc|beta)\d+)?(\+(auto|path))?)$/.test(v.trim());
}
