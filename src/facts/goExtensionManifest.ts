// The Go extension's declared settings, from its package.json (contributes.configuration): what
// the settings probe checks go.* keys against. Pure and free of heavy imports: the extension's
// own bundle reads the installed extension's packageJSON through it.
import type { GoExtensionManifest } from '../doctor/settings.js';

/** Pure: the settings a VS Code extension's package.json declares, with their deprecation messages. */
export function manifestFromPackageJson(text: string, source: string): GoExtensionManifest | undefined {
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const contributes = pkg.contributes as Record<string, unknown> | undefined;
  const configs = contributes?.configuration;
  const list = Array.isArray(configs) ? configs : configs ? [configs] : [];
  const properties: GoExtensionManifest['properties'] = {};
  for (const c of list) {
    for (const [k, v] of Object.entries(((c as Record<string, unknown>)?.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      const dep = typeof v?.deprecationMessage === 'string' ? v.deprecationMessage : typeof v?.markdownDeprecationMessage === 'string' ? v.markdownDeprecationMessage : undefined;
      properties[k] = dep ? { deprecationMessage: dep } : {};
    }
  }
  if (!Object.keys(properties).length) return undefined;
  return { version: typeof pkg.version === 'string' ? pkg.version : '?', source, properties };
}
