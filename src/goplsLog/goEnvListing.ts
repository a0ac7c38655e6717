// Facts that no single line states but a listing of the environment does, read line by line:
// `go env` (any of its shapes: GOOS="linux", GOOS='linux', set GOOS=linux, "GOOS": "linux", the
// GOOS=linux lines gopls logs under "go env for …") and the Go extension's "Checking configured
// tools...." block (GOROOT: …, PATH: …). Pure and bounded: a few short strings of state.
import path from 'node:path';

export type ListingFact = 'foreign-target-env' | 'goroot-bin-not-on-path';

const GO_VAR = /^\s*(?:set\s+|export\s+|\$env:)?"?(GOOS|GOARCH|GOHOSTOS|GOHOSTARCH)"?\s*[=:]\s*["']?([\w-]*)["']?,?\s*$/;
// goLanguageServer/goInstallTools' "Checking configured tools...." block prints "GOROOT: x" and "PATH: y".
const TOOLS_HEADER = /Checking configured tools/;
const TOOLS_GOROOT = /^\s*GOROOT: (.*?)\s*$/;
const TOOLS_PATH = /^\s*PATH: (.*?)\s*$/;
/** The tools block is a dozen lines; a PATH line further away belongs to something else. */
const TOOLS_BLOCK_LINES = 12;

export class GoEnvListing {
  private readonly vars = new Map<string, string>();
  private readonly said = new Set<ListingFact>();
  private toolsAt = -Infinity;
  private goroot: string | undefined;

  /** One line (short: callers skip record bodies); the facts this line completes, each once per file. */
  see(line: string, lineNo: number): ListingFact[] {
    const out: ListingFact[] = [];
    const v = GO_VAR.exec(line);
    if (v) {
      this.vars.set(v[1]!, v[2]!);
      if (this.foreignTarget()) this.once('foreign-target-env', out);
      return out;
    }
    if (TOOLS_HEADER.test(line)) {
      this.toolsAt = lineNo;
      this.goroot = undefined;
      return out;
    }
    if (lineNo - this.toolsAt > TOOLS_BLOCK_LINES) return out;
    const g = TOOLS_GOROOT.exec(line);
    if (g) {
      this.goroot = g[1];
      return out;
    }
    const p = TOOLS_PATH.exec(line);
    if (p && this.goroot && goBinMissing(this.goroot, p[1]!)) this.once('goroot-bin-not-on-path', out);
    return out;
  }

  private foreignTarget(): boolean {
    const differs = (a: string, b: string) => {
      const x = this.vars.get(a);
      const y = this.vars.get(b);
      return !!x && !!y && x !== y;
    };
    return differs('GOOS', 'GOHOSTOS') || differs('GOARCH', 'GOHOSTARCH');
  }

  private once(f: ListingFact, out: ListingFact[]): void {
    if (this.said.has(f)) return;
    this.said.add(f);
    out.push(f);
  }
}

/**
 * GOROOT is an absolute directory and no PATH entry is GOROOT/bin. A GOROOT that is itself a file
 * ("/usr/local/go/bin/go") is another fault (goroot-invalid says so when go complains). Pure.
 */
export function goBinMissing(goroot: string, pathList: string): boolean {
  if (!goroot.startsWith('/') || /\/bin\/go$/.test(goroot)) return false;
  const want = path.posix.normalize(`${goroot}/bin`);
  const entries = pathList.split(':').filter(Boolean).map((e) => path.posix.normalize(e).replace(/\/$/, ''));
  return !entries.includes(want.replace(/\/$/, ''));
}
