// Lines of the go env file that go reads past without a word. cmd/go/internal/cfg readEnvFile (go
// 1.26) splits the file on '\n' and keeps a line only when it holds a '=' and starts with a letter
// A-Z; the name is everything before the first '=' (nothing trimmed), the value everything after it
// (no quote removed), and a later line of a name replaces an earlier one. So `GOPROXY
// https://proxy.example.com` (no '='), ` GOPRIVATE=corp` (a leading space), `GOPRIVATE = corp` (the
// name "GOPRIVATE ") and `goprivate=corp` set nothing, and `GOPROXY="https://…"` sets a value with
// its quotes. go env -w never writes such lines; a hand edit does, and the setting the user meant is
// lost while every go command still runs (a tester's GOPROXY went back to the default unseen).
import { quoteForDisplay } from '../host/shellQuote.js';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';

/** cmd/go's internal/cfg.KnownEnv (go 1.26): the names go env -w accepts. */
export const GO_KNOWN_ENV: ReadonlySet<string> = new Set([
  'AR', 'CC', 'CGO_CFLAGS', 'CGO_CFLAGS_ALLOW', 'CGO_CFLAGS_DISALLOW', 'CGO_CPPFLAGS', 'CGO_CPPFLAGS_ALLOW',
  'CGO_CPPFLAGS_DISALLOW', 'CGO_CXXFLAGS', 'CGO_CXXFLAGS_ALLOW', 'CGO_CXXFLAGS_DISALLOW', 'CGO_ENABLED',
  'CGO_FFLAGS', 'CGO_FFLAGS_ALLOW', 'CGO_FFLAGS_DISALLOW', 'CGO_LDFLAGS', 'CGO_LDFLAGS_ALLOW',
  'CGO_LDFLAGS_DISALLOW', 'CXX', 'FC', 'GCCGO', 'GO111MODULE', 'GO386', 'GOAMD64', 'GOARCH', 'GOARM', 'GOARM64',
  'GOAUTH', 'GOBIN', 'GOCACHE', 'GOCACHEPROG', 'GOENV', 'GOEXE', 'GOEXPERIMENT', 'GOFIPS140', 'GOFLAGS',
  'GOGCCFLAGS', 'GOHOSTARCH', 'GOHOSTOS', 'GOINSECURE', 'GOMIPS', 'GOMIPS64', 'GOMODCACHE', 'GONOPROXY',
  'GONOSUMDB', 'GOOS', 'GOPATH', 'GOPPC64', 'GOPRIVATE', 'GOPROXY', 'GORISCV64', 'GOROOT', 'GOSUMDB', 'GOTMPDIR',
  'GOTOOLCHAIN', 'GOTOOLDIR', 'GOVCS', 'GOWASM', 'GOWORK', 'GO_EXTLINK_ENABLED', 'PKG_CONFIG',
]);

/**
 * Values go splits as a command line (cmd/internal/quoted): quotes there group words and are
 * removed, so a quoted value is meant. Everywhere else go keeps the quotes as part of the value.
 */
const SPLIT_AS_WORDS = /^(CGO_\w*FLAGS|GOFLAGS|GOGCCFLAGS|CC|CXX|AR|FC|GCCGO|PKG_CONFIG)$/;

export type IgnoredReason =
  /** No '=' at all: `GOPROXY https://…`, `GOPROXY: …`. */
  | 'no-equals'
  /** Has '=' but does not start with A-Z: a leading space, a lower-case name. */
  | 'not-a-name'
  /** Spaces around the name: go stores `GOPRIVATE ` (with the space), which nothing reads. */
  | 'spaced-name'
  /** A name go does not know: stored, never read. */
  | 'unknown-name'
  /** A value in quotes go keeps: `GOPROXY="https://…"` is the URL with its quote marks. */
  | 'quoted'
  /** A later line sets the same name: go keeps the last. */
  | 'overridden';

