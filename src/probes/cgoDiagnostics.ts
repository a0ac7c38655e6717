// What gopls says when cgo processing fails for a package (go list returns no CompiledGoFiles): the
// C compiler's or the go command's own words, published as diagnostics. Without this, a flag the
// compiler rejects (CGO_CFLAGS=-fno-such-flag) or one go's allowlist refuses in a `#cgo CFLAGS:`
// line broke go build and every C.x in the editor while the report said "should work here" (a
// tester's, with gopls v0.23.0: the diagnostics reached the probe and no rule read them).
// Pure: the session's diagnostics and the go environment in, findings out.
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import { toolsEnvFix } from '../fixes/catalog.js';

/** The cgo flag variables go reads, with go's default where the variable is empty (cmd/go/internal/cfg). */
const FLAG_VARIABLES: ReadonlyArray<readonly [string, string]> = [
  ['CGO_CFLAGS', '-O2 -g'],
  ['CGO_CPPFLAGS', ''],
  ['CGO_CXXFLAGS', '-O2 -g'],
  ['CGO_FFLAGS', '-O2 -g'],
  ['CGO_LDFLAGS', '-O2 -g'],
];

export interface CgoDiagnosticInput {
  /** gopls's diagnostics: file URI and each message. */
  diagnostics: ReadonlyArray<{ uri: string; items: ReadonlyArray<{ message: string; severity?: number }> }>;
  /** `go env` as the doctor's gopls ran it. */
  values: Readonly<Record<string, string>>;
  /** The environment the editor (and so gopls) was started with: says where a variable comes from. */
  env: NodeJS.ProcessEnv;
}

/** gopls's note on a package whose cgo processing failed (golang.org/issue/38990). */
const CGO_FAILED = /go list failed to return CompiledGoFiles/;
/** go's allowlist (cmd/go/internal/work/security.go): "invalid flag in #cgo CFLAGS: -fplugin=x.so". */
const INVALID_FLAG = /invalid flag in #cgo (CFLAGS|CPPFLAGS|CXXFLAGS|FFLAGS|LDFLAGS): (\S+)/;
/**
 * A compiler or linker rejecting a flag: gcc's "unrecognized command-line option '-x'" (older gcc
 * "command line", a UTF-8 locale's ‘…’ quotes), clang's "unknown argument: '-x'", GNU ld's
 * "unrecognized option '--x'".
 */
