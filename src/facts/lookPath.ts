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
