// The shell the user types or pastes fixes into, as a path with its links resolved: /bin/sh is
// dash on Debian and bash on Fedora, and only the latter reads the $'…' words a control-character
// path needs (src/host/shellQuote.ts shellDialect judges by the name this returns).
import { realpathSync } from 'node:fs';

export function resolveUserShell(shell: string | undefined): string | undefined {
  if (!shell) return undefined;
  try {
    return realpathSync(shell);
  } catch {
    return shell;
  }
}
