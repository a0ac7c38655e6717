// A gopls log's "go was not found", read on the machine whose editor wrote it: the log cannot tell
// where go is, the machine can. A go installed where the editor's PATH does not reach needs its
// directory on PATH, not another install (a tester's run was told to install the Go sitting in
// /usr/local/go).
import path from 'node:path';
import type { Fix, FindingInput } from '../doctor/model.js';
import { alternateToolFix, INSTALL_GO, pathAddDirFix } from '../fixes/catalog.js';
import type { LoginPathTarget } from '../facts/loginPathFile.js';
import type { LoginPathSetup } from './loginPathSetup.js';
import { lookPath } from '../facts/lookPath.js';
import { goOffPath } from '../facts/goInstallDirs.js';

/** A go on this machine: on the PATH the editor has now, or only in a usual place off it. */
export interface InstalledGo {
  go: string;
  onPath: boolean;
}

/** The go the editor's environment reaches, else the first one in a usual place. */
export async function installedGo(env: NodeJS.ProcessEnv): Promise<InstalledGo | undefined> {
  const onPath = await lookPath('go', env);
  if (onPath) return { go: onPath, onPath: true };
  const off = await goOffPath(env);
  return off ? { go: off, onPath: false } : undefined;
}

/**
 * The findings that offer to install Go, given the go installed here: the Go extension pointed at
 * it and, off PATH, its directory put on PATH, in place of the install link; with the go as
 * evidence. Without one, the findings as they are. Pure.
 */
export function withInstalledGo(findings: readonly FindingInput[], found: InstalledGo | undefined, home: string | undefined, target?: LoginPathTarget, already?: LoginPathSetup['already']): FindingInput[] {
  if (!found) return [...findings];
  const dir = path.dirname(found.go);
  // The go-env probe's ids for the same two fixes: the log's finding lands in its cause
  // (env-inheritance), where one setting offered under two ids showed twice. A login start-up file
  // that already has the line (loginPathSetup.ts, the probes' own check) gets no second copy: a
  // tester's ~/.profile got the same export appended on every run.
  const instead: Fix[] = [alternateToolFix('go', found.go), ...(found.onPath || already ? [] : [pathAddDirFix(dir, home, target)])];
  return findings.map((f) => {
    const fixes = f.fixes ?? [];
    const at = fixes.findIndex((x) => x.id === INSTALL_GO.id);
    if (at < 0) return f;
    return {
      ...f,
      ...(already && !found.onPath ? { message: `${f.message}${already.words}` } : {}),
      evidence: [...f.evidence, ...(already && !found.onPath ? already.evidence : []), { source: found.go, excerpt: found.onPath ? `executable go on the PATH the editor has now, in ${dir}` : `executable go in ${dir}, which PATH lacks` }],
      fixes: fixes.flatMap((x, i) => (i === at ? instead : instead.some((y) => y.id === x.id) ? [] : [x])),
    };
  });
}
