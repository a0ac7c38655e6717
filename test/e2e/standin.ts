// Builds the golang.go stand-in (test/fixtures/golang-go-standin) into a .vsix: esbuild bundles its
// src with vscode-languageclient from the root node_modules, vsce packages it offline.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';

const execFileP = promisify(execFile);

/** The repository root: vitest runs from it; walk up in case it was started below. */
export const REPO = ((): string => {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'test/fixtures/golang-go-standin/package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no go-env-doctor checkout at or above ${process.cwd()}`);
  }
})();
export const STANDIN_DIR = path.join(REPO, 'test/fixtures/golang-go-standin');
export const STANDIN_ID = 'golang.go';
/** Same name as in the stand-in's src/extension.ts. */
export const STANDIN_MARKER = 'GO_ENV_DOCTOR_E2E_STANDIN_GOPLS';

export async function packageStandin(outDir = path.join(REPO, 'test-results')): Promise<string> {
  await esbuild.build({
    entryPoints: [path.join(STANDIN_DIR, 'src/extension.ts')],
    outfile: path.join(STANDIN_DIR, 'dist/extension.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    nodePaths: [path.join(REPO, 'node_modules')],
    logLevel: 'warning',
  });
  mkdirSync(outDir, { recursive: true });
  const vsix = path.join(outDir, 'golang-go-standin.vsix');
  const vsce = path.join(REPO, 'node_modules/.bin/vsce');
  await execFileP(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], {
    cwd: STANDIN_DIR,
    timeout: 60_000,
  });
  if (!existsSync(vsix)) throw new Error(`vsce did not write ${vsix}`);
  return vsix;
}

/** The go-env-doctor .vsix that `npm run package` wrote (test:e2e runs it first). */
export function doctorVsix(): string {
  const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
  const vsix = path.join(REPO, `go-env-doctor-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` (npm run test:e2e does)`);
  return vsix;
}
