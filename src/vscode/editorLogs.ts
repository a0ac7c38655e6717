// Where VS Code persists another extension's output channel on disk. A LogOutputChannel writes
// <exthost logs>/<extension id>/<name>.log (the engine's discovery looks there); a plain
// OutputChannel, which is what vscode-languageclient's "gopls (server)" is, writes
// <exthost logs>/output_logging_<timestamp>/<N>-<name>.log (seen in code-server 4.100.3).
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** "<N>-gopls (server).log" in this extension host's output_logging_* folders, newest folder first. */
export function persistedChannelLogs(exthostLogDir: string): string[] {
  let dirs: string[];
  try {
    dirs = readdirSync(exthostLogDir).filter((d) => d.startsWith('output_logging_')).sort().reverse();
  } catch {
    return [];
  }
  return dirs.flatMap((d) => {
    try {
      return readdirSync(path.join(exthostLogDir, d))
        .filter((n) => /^\d+-gopls \(server\)\.log$/.test(n))
        .map((n) => path.join(exthostLogDir, d, n));
    } catch {
      return [];
    }
  });
}
