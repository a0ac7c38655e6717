// The live configuration for the settings probe: what the user set for "gopls" and "go.*", per
// scope (user, workspace, folder), as the doctor's EditorSettingsSource list. Pure over a snapshot
// of VS Code's configuration API, so it is tested without VS Code.
import path from 'node:path';
import type { EditorSettingsSource, GoExtensionManifest } from '../doctor/settings.js';
import type { Inspected } from '../facts/goSettings.js';

export interface LiveSettingsSnapshot {
  gopls: Inspected<unknown>;
  /** getConfiguration('go') as a plain object: declared settings with their values, and any unknown keys the user wrote. */
  goSection: Record<string, unknown>;
  inspectGo(key: string): Inspected<unknown>;
  manifest?: GoExtensionManifest;
  /** files.watcherExclude as set in user and workspace settings, and in each folder's (the inotify probe counts the folders the editor watches). */
  watcherExclude?: Inspected<unknown>;
  folderWatcherExcludes?: ReadonlyArray<{ folder: string; value: unknown }>;
}

const SCOPES = [
  ['globalValue', 'VS Code user settings'],
  ['workspaceValue', 'VS Code workspace settings'],
  ['workspaceFolderValue', 'VS Code folder settings'],
] as const;

/** The "go.*" keys worth inspecting: every deprecated declared one, and every key no declaration covers. */
function goKeys(section: Record<string, unknown>, manifest: GoExtensionManifest | undefined): string[] {
  if (!manifest) return [];
  const declared = Object.keys(manifest.properties);
  const keys = new Set(declared.filter((k) => manifest.properties[k]!.deprecationMessage));
  const walk = (obj: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(obj)) {
      const key = `${prefix}.${k}`;
      if (manifest.properties[key]) continue;
      // A group of declared settings ("go.inlayHints" holds go.inlayHints.assignVariableTypes …).
      if (v && typeof v === 'object' && !Array.isArray(v) && declared.some((d) => d.startsWith(`${key}.`))) walk(v as Record<string, unknown>, key);
      else keys.add(key);
    }
  };
  walk(section, 'go');
  return [...keys];
}

export function liveEditorSettings(s: LiveSettingsSnapshot): EditorSettingsSource[] {
  const keys = goKeys(s.goSection, s.manifest);
  const inspected = keys.map((k) => [k, s.inspectGo(k.slice(3))] as const);
  const out: EditorSettingsSource[] = [];
  for (const [scope, source] of SCOPES) {
    const values: Record<string, unknown> = {};
    const gopls = s.gopls[scope];
    if (gopls !== undefined) values.gopls = gopls;
    for (const [k, i] of inspected) if (i[scope] !== undefined) values[k] = i[scope];
    if (scope !== 'workspaceFolderValue' && s.watcherExclude?.[scope] !== undefined) values['files.watcherExclude'] = s.watcherExclude[scope];
    if (Object.keys(values).length) out.push({ source, values });
  }
  // A folder's own, under its settings file's name: watcherExcludePatterns applies it to that folder alone.
  for (const f of s.folderWatcherExcludes ?? []) if (f.value !== undefined) out.push({ source: path.join(f.folder, '.vscode', 'settings.json'), values: { 'files.watcherExclude': f.value } });
  return out;
}
