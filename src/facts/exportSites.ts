// Where a variable is set in the login shell's start-up files: the line a fix removes. A variable
// exported there reaches terminals and (through ~/.profile) the desktop session: a setting for the
// editor alone (go.toolsEnvVars) leaves `go build` in a terminal failing, as a tester found for a
// CC naming a compiler that is not there.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { startupPaths } from './loginShellCache.js';
import { readUserFile } from '../host/readUserFile.js';

export interface ExportSite {
  file: string;
  /** 1-based. */
  line: number;
  text: string;
}

const CAP = 256 * 1024;

/**
 * Pure: the lines of a sh-family start-up file that assign `name` at the start of a command:
 * `NAME=…`, `export NAME=…`, `declare -x NAME=…`, `typeset -x NAME=…` (fish: `set -gx NAME …`).
 * Comments and lines that only read it (`echo $NAME`, `FOO=$NAME`) do not count.
 */
export function assignmentLines(text: string, name: string): Array<{ line: number; text: string }> {
  const n = name.replace(/[^A-Za-z0-9_]/g, '');
  const sh = new RegExp(`^\\s*(?:(?:export|declare\\s+-x|typeset\\s+-x|readonly)\\s+)?${n}=`);
  const fish = new RegExp(`^\\s*set\\s+(?:-[a-zA-Z]+\\s+)*${n}(?:\\s|$)`);
  const out: Array<{ line: number; text: string }> = [];
  text.split('\n').forEach((l, i) => {
    if (sh.test(l) || fish.test(l)) out.push({ line: i + 1, text: l.trim() });
  });
  return out;
}

/** The start-up files of `shell` (by basename) that set `name`, in the order the shell reads them; at most `max`. */
export async function exportSites(name: string, shell: string, env: Record<string, string | undefined>, home: string, max = 4): Promise<ExportSite[]> {
  return linesInStartupFiles((text) => assignmentLines(text, name), shell, env, home, max);
}

/** The lines `pick` chooses in the start-up files of `shell` (by basename), in the order the shell reads them; at most `max`. */
export async function linesInStartupFiles(pick: (text: string) => Array<{ line: number; text: string }>, shell: string, env: Record<string, string | undefined>, home: string, max: number): Promise<ExportSite[]> {
  const paths = startupPaths(path.basename(shell), env, home);
  if (!paths) return [];
  const files = [...paths.files];
  for (const d of paths.dirs) {
    const names = await fs.readdir(d).catch(() => [] as string[]);
    files.push(...names.sort().filter((f) => /\.(sh|bash|zsh|fish)$/.test(f)).map((f) => path.join(d, f)));
  }
  const out: ExportSite[] = [];
  for (const file of [...new Set(files)]) {
    const r = await readUserFile(file, CAP);
    if (!r.ok) continue;
    for (const l of pick(r.text)) {
      out.push({ file, ...l });
      if (out.length >= max) return out;
    }
  }
  return out;
}
