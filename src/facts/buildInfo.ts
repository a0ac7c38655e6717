// `go version -m FILE…`: the build info Go stamps into every binary. One command reads them all;
// a file that is no Go binary is silently left out, one that cannot be read gets a line on stderr.

export interface BuildInfo {
  /** go1.26.8 */
  goVersion: string;
  /** The main package: `path` line. */
  packagePath?: string;
  /** The main module and its version: `mod` line ((devel) for a source build). */
  modulePath?: string;
  version?: string;
  /** The `build GOAMD64=vN` setting of an amd64 binary: the x86-64 level it needs to start. */
  amd64?: string;
}

/**
 * Pure: every "FILE: goVERSION" header and the path/mod lines under it, keyed by FILE as given
 * on the command line. The header is split at its last ": go", so a path holding ": " survives.
 */
export function parseGoVersionMFiles(text: string): Map<string, BuildInfo> {
  const out = new Map<string, BuildInfo>();
  let cur: BuildInfo | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) {
      if (!cur) continue;
      const f = line.slice(1).split('\t');
      if (f[0] === 'path' && f[1]) cur.packagePath = f[1];
      else if (f[0] === 'mod' && f[1]) {
        cur.modulePath = f[1];
        if (f[2]) cur.version = f[2];
      } else if (f[0] === 'build' && f[1]?.startsWith('GOAMD64=')) cur.amd64 = f[1].slice('GOAMD64='.length);
      continue;
    }
    // go1.N…, or a source-built toolchain's "devel go1.27-abcdef …"; anything else is not a header.
    const release = line.lastIndexOf(': go');
    const at = release > 0 ? release : line.lastIndexOf(': devel ');
    const v = at > 0 ? line.slice(at + 2).trim() : '';
    if (at > 0 && /^(go\d+\.\d+\S*|devel .*)$/.test(v)) {
      cur = { goVersion: v };
      out.set(line.slice(0, at), cur);
    } else cur = undefined;
  }
  return out;
}

/** Pure: "stat FILE: no such file or directory" lines → FILE → the reason, for the inventory. */
export function parseGoVersionMErrors(stderr: string, files: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of stderr.split('\n')) {
    const file = files.find((f) => line.includes(`${f}:`));
    if (file && !out.has(file)) out.set(file, line.trim().slice(0, 300));
  }
  return out;
}
