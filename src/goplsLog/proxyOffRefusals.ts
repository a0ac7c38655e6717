// What a GOPROXY=off refusal in a gopls log names: the module go would have downloaded, in go's own
// words. A log read alone (a tester's, with --workspace on another folder) can say which
// dependency the module cache lacks only from these lines: gopls's diagnostic on the import says
// "no required module provides package X" whether go.mod lacks the requirement or the cache lacks
// the module, and only the refusal beside it tells the two apart.
// Lines come as the log holds them: inside an LSP record's JSON string ("\n" as two characters,
// quotes as \"), or as the client printed them.

export interface ProxyOffRefusal {
  /** module@version when go named it, else undefined (go list's "main.go:6:2: module lookup disabled…"). */
  module?: string;
  /** go's own words, from "go:" (or the module) to "GOPROXY=off". */
  said: string;
}

// go list / go build on a module graph it cannot load: "go: github.com/x/y@v1.2.0: module lookup
// disabled by GOPROXY=off" (modfetch's errProxyOff wrapped with the module version).
const WITH_MODULE = /(?:go: )?([\w.~-]+(?:\/[\w.~+-]+)*)@(v\d[\w.+~-]*): module lookup disabled by GOPROXY=off/;
// go get (gopls's "go get package" quick fix): "go: downloading github.com/x/y v1.2.0" then, on its
// own line, "module lookup disabled by GOPROXY=off".
const AFTER_DOWNLOADING = /go: downloading ([\w.~-]+(?:\/[\w.~+-]+)*) (v\d[\w.+~-]*)(?:\\n|\s)+module lookup disabled by GOPROXY=off/;
// gopls v0.12–v0.14's go.mod diagnostic: "github.com/x/y@v1.2.0 has not been downloaded".
const NOT_DOWNLOADED = /([\w.~-]+(?:\/[\w.~+-]+)*)@(v\d[\w.+~-]*) has not been downloaded/;
const BARE = /module lookup disabled by GOPROXY=off/;

/** The refusal one line tells of, or undefined when it tells of none. Pure. */
export function proxyOffRefusalIn(text: string): ProxyOffRefusal | undefined {
  let m = WITH_MODULE.exec(text);
  if (m) return { module: `${m[1]}@${m[2]}`, said: `go: ${m[1]}@${m[2]}: module lookup disabled by GOPROXY=off` };
  m = AFTER_DOWNLOADING.exec(text);
  if (m) return { module: `${m[1]}@${m[2]}`, said: `go: downloading ${m[1]} ${m[2]} / module lookup disabled by GOPROXY=off` };
  m = NOT_DOWNLOADED.exec(text);
  if (m) return { module: `${m[1]}@${m[2]}`, said: `${m[1]}@${m[2]} has not been downloaded` };
  return BARE.test(text) ? { said: 'module lookup disabled by GOPROXY=off' } : undefined;
}

/** The modules the refusals name, each once, in the log's order. Pure. */
export function refusedModules(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of texts) {
    const m = proxyOffRefusalIn(t)?.module;
    if (m && !out.includes(m)) out.push(m);
  }
  return out;
}

/**
 * The package a gopls diagnostic says no required module provides ('could not import x/y (no
 * required module provides package \"x/y\")'), or undefined. Pure.
 */
export function unprovidedPackageIn(text: string): string | undefined {
  return /no required module provides package \\*"?([\w.~-]+(?:\/[\w.~+-]+)*)/.exec(text)?.[1];
}

/** Is the package in the module (its path is the module's or below it)? */
export function packageInModule(pkg: string, moduleAtVersion: string): boolean {
  const mod = moduleAtVersion.replace(/@[^@]*$/, '');
  return pkg === mod || pkg.startsWith(`${mod}/`);
}
