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

/**
 * clang, named by CC (go env -w CC=clang, or exported), where the default gcc would do. A versioned
 * clang-NN is a package of its own name on Debian and Ubuntu only; elsewhere none is offered.
 */
export function clangInstallFix(osRelease: string | undefined, program: string): Fix | undefined {
  const family = distroOf(osRelease).family ?? 'debian';
  const version = /^clang-(\d+)$/.exec(program)?.[1];
  if (program !== 'clang' && !(version && family === 'debian')) return undefined;
  const text = version
    ? `apt-get install -y clang-${version}`
    : { debian: 'apt-get install -y clang', fedora: 'dnf install -y clang', alpine: 'apk add clang', arch: 'pacman -S --needed clang', suse: 'zypper install -y clang' }[family];
  return { id: 'cgo-install-clang', kind: 'terminal', title: `Install ${program}, the compiler CC names`, text, needsRoot: true, detail: 'cgo runs the compiler go env CC names; installing it keeps CC as it is.' };
}

/** CC written with go env -w: removing it gives go its default compiler back. */
export function ccUnsetFix(): Fix {
  return { id: 'cgo-cc-unset', kind: 'terminal', title: 'Remove CC from your go env file', text: 'go env -u CC', needsRoot: false, detail: 'go then runs its default C compiler (gcc) for cgo, in the editor and in terminals.' };
}

/** Name the compiler by its absolute path, so the editor's PATH no longer matters. */
export function ccPathFix(cc: string): SettingFix {
  return toolsEnvFix('cgo-cc-path', `Set CC=${cc} for the Go tools`, { CC: cc });
}

/** The C++ or Fortran compiler cgo runs for a package's .cpp or .f files (go env CXX, FC). */
export function companionCompilerInstallFix(language: 'C++' | 'Fortran', osRelease: string | undefined): Fix {
  const family = distroOf(osRelease).family ?? 'debian';
  const text =
    language === 'C++'
      ? { debian: 'apt-get install -y g++', fedora: 'dnf install -y gcc-c++', alpine: 'apk add g++', arch: 'pacman -S --needed gcc', suse: 'zypper install -y gcc-c++' }[family]
      : { debian: 'apt-get install -y gfortran', fedora: 'dnf install -y gcc-gfortran', alpine: 'apk add gfortran', arch: 'pacman -S --needed gcc-fortran', suse: 'zypper install -y gcc-fortran' }[family];
  const program = language === 'C++' ? 'g++' : 'gfortran';
  return {
    id: language === 'C++' ? 'cgo-install-cxx-compiler' : 'cgo-install-fortran-compiler',
    kind: 'terminal',
    title: `Install a ${language} compiler (${program}) for cgo`,
    text,
    needsRoot: true,
    detail: `cgo compiles a package's ${language === 'C++' ? '.cc, .cpp and .cxx' : '.f, .F, .for and .f90'} files with the compiler go env ${language === 'C++' ? 'CXX' : 'FC'} names (${program} by default).`,
  };
}

/** Name the C++ or Fortran compiler by its absolute path for the Go tools. */
export function companionCompilerPathFix(variable: 'CXX' | 'FC', compiler: string): SettingFix {
  return toolsEnvFix(`cgo-${variable.toLowerCase()}-path`, `Set ${variable}=${compiler} for the Go tools`, { [variable]: compiler });
}
