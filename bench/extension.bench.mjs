// The VS Code extension's figures, measured in a real VS Code (code-server 4.100.3 from
// test/setup/install-code-server.sh, headless Chromium) with the golang.go stand-in running the
// real pinned gopls:
//   - size of dist/extension.js as packaged (production build by `npm run package`), goal ≤ 250 KB;
//   - activation time as VS Code reports it in "Developer: Show Running Extensions" (its
//     activationTimes.codeLoadingTime + activateCallTime), goal ≤ 20 ms;
//   - child processes of the extension host spawned by anything but the stand-in's gopls between
//     page load and two seconds after our activation (sampled every 5 ms from /proc), goal 0;
//   - crash-to-badge: SIGKILL the extension host's gopls, time until our status item carries
//     statusBarItem.errorBackground, goal ≤ 3 s.
// BENCH_E2E_RUNS (default 3) cold starts; medians and extremes are printed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { median, repo } from './lib.mjs';

export const title = 'VS Code extension in code-server (size, activation, spawns, crash-to-badge)';

const KB = 1024;

function row(what, value, goal, ok) {
  console.log(`| ${what} | ${value} | ${goal || '—'} | ${ok === undefined ? '' : ok ? 'met' : 'MISSED'} |`);
}

export async function run() {
  if (!existsSync(path.join(repo, 'src', 'extension.ts'))) {
    console.log('src/extension.ts does not exist yet: nothing to measure.');
    return;
  }
  // The shipped bundle: production build and the .vsix the measurements install.
  execFileSync('npm', ['run', '-s', 'package'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  const size = statSync(path.join(repo, 'dist', 'extension.js')).size;
  // What activation does not parse but the first command does (the extension loads them lazily).
  const lazy = ['app.js', 'engine.js', 'webview/main.js']
    .map((f) => path.join(repo, 'dist', f))
    .filter((f) => existsSync(f))
    .map((f) => `${path.relative(repo, f)} ${(statSync(f).size / KB).toFixed(1)} KB`);
  const { version } = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const vsix = path.join(repo, `go-env-doctor-${version}.vsix`);

  let figures = [];
  let skipped;
  try {
    const { codeServerBin } = await loadDriver('codeServer');
    codeServerBin();
  } catch (e) {
    skipped = e instanceof Error ? e.message : String(e);
  }
  if (!skipped) {
    const { measure } = await loadDriver('benchDriver');
    figures = await measure(Number(process.env.BENCH_E2E_RUNS ?? 3), (s) => console.log(s));
  }

  console.log('\n| figure | measured | goal | |');
  console.log('|---|---|---|---|');
  row('dist/extension.js (production)', `${(size / KB).toFixed(1)} KB`, '≤ 250 KB', size <= 250 * KB);
  row('loaded on first use', lazy.join(', ') || '—', '', undefined);
  if (existsSync(vsix)) row(path.basename(vsix), `${(statSync(vsix).size / KB).toFixed(1)} KB`, '', undefined);
  if (skipped) {
    console.log(`\ncode-server not available, in-editor figures skipped: ${skipped}`);
    return;
  }
  const act = figures.map((f) => f.activationMs).filter((x) => typeof x === 'number');
  const crash = figures.map((f) => f.crashToBadgeMs).filter((x) => typeof x === 'number');
  const spawned = figures.map((f) => f.foreignChildren.length);
  const range = (xs, unit) => (xs.length ? `median ${median(xs)} ${unit} (min ${Math.min(...xs)}, max ${Math.max(...xs)}, n=${xs.length})` : 'not measured');
  row('activation (Running Extensions)', range(act, 'ms'), '≤ 20 ms', act.length ? median(act) <= 20 : undefined);
  row('extension-host children at activation', spawned.length ? `max ${Math.max(...spawned)} (n=${spawned.length})` : 'not measured', '0', spawned.length ? Math.max(...spawned) === 0 : undefined);
  row('crash-to-badge (SIGKILL gopls → errorBackground)', range(crash, 'ms'), '≤ 3000 ms', crash.length ? median(crash) <= 3000 : undefined);
  for (const f of figures) {
    if (f.error) console.log(`\nrun error: ${f.error}`);
    if (f.foreignChildren.length) console.log(`\nspawned at activation: ${f.foreignChildren.join(' | ')}`);
  }
}

/** The measuring code lives with the e2e harness in TypeScript; bundle it for plain Node. */
async function loadDriver(name) {
  const outdir = path.join(repo, '.bench');
  mkdirSync(outdir, { recursive: true });
  const outfile = path.join(outdir, `e2e-${name}.mjs`);
  await esbuild.build({
    entryPoints: [path.join(repo, 'test', 'e2e', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href + `?t=${Date.now()}`);
}
