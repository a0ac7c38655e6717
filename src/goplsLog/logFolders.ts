// The folders a gopls log was written for: the editor's initialize (rootUri, workspaceFolders)
// in an -rpc.trace, and gopls's own "Created View … directory=" lines in any form (a -logfile, a
// trace's logMessage bodies with their escaped newlines, the editor's "gopls (server)" channel).
// A log handed to the CLI from elsewhere is about those folders, not the one the CLI stands in:
// a tester's log of sc/pkgdrvgarbage run from sc/ was explained by "sc holds 13 modules and no
// go.work", and another's outside-the-folder file got `code --add` of the folder the log was of.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readUserFile } from '../host/readUserFile.js';

/** The head of the log that is read: initialize and the first views come first. */
const HEAD_BYTES = 4 * 1024 * 1024;
const MAX_FOLDERS = 8;

function fromUri(uri: string): string | undefined {
  try {
    return uri.startsWith('file://') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** Pure: the folders a log's text names as its workspace, in order of appearance, de-duplicated. */
export function logFoldersOf(text: string): string[] {
  const out: string[] = [];
  const add = (p: string | undefined) => {
    if (!p || !path.isAbsolute(p)) return;
    const clean = path.resolve(p);
    if (!out.includes(clean) && out.length < MAX_FOLDERS) out.push(clean);
  };
  for (const m of text.matchAll(/"rootUri"\s*:\s*"(file:\/\/[^"]+)"/g)) add(fromUri(m[1]!));
  for (const m of text.matchAll(/"workspaceFolders"\s*:\s*\[([^\]]{0,4000})\]/g)) for (const u of m[1]!.matchAll(/"uri"\s*:\s*"(file:\/\/[^"]+)"/g)) add(fromUri(u[1]!));
  // "Created View (#1)" then "\tdirectory=/x" on the next line, or "\n\tdirectory=/x" escaped in a
  // JSON body; gopls v0.12-v0.14 wrote "folder=…" first, later ones "directory=".
  for (const m of text.matchAll(/Created View \(#\d+\)(?:\\n|\s)[\s\S]{0,400}?(?:\\t|\s)(?:directory|folder)=((?:\/|\\\/)[^\s"\\]*(?:\\\/[^\s"\\]*)*)/g)) add(m[1]!.replace(/\\\//g, '/'));
  return out;
}

/** The folders one log file names, read from its head; none when it cannot be read. */
export async function logFolders(file: string): Promise<string[]> {
  const r = await readUserFile(file, HEAD_BYTES);
  return r.ok ? logFoldersOf(r.text) : [];
}
