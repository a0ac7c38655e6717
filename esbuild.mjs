// Bundles the CLI and the extension (cjs, `vscode` external) and, when present, the webview.
import * as esbuild from 'esbuild';
import { readFileSync, existsSync, mkdirSync, copyFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
// secretlint's preset loads node-forge (850 KB) by a dynamic import, only to open a `.p12` file
// by path. The doctor lints strings as `.txt`, so that import never runs: leave it out.
const noForge = {
  name: 'no-forge',
  setup(build) {
    build.onResolve({ filter: /^\.\/index-[\w-]+\.js$/ }, (args) =>
      args.kind === 'dynamic-import' && args.importer.includes('secretlint-rule-preset-recommend') ? { path: 'forge', namespace: 'no-forge' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-forge' }, () => ({ contents: 'export const i = {}; export default {};', loader: 'js' }));
  },
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { __GO_ENV_DOCTOR_VERSION__: JSON.stringify(pkg.version) },
  // execa's ESM reads import.meta.url for file-URL handling only; cjs has no import.meta.
  supported: { 'import-meta': false },
  plugins: [noForge],
  // jsonc-parser's "main" is a UMD bundle whose require('./impl/…') esbuild cannot follow; its
  // "module" build is plain ESM.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

const builds = [
  // The command is a small loader that runs the CLI bundle through V8's code cache (src/cliLoader.ts).
  esbuild.build({ ...common, entryPoints: ['src/cliLoader.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli-main.js' }),
  // The log analyzer on its own, for bench/goplsLog.bench.mjs.
  esbuild.build({ ...common, entryPoints: ['src/goplsLog/index.ts'], outfile: 'dist/goplsLog.js' }),
];
if (existsSync('src/extension.ts')) {
  builds.push(esbuild.build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }));
}
// extension.js requires app.js on its first command, and app.js the engine on its first diagnosis,
// so activation parses only the command table.
for (const [entry, out] of [['src/vscode/app.ts', 'dist/app.js'], ['src/vscode/engine.ts', 'dist/engine.js']]) {
  if (existsSync(entry)) builds.push(esbuild.build({ ...common, entryPoints: [entry], outfile: out, external: ['vscode'] }));
}
if (existsSync('webview/main.ts')) {
  builds.push(esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['webview/main.ts'], outfile: 'dist/webview/main.js' }));
}
await Promise.all(builds);

// Codicons ship inside the bundle's media so the webview needs nothing from node_modules.
const codicons = 'node_modules/@vscode/codicons/dist';
if (existsSync(codicons)) {
  mkdirSync('dist/webview', { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) copyFileSync(`${codicons}/${f}`, `dist/webview/${f}`);
}
