// The layers of README "Layout" hold: dependency-cruiser (.dependency-cruiser.cjs) checks that
// layers import only downward, that nothing outside src/vscode/ and src/extension.ts imports
// `vscode`, that the webview never imports src/vscode/, and that there are no cycles.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface Cruise {
  summary: { violations: Array<{ rule: { name: string }; from: string; to: string; cycle?: Array<{ name: string }> }>; totalCruised: number };
  modules: Array<{ source: string; dependencies: Array<{ resolved: string }> }>;
}

describe('layers', () => {
  it('src/ and webview/ import only downward, vscode only in the VS Code layer, and no cycles', () => {
    const out = execFileSync(process.execPath, ['node_modules/dependency-cruiser/bin/dependency-cruise.mjs', 'src', 'webview', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const r = JSON.parse(out) as Cruise;
    const violations = r.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`);
    expect(violations).toEqual([]);
    // The check sees what it guards: every source file, and the vscode imports where they belong.
    expect(r.modules.filter((m) => /^(src|webview)\/.*\.ts$/.test(m.source)).length).toBeGreaterThan(80);
    const ext = r.modules.find((m) => m.source === 'src/vscode/app.ts')!;
    expect(ext.dependencies.some((d) => d.resolved.includes('@types/vscode'))).toBe(true);
  });
});
