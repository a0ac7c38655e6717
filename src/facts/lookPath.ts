// PATH lookups through `which`, against an explicit environment (the editor's PATH is not ours).
import { promises as fs, constants as fsConst } from 'node:fs';
import which from 'which';

export async function lookPath(cmd: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const found = await which(cmd, { path: env.PATH ?? '', nothrow: true });
  return found ?? undefined;
}

export function pathEntries(env: NodeJS.ProcessEnv): string[] {
  return (env.PATH ?? '').split(':').filter(Boolean);
}

/** A regular file this process may execute (a directory with x bits is not one). */
export async function isExecutableFile(p: string): Promise<boolean> {
  const file = await fs.stat(p).then((s) => s.isFile(), () => false);
  return file && fs.access(p, fsConst.X_OK).then(() => true, () => false);
}

/** Where a program go would run resolves: a path with a slash is checked as is, a bare name on PATH (as go's exec.LookPath). */
export async function resolveProgram(program: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (!program.includes('/')) return lookPath(program, env);
  return (await isExecutableFile(program)) ? program : undefined;
}

/**
 * Entries named `cmd` in the PATH directories that a lookup passes over, with why: a symlink loop,
 * a link to nothing, a directory, a file without the exec bit. A tester's go on PATH was a symlink
 * loop, and the report said only "go is not on the editor's PATH", although a go was right there.
 */
export async function unusableOnPath(cmd: string, env: NodeJS.ProcessEnv): Promise<{ path: string; why: string }[]> {
  const out: { path: string; why: string }[] = [];
  for (const dir of new Set(pathEntries(env))) {
    const p = `${dir.replace(/\/+$/, '')}/${cmd}`;
    const l = await fs.lstat(p).catch(() => undefined);
    if (!l) continue;
    const why = await fs.stat(p).then(
      async (s) => (s.isDirectory() ? 'a directory' : !s.isFile() ? 'not a regular file' : (await fs.access(p, fsConst.X_OK).then(() => undefined, () => 'not executable by you'))),
      async (e: NodeJS.ErrnoException) => (e.code === 'ELOOP' ? 'a symbolic link loop (ELOOP)' : e.code === 'ENOENT' ? `a symbolic link to nothing (→ ${await fs.readlink(p).catch(() => '?')})` : `not readable (${e.code ?? e.message})`),
    );
    if (why) out.push({ path: p, why });
  }
  return out;
}
