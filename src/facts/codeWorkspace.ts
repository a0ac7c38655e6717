// A multi-root workspace file (`*.code-workspace`), as VS Code reads one: JSONC with "folders"
// (each a "path", relative to the file, or a file:// "uri") and "settings" at workspace scope,
// between the user's and each folder's .vscode/settings.json. A tester's `--workspace
// x.code-workspace` was refused (exit 3), and the settings in it (build flags, a fatal -logfile)
// were never read.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EditorSettingsSource } from '../doctor/settings.js';
import { parseSettingsJsonc } from './editorSettings.js';

export interface CodeWorkspace {
  /** The folders it opens, absolute, in its order; remote URIs (vscode-remote://…) are left out. */
  folders: string[];
  /** Its "settings", as one more settings source of workspace scope. */
  settings: EditorSettingsSource;
  /** Why it could not be read, when it could not. */
  error?: string;
}

/** Pure: the folders and settings of a .code-workspace file's text. */
export function parseCodeWorkspace(text: string, file: string): CodeWorkspace {
  const whole = parseSettingsJsonc(text, file);
  if (whole.error) return { folders: [], settings: { source: file, values: {} }, error: whole.error };
  const base = path.dirname(file);
  const folders: string[] = [];
  const list = Array.isArray(whole.values.folders) ? whole.values.folders : [];
  for (const f of list) {
    if (!f || typeof f !== 'object') continue;
    const entry = f as { path?: unknown; uri?: unknown };
    if (typeof entry.path === 'string' && entry.path) folders.push(path.resolve(base, entry.path));
    else if (typeof entry.uri === 'string' && entry.uri.startsWith('file://')) {
      try {
        folders.push(fileURLToPath(entry.uri));
      } catch {
        // Not a local file URI VS Code could open here either.
      }
    }
  }
  const settings = whole.values.settings && typeof whole.values.settings === 'object' && !Array.isArray(whole.values.settings) ? (whole.values.settings as Record<string, unknown>) : {};
  return { folders: [...new Set(folders)], settings: { source: file, values: settings } };
}
