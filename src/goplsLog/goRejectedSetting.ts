// Which Go setting go refused, in go's own words. go checks some of its settings before it does
// anything (cmd/go cfg, modload, modfetch, work/init.go, base/goflags.go), so a bad one fails every
// go command, gopls's `go env` and `go list` among them ("failed to load view for file:///…: err:
// exit status 1: stderr: go: unknown environment setting GO111MODULE=maybe", measured with gopls
// v0.23.0). The log tells what go refused, never where the value was set: the go env file, the
// shell's start-up files and go.toolsEnvVars all reach it the same way.
// Lines come as the log holds them: inside an LSP record's JSON string or as printed.

export interface RejectedSetting {
  /** The variable the value came from ("GOOS/GOARCH" for the pair). */
  variable: string;
  /** The value go quoted, when it did. */
  value?: string;
  /** go's own words, one line of them. */
  said: string;
}

/** go's words up to the end of their line: a real or an escaped newline, or the JSON string's end. */
function lineFrom(text: string, at: number): string {
  const rest = text.slice(at);
  const end = rest.search(/\\n|\n|(?<!\\)"\s*[,}]|\\t/);
  return (end < 0 ? rest : rest.slice(0, end)).replace(/\\"/g, '"').trim();
}

// Each shape: what names the variable, and where go's words start (the "go: " before it, if any).
const SHAPES: ReadonlyArray<{ re: RegExp; variable: (m: RegExpExecArray) => string; value?: (m: RegExpExecArray) => string | undefined }> = [
  { re: /unknown environment setting (GO111MODULE)=([^\s"\\]*)/, variable: (m) => m[1]!, value: (m) => m[2] },
  { re: /invalid (GOTOOLCHAIN) \\?"([^"\\]*)\\?"/, variable: (m) => m[1]!, value: (m) => m[2] },
  // base/goflags.go: "parsing $GOFLAGS: unknown flag -x" / 'non-flag "x"', and a flag's value it
  // refuses: 'invalid boolean value "maybe" for flag -modcacherw (from $GOFLAGS)'.
  { re: /parsing \$GOFLAGS: (?:unknown flag (-[\w.-]+)|non-flag \\?"([^"\\]*)\\?")/, variable: () => 'GOFLAGS', value: (m) => m[1] ?? m[2] },
  { re: /value \\?"([^"\\]*)\\?" for flag (-[\w.-]+) \(from [$%]GOFLAGS%?\)/, variable: () => 'GOFLAGS', value: (m) => `${m[2]}=${m[1]}` },
  { re: /parsing \$(GOFLAGS)|\(from [$%](GOFLAGS)%?\)/, variable: () => 'GOFLAGS' },
  // work/init.go: "-mod=x not supported (can be '', 'mod', 'readonly', or 'vendor')": a -mod flag
  // from GOFLAGS (gopls's own build flags are the other way one arrives).
  { re: /(-mod=\S*) not supported \(can be ''/, variable: () => 'GOFLAGS', value: (m) => m[1] },
  { re: /invalid (GOSUMDB)|verifying module: missing (GOSUMDB)/, variable: () => 'GOSUMDB' },
  { re: /invalid (GOWORK)/, variable: () => 'GOWORK' },
  { re: /GOPROXY list is not the empty string, but contains no entries|invalid proxy URL (?:missing scheme|scheme)/, variable: () => 'GOPROXY' },
  { re: /unsupported GOOS\/GOARCH pair ([\w-]+\/[\w-]+)/, variable: () => 'GOOS/GOARCH', value: (m) => m[1] },
];

/**
 * Where go's words start: at its "go: " (or "cmd/go: ") earlier on the same line of its output (the
 * line starts after a newline, "stderr: " or the JSON string's start), else at the match.
 */
function wordsStart(text: string, at: number): number {
  const before = text.slice(Math.max(0, at - 300), at);
  const cut = Math.max(before.lastIndexOf('\\n'), before.lastIndexOf('\n'), before.lastIndexOf('stderr: '), before.lastIndexOf('"message":"'));
  const segment = cut < 0 ? before : before.slice(cut);
  const go = /(?:cmd\/)?go: /.exec(segment);
  return go ? at - before.length + (cut < 0 ? 0 : cut) + go.index : at;
}

/** The setting one line says go refused, or undefined. Pure. */
export function rejectedSettingIn(text: string): RejectedSetting | undefined {
  for (const s of SHAPES) {
    const m = s.re.exec(text);
    if (!m) continue;
    const value = s.value?.(m);
    return { variable: s.variable(m), ...(value ? { value } : {}), said: lineFrom(text, wordsStart(text, m.index)) };
  }
  return undefined;
}

/** The setting as go would show it: NAME=value, or the name alone. */
export function settingText(r: RejectedSetting): string {
  if (!r.value) return r.variable;
  return r.value.startsWith('-') ? `${r.variable} (${r.value})` : `${r.variable}=${r.value}`;
}
