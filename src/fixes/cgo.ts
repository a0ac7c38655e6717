// Fixes for cgo: a C compiler go cannot find, or cgo turned off under files that need it. Built
// here, beside catalog.ts, so an id means one command in every report.
import type { Fix } from '../doctor/model.js';
import { distroOf, toolsEnvFix, type SettingFix } from './catalog.js';

/** The package manager of the distribution, from /etc/os-release ID and ID_LIKE. */
export function cCompilerInstallFix(osRelease: string | undefined): Fix {
  const text = {
    debian: 'apt-get install -y gcc libc6-dev',
    fedora: 'dnf install -y gcc glibc-devel',
    alpine: 'apk add gcc musl-dev',
    arch: 'pacman -S --needed gcc',
    suse: 'zypper install -y gcc glibc-devel',
  }[distroOf(osRelease).family ?? 'debian'];
  return {
    id: 'cgo-install-c-compiler',
    kind: 'terminal',
    title: 'Install a C compiler (gcc) for cgo',
    text,
    needsRoot: true,
    detail: 'cgo runs the C compiler named by go env CC (gcc by default) for every package that imports "C", runtime/cgo included.',
  };
}

/** Build without cgo: go then uses its pure-Go net resolver and os/user, and skips files importing "C". */
export function cgoDisableFix(): SettingFix {
  return toolsEnvFix('cgo-disable', 'Build without cgo (CGO_ENABLED=0) in the editor', { CGO_ENABLED: '0' }, 'go.toolsEnvVars applies it to gopls and every go command the extension runs; files that import "C" are then left out of the build.');
}

export function cgoEnableFix(): SettingFix {
  return toolsEnvFix('cgo-enable', 'Build with cgo (CGO_ENABLED=1) in the editor', { CGO_ENABLED: '1' }, 'Files that import "C" are then part of the build again, for gopls and every go command the extension runs.');
}

/** Name the compiler by its absolute path, so the editor's PATH no longer matters. */
export function ccPathFix(cc: string): SettingFix {
  return toolsEnvFix('cgo-cc-path', `Set CC=${cc} for the Go tools`, { CC: cc });
}
