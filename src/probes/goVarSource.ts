// Which of go's three places gives a Go variable its value: the environment (go.toolsEnvVars, or an
// export), go env's file (go env -w), or neither (go's default). go reads the file only where the
// environment's value is empty (cmd/go/internal/cfg Getenv: `if val := os.Getenv(key); val != ""`),
// so an empty go.toolsEnvVars value never hides the file's: a tester's {"GOROOT": ""} left go
// failing on the file's GOROOT, and the report then blamed the setting it had offered.
import { quoteForDisplay as sh } from '../host/shellQuote.js';
import type { Fix } from '../doctor/model.js';
import { dropGoworkLineFix } from '../fixes/catalog.js';

export type GoVarSource =
  | { kind: 'setting' | 'environment'; value: string }
  /** `blankSetting`: go.toolsEnvVars sets it empty, which go takes as unset. */
  | { kind: 'file'; value: string; line: number; text: string; blankSetting?: true }
  | { kind: 'default' };

/** Pure: where go takes `name` from, given the environment it runs with and its env file's text. */
export function goVarSource(name: string, env: Record<string, string | undefined>, settingKeys: readonly string[], fileText: string | undefined): GoVarSource {
  const envValue = env[name];
  if (envValue) return { kind: settingKeys.includes(name) ? 'setting' : 'environment', value: envValue };
  const lines = (fileText ?? '').split('\n');
  // cfg.readEnvFile: the last KEY=VALUE line wins; an empty value is no value; a line that does not
  // start with A-Z (a leading space, a lower-case name) is skipped, and the name is all before '='.
  for (let i = lines.length - 1; i >= 0; i--) {
    // [^\n]: a CRLF file's line is read, its '\r' kept in the value as go keeps it.
    const m = /^([A-Z][^=]*)=([^\n]*)$/.exec(lines[i]!);
    if (!m || m[1] !== name) continue;
    if (!m[2]) break;
    return { kind: 'file', value: m[2], line: i + 1, text: lines[i]!.trim(), ...(envValue === '' && settingKeys.includes(name) ? { blankSetting: true as const } : {}) };
  }
  return { kind: 'default' };
}

/**
 * Pure: the value on the command line that lets go start where the file's own value stops it before
 * `go env -u` runs (measured with go1.26.8): a GOROOT that is not there ("cannot find GOROOT
 * directory"), a GOTOOLCHAIN it cannot parse or must download first (with GOPROXY=off: "toolchain
 * not available"), a relative GOPATH ("GOPATH entry is relative"). The environment beats the file,
 * so `GOROOT=/usr/local/go go env -u GOROOT` runs. `goroot`: the root of the go that runs;
 * `home`: HOME. Undefined where go needs none (GOFLAGS, GOCACHE, GO111MODULE: go env -u works).
 */
export function bootstrapFor(name: string, where: { goroot?: string; home?: string }): string | undefined {
  if (name === 'GOTOOLCHAIN') return 'local';
  if (name === 'GOROOT') return where.goroot;
  if (name === 'GOPATH') return where.home ? `${where.home.replace(/\/+$/, '')}/go` : undefined;
  return undefined;
}

/** Pure: the command that removes `name` from go env's file, started with `bootstrap` when given. */
export function goEnvUnsetText(name: string, bootstrap?: string): string {
  return `${bootstrap ? `${name}=${sh(bootstrap)} ` : ''}go env -u ${name}`;
}

/**
 * Pure: the fix for a value go env's file holds. GOWORK is the one go env -u refuses ("go: GOWORK
 * cannot be modified"): its line is removed from the file itself.
 */
export function fileValueFix(name: string, file: string, bootstrap?: string): Fix {
  if (name === 'GOWORK') return dropGoworkLineFix(file);
  return {
    id: `go-env-unset-${name.toLowerCase()}`,
    kind: 'terminal',
    title: `Remove ${name} from your go env file (${file})`,
    text: goEnvUnsetText(name, bootstrap),
    needsRoot: false,
    detail: `go env -u removes what go env -w wrote, for terminals and the editor alike.${bootstrap ? ` go cannot start with the file's ${name}, go env -u included: ${name}=${bootstrap} on the command line, which beats the file, lets it.` : ''} An empty ${name} in go.toolsEnvVars would not do: go reads the file wherever the variable is empty.`,
  };
}

/**
 * Pure: GOFLAGS in go env's file with one flag dropped. go env -u GOFLAGS drops every flag, the
 * good ones too (a tester's -buildvcs=false went with a bad -mod); `rest`: the flags to keep.
 */
export function goflagsFileFix(rest: string, file: string): Fix {
  if (!rest.trim()) return fileValueFix('GOFLAGS', file);
  return {
    id: 'go-env-goflags-keep-rest',
    kind: 'terminal',
    title: `Keep only ${rest} in GOFLAGS in your go env file (${file})`,
    text: `go env -w ${sh(`GOFLAGS=${rest}`)}`,
    needsRoot: false,
    detail: 'go env -w replaces the whole value: the flag go refuses goes, the others stay. go env does not apply GOFLAGS, so it runs despite the bad flag.',
  };
}