export interface IgnoredLine {
  /** 1-based, as an editor shows it. */
  line: number;
  text: string;
  reason: IgnoredReason;
  /** The Go variable the line meant, when one can be read from it. */
  name?: string;
  /** The value it meant (quotes and surrounding spaces removed). */
  value?: string;
  /** For 'overridden': the line that wins. For 'unknown-name': a known name one or two edits away. */
  laterLine?: number;
  nearName?: string;
}

function known(name: string): string | undefined {
  if (GO_KNOWN_ENV.has(name)) return name;
  return GO_KNOWN_ENV.has(name.toUpperCase()) ? name.toUpperCase() : undefined;
}

/** Edit distance, capped: only "one or two keys off" matters. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

function nearestKnown(name: string): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const k of GO_KNOWN_ENV) {
    const d = editDistance(name, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

/** Pure: the lines of a go env file that set nothing go reads, as go 1.26 reads the file. */
export function ignoredGoEnvLines(text: string): IgnoredLine[] {
  const out: IgnoredLine[] = [];
  const lastOf = new Map<string, number>();
  const kept: { line: number; text: string; name: string }[] = [];
  text.split('\n').forEach((raw, idx) => {
    const line = idx + 1;
    // A '\r' go keeps in the value; it is no part of what the line says to a reader.
    const shown = raw.replace(/\r$/, '');
    const trimmed = shown.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const eq = shown.indexOf('=');
    if (eq < 0) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\s*[:\s]\s*(.*?))?\s*$/.exec(trimmed);
      const name = m ? known(m[1]!) : undefined;
      const value = m?.[2] ? unquote(m[2]) : undefined;
      out.push({ line, text: shown, reason: 'no-equals', ...(name ? { name } : {}), ...(name && value ? { value } : {}) });
      return;
    }
    const rawName = shown.slice(0, eq);
    const value = shown.slice(eq + 1);
    const name = rawName.trim();
    if (!/^[A-Z]/.test(shown)) {
      const meant = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? known(name) : undefined;
      out.push({ line, text: shown, reason: 'not-a-name', ...(meant ? { name: meant, value: unquote(value.trim()) } : {}) });
      return;
    }
    if (rawName !== name || /\s/.test(name)) {
      const meant = known(name);
      out.push({ line, text: shown, reason: 'spaced-name', ...(meant ? { name: meant, value: unquote(value.trim()) } : {}) });
      return;
    }
    if (!GO_KNOWN_ENV.has(name)) {
      const near = nearestKnown(name);
      out.push({ line, text: shown, reason: 'unknown-name', ...(near ? { nearName: near } : {}) });
      return;
    }
    lastOf.set(name, line);
    kept.push({ line, text: shown, name });
    const q = /^(["'])(.*)\1$/.exec(value.replace(/\r$/, ''));
    if (q && !SPLIT_AS_WORDS.test(name)) out.push({ line, text: shown, reason: 'quoted', name, value: q[2]! });
  });
  for (const k of kept) {
    const last = lastOf.get(k.name)!;
    if (last !== k.line) out.push({ line: k.line, text: k.text, reason: 'overridden', name: k.name, laterLine: last });
  }
  return out.sort((a, b) => a.line - b.line);
}

