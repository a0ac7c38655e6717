// The file gopls named in "no package metadata for file file:///…" (gopls/internal/golang/
// snapshot.go: fmt.Errorf("no package metadata for file %s", uri), the URI as the editor sent it).
// Pure: the machine is asked why that file is in no package elsewhere (probes/fileInNoPackage.ts),
// and only for a path that can be a local Go file.
import { fileURLToPath } from 'node:url';

// The URI runs to whitespace, a quote (the message inside a JSON record), a backslash (an escaped
// newline or quote there) or an angle bracket; a sentence's closing punctuation is trimmed after.
const NO_PACKAGE = /no package metadata for file (file:\/\/[^\s"'\\<>]+)/g;

/** The local paths of the Go files a line says gopls has no package for (most lines: none or one). */
export function filesWithoutPackage(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(NO_PACKAGE)) {
    const p = localGoPath(m[1]!.replace(/[.,;:)\]]+$/, ''));
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}

/** An absolute POSIX path to a .go file, or undefined (another host's URI, a Windows drive, not Go). */
function localGoPath(uri: string): string | undefined {
  let p: string;
  try {
    // file://host/x is another machine's file: fileURLToPath refuses a host on Linux.
    p = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  // file:///c%3A/x.go and file:///C:/x.go are a Windows editor's: no such path here.
  if (/^\/[A-Za-z]:/.test(p) || !p.endsWith('.go') || p.includes('\0')) return undefined;
  return p;
}