const REJECTED_FLAG = /(?:unrecognized command[- ]line option|unrecognized option|unknown argument:?)\s*['‘"]?(-[^'’"\s]+)/;
/** A package's compiler output as go list reports it: "# example.com/p" then the tool's lines. */
const PACKAGE_OUTPUT = /^# \S+/;

/** A cause read from a cgo failure: an environment setting (or its absence) that keeps cgo from building, which explains the editor's red squiggles. */
function cgoCause(f: Pick<FindingInput, 'message' | 'evidence' | 'fixes'>): FindingInput {
  return { classId: 'env-inheritance', headline: 'cgo-build', explains: ['module-resolution'], severity: 'error', confidence: 0.9, ...f };
}

export function cgoDiagnosticFindings(input: CgoDiagnosticInput): FindingInput[] {
  const messages: Array<{ file: string; message: string }> = [];
  for (const d of input.diagnostics)
    for (const i of d.items) if ((i.severity === undefined || i.severity <= 2) && (CGO_FAILED.test(i.message) || INVALID_FLAG.test(i.message) || PACKAGE_OUTPUT.test(i.message))) messages.push({ file: d.uri.replace(/^file:\/\//, ''), message: i.message.trim() });
  if (!messages.some((m) => CGO_FAILED.test(m.message) || INVALID_FLAG.test(m.message))) return [];
  const evidence: Evidence[] = messages.slice(0, 3).map((m) => ({ source: `gopls textDocument/publishDiagnostics ${m.file}`, excerpt: m.message.split('\n').slice(0, 8).join('\n') }));
  const all = messages.map((m) => m.message).join('\n');

  const refused = INVALID_FLAG.exec(all);
  if (refused) {
    const [, kind, flag] = refused as unknown as [string, string, string];
    const allow = `CGO_${kind}_ALLOW`;
    const pattern = flag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return [
      cgoCause({
        message: `go refuses the flag ${flag} in a #cgo ${kind} line (its allowlist of compiler flags, https://go.dev/s/invalidflag): go build and gopls skip the package's cgo, so what its C declares is "undefined". ${allow}, a regular expression, lets go pass it; allow it only if you trust that package, since the flag reaches the C compiler.`,
        evidence,
        fixes: [
          toolsEnvFix(`cgo-allow-${kind.toLowerCase()}`, `Allow ${flag} for the Go tools (${allow})`, { [allow]: pattern }),
          { id: `cgo-allow-${kind.toLowerCase()}-go-env`, kind: 'terminal', title: `Allow ${flag} in your go env file, for terminals too`, text: `go env -w '${allow}=${pattern.replace(/'/g, `'\\''`)}'`, needsRoot: false },
          { id: 'cgo-invalid-flag-docs', kind: 'link', title: "go's allowlist of cgo flags", url: 'https://go.dev/s/invalidflag' },
        ],
      }),
    ];
  }

  const rejected = REJECTED_FLAG.exec(all)?.[1];
  const holder = rejected ? FLAG_VARIABLES.find(([v]) => (input.values[v] ?? '').split(/\s+/).includes(rejected)) : undefined;
  if (rejected && holder) {
    const [variable, fallback] = holder;
    const value = input.values[variable] ?? '';
    const fromEnv = input.env[variable] !== undefined;
    const fixes: Fix[] = fromEnv
      ? [toolsEnvFix(`cgo-flags-${variable.toLowerCase()}`, `Give the Go tools go's default ${variable}${fallback ? ` (${fallback})` : ''}`, { [variable]: fallback || ' ' }, `go.toolsEnvVars applies it to gopls and every go command the extension runs; the ${variable} exported where the editor was started (a shell profile, the launcher) still breaks go build in terminals until it is removed there.`)]
      : [{ id: `cgo-flags-${variable.toLowerCase()}-unset`, kind: 'terminal', title: `Remove ${variable} from your go env file`, text: `go env -u ${variable}`, needsRoot: false, detail: `go then uses its default${fallback ? ` (${fallback})` : ''}, in the editor and in terminals.` }];
    return [
      cgoCause({
        message: `${variable}=${value} (from ${fromEnv ? 'the environment the editor was started with' : 'your go env file, go env -w'}) passes ${rejected}, which the C compiler rejects: cgo fails for every package that imports "C", and for runtime/cgo under any program importing net or os/user, so go build fails and gopls reports what the C code declares as "undefined".`,
        evidence: [...evidence, { source: 'go env', excerpt: `${variable}=${value}` }],
        fixes,
      }),
    ];
  }

  // Another cause (a header or pkg-config package missing, the compiler not found) is named by the
  // cgo probe: here it is what the editor shows, explained by that cause when it is found.
  const said = messages.find((m) => PACKAGE_OUTPUT.test(m.message)) ?? messages.find((m) => CGO_FAILED.test(m.message))!;
  const toolLine = said.message.split('\n').find((l) => /\b(?:error|not found|No such file)\b/i.test(l) && !CGO_FAILED.test(l));
  return [
    {
      // What the editor shows (red squiggles on every C.x). Filed where every cgo cause is (the
      // environment's class, cgo-build): no module, view or go.mod failed, and a cause the cgo probe
      // finds tells the same story (explain.ts sameStory). As module-resolution it was a second
      // cause titled "cgo cannot build…" under the class of views and go.mod (a tester's).
      classId: 'env-inheritance',
      headline: 'cgo-build',
      role: 'symptom',
      symptom: 'load-failed',
      severity: 'error',
      confidence: 0.7,
      message: `gopls could not run cgo for ${said.file.split('/').pop()}'s package${toolLine ? ` ("${toolLine.trim()}")` : ''}: what its C code declares is "undefined" in the editor, and go build fails the same way.`,
      evidence,
      fixes: [],
    },
  ];
}
