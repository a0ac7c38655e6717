// PATH lookups through `which`, against an explicit environment (the editor's PATH is not ours).
import which from 'which';

export async function lookPath(cmd: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const found = await which(cmd, { path: env.PATH ?? '', nothrow: true });
  return found ?? undefined;
}

export function pathEntries(env: NodeJS.ProcessEnv): string[] {
  return (env.PATH ?? '').split(':').filter(Boolean);
}