function unquote(v: string): string {
  const q = /^(["'])(.*)\1$/.exec(v);
  return q ? q[2]! : v;
}

/** A line that loses a setting the user meant for a Go variable: worth a warning. */
export function losesSetting(l: IgnoredLine): boolean {
  return l.name !== undefined && l.reason !== 'overridden' && l.reason !== 'unknown-name';
}

function whyIgnored(l: IgnoredLine): string {
  switch (l.reason) {
    case 'no-equals':
      return "has no '=', so go skips it";
    case 'not-a-name':
      return /^\s/.test(l.text) ? 'starts with a space, so go skips it (a line must start with the name)' : 'does not start with an upper-case letter, so go skips it';
    case 'spaced-name':
      return `has a space in its name, so go stores it as "${l.text.slice(0, l.text.indexOf('='))}", which nothing reads`;
    case 'unknown-name':
      return `sets a name go does not use${l.nearName ? ` (did you mean ${l.nearName}?)` : ''}`;
    case 'quoted':
      return 'has its value in quotes, which go keeps as part of the value (the file is not read by a shell)';
    case 'overridden':
      return `is replaced by line ${l.laterLine}, which sets ${l.name} again (go keeps the last line)`;
    default: {
      const never: never = l.reason;
      return never;
    }
  }
}

/** What go uses for `name` instead, and where that comes from, in words. */
export interface EffectiveValue {
  value: string;
  /** "the environment", "line 3 of the file", "GOROOT/go.env or Go's default". */
  from: string;
}

/**
 * Pure: the findings for a go env file's ignored lines. `effective(name)`: go's value for the name
 * (go env) and where it comes from; `envValue(name)`: the variable in the editor's environment,
 * which beats the file whatever it says.
 */
export function ignoredLineFindings(file: string, lines: readonly IgnoredLine[], effective: (name: string) => EffectiveValue, envValue: (name: string) => string | undefined, goEnvSource: string): FindingInput[] {
  if (!lines.length) return [];
  // A line whose meant value go has anyway (go env -w set it on another line) loses nothing.
  const lost = lines.filter((l) => losesSetting(l) && !envValue(l.name!) && (l.value === undefined || effective(l.name!).value !== l.value));
  const rest = lines.filter((l) => !lost.includes(l));
  const describe = (l: IgnoredLine): string => {
    const head = `line ${l.line} (${JSON.stringify(l.text)}) ${whyIgnored(l)}`;
    if (!l.name) return head;
    const env = envValue(l.name);
    if (env) return `${head}; the environment's ${l.name}=${env} would win over the file anyway`;
    if (l.reason === 'overridden') return head;
    const eff = effective(l.name);
    return `${head}: go uses ${l.name}=${eff.value || '(empty)'} from ${eff.from}${l.value !== undefined && l.value !== eff.value ? `, not the ${l.value} the line meant` : ''}`;
  };
  const evidenceOf = (ls: readonly IgnoredLine[]): Evidence[] => [
    { source: file, excerpt: ls.slice(0, 8).map((l) => `${l.line}: ${l.text}`).join('\n') },
    ...(() => {
      const names = [...new Set(ls.map((l) => l.name).filter((n): n is string => n !== undefined))];
      return names.length ? [{ source: goEnvSource, excerpt: names.slice(0, 6).map((n) => `"${n}": ${JSON.stringify(effective(n).value)}`).join('\n') }] : [];
    })(),
  ];
  const more = (ls: readonly IgnoredLine[]) => (ls.length > 4 ? `; and ${ls.length - 4} more` : '');
  const out: FindingInput[] = [];
  if (lost.length) {
    const fixes: Fix[] = lost
      .filter((l) => l.value !== undefined && l.value !== '')
      .slice(0, 4)
      .map((l) => ({
        id: `go-env-w-line-${l.line}`,
        kind: 'terminal' as const,
        title: `Set ${l.name} as line ${l.line} meant (go env -w)`,
        text: `go env -w ${quoteForDisplay(`${l.name}=${l.value}`)}`,
        needsRoot: false,
        detail: `go env -w writes a line go reads into ${file}; it leaves line ${l.line} as it is, so delete that line by hand.`,
      }));
    out.push({
      classId: 'env-inheritance',
      severity: 'warning',
      confidence: 0.75,
      message: `Your go env file ${file} has ${lost.length === 1 ? 'a line' : `${lost.length} lines`} go ignores without a word, so ${lost.length === 1 ? 'the setting it meant does' : 'the settings they meant do'} not apply to any go command, gopls's included: ${lost.slice(0, 4).map(describe).join('; ')}${more(lost)}.`,
      evidence: evidenceOf(lost),
      fixes,
    });
  }
  if (rest.length) {
    out.push({
      classId: 'env-inheritance',
      severity: 'info',
      confidence: 0.5,
      message: `Your go env file ${file} has ${rest.length === 1 ? 'a line that sets' : `${rest.length} lines that set`} nothing go uses: ${rest.slice(0, 4).map(describe).join('; ')}${more(rest)}.`,
      evidence: evidenceOf(rest),
      fixes: [],
    });
  }
  return out;
}
