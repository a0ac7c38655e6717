// Bundles test/corpus/report.ts (TypeScript, the engine's own sources) and runs it with the
// arguments given: `npm run test:corpus [-- --dir DIR] [-- --json] [-- --heldout]`. With --train first it runs
// test/corpus/train.ts instead (`npm run corpus:train [-- --cv]`); with --audit, test/corpus/audit.ts
// (`npm run test:corpus -- --audit sample|score DIR KEY`).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const training = process.argv[2] === '--train';
const auditing = process.argv[2] === '--audit';
const entry = training ? 'train' : auditing ? 'audit' : 'report';
const out = path.join(root, `.tools/corpus/${entry}.cjs`);
await esbuild.build({
  entryPoints: [path.join(root, `test/corpus/${entry}.ts`)],
  outfile: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  define: { __GO_ENV_DOCTOR_VERSION__: '"corpus"' },
  // As esbuild.mjs: jsonc-parser's "main" is a UMD bundle whose require('./impl/…') esbuild cannot follow.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  supported: { 'import-meta': false },
});
const r = spawnSync(process.execPath, [out, ...process.argv.slice(training || auditing ? 3 : 2)], { stdio: 'inherit' });
process.exit(r.status ?? 2);
