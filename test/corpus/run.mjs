// Bundles test/corpus/report.ts (TypeScript, the engine's own sources) and runs it with the
// arguments given: `npm run test:corpus [-- --dir DIR] [-- --json]`.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, '.tools/corpus/report.cjs');
await esbuild.build({
  entryPoints: [path.join(root, 'test/corpus/report.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  define: { __GO_ENV_DOCTOR_VERSION__: '"corpus"' },
  supported: { 'import-meta': false },
});
const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 2);
