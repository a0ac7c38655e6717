// The diagnose pipeline against its slowest unavoidable child, side by side in one run, on a
// small real module with the pinned gopls (.tools/bin/gopls):
//   (1) `node dist/cli.js diagnose --json --workspace X --gopls .tools/bin/gopls`, N times each
//       with the login shell's environment from the cache (warm: what every run after the first
//       gets) and with --no-cache (cold: a first run, or one after a start-up file changed):
//       the report's durationMs, the gopls probe's durationMs, and the process wall time;
//   (2) a bare gopls handshake alone (runGoplsSession, the probe's session code, bundled from
//       src/lsp/session.ts), N times, with the same workspace and file.
// Ratio pipeline/handshake (goal ≤ 1.25) and absolute pipeline time (goal < 1 s), medians.
// gopls's caches are warmed by one unmeasured run of each first. BENCH_PIPELINE_RUNS (default 5).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { median, prepareCliBench, repo } from './lib.mjs';

export const title = 'Diagnose pipeline vs a bare gopls handshake (wall time, ratio)';

const N = Number(process.env.BENCH_PIPELINE_RUNS ?? 5);

const ms = (x) => `${Math.round(x)} ms`;

function row(what, value, goal, ok) {
  console.log(`| ${what} | ${value} | ${goal} | ${ok === undefined ? '—' : ok ? 'met' : 'MISSED'} |`);
}

function diagnoseOnce(cli, workspace, gopls, env, cache) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'diagnose', '--json', '--workspace', workspace, '--gopls', gopls, ...(cache === 'cold' ? ['--no-cache'] : [])], { encoding: 'utf8', timeout: 120_000, env });
  const wall = performance.now() - t0;
  const report = JSON.parse(r.stdout);
  const probe = report.probes.find((p) => p.id === 'gopls');
  if (probe?.status !== 'ok') throw new Error(`gopls probe ${probe?.status}: ${probe?.reason ?? JSON.stringify(probe?.observed)}`);
  const login = report.probes.find((p) => p.id === 'login-shell');
  const status = login?.observed?.loginShell?.cache?.status;
  // A warm run that missed, or a cold one that hit, would measure the wrong thing.
  if (status !== (cache === 'cold' ? 'miss' : 'hit')) throw new Error(`${cache} run: login shell cache ${status}: ${JSON.stringify(login?.observed?.loginShell)}`);
  const slowest = [...report.probes].sort((a, b) => b.durationMs - a.durationMs)[0];
  return { pipeline: report.durationMs, probe: probe.durationMs, login: login.durationMs, wall, slowest: `${slowest.id} ${Math.round(slowest.durationMs)} ms` };
}

/** The probe's own session code, bundled so this plain .mjs can call it. */
async function loadSession(dir) {
  const out = path.join(dir, 'session.bench.mjs');
  await esbuild.build({
    stdin: {
      contents: [
        "export { runGoplsSession } from './src/lsp/session.ts';",
        "export { Host } from './src/host/host.ts';",
        "export { runDoctor } from './src/engine/pipeline.ts';",
        "export { goplsProbe } from './src/probes/gopls.ts';",
      ].join('\n'),
      resolveDir: repo,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    logLevel: 'warning',
    // As esbuild.mjs: jsonc-parser's "main" is a UMD bundle whose require('./impl/…') esbuild cannot
    // follow (the pipeline reads editor settings with it).
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    // CommonJS dependencies (vscode-jsonrpc, cross-spawn) call require inside an ES module.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return import(pathToFileURL(out).href);
}

export async function run() {
  const prepared = prepareCliBench('pipeline');
  if (!prepared) return;
  const { gopls, cli, tmp } = prepared;
  try {
    const ws = path.join(tmp, 'mod');
    mkdirSync(ws);
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/bench\n\ngo 1.22\n');
    writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println(greeting()) }\n');
    writeFileSync(path.join(ws, 'greet.go'), 'package main\n\nfunc greeting() string { return "hello" }\n');
    const loadBefore = os.loadavg().map((x) => x.toFixed(1)).join(' ');
    const { runGoplsSession, Host, runDoctor, goplsProbe } = await loadSession(tmp);
    const host = new Host();
    // The pipeline with the gopls probe alone: what the probe adds to the handshake, without the
    // other probes competing for the CPUs.
    const probeAlone = async () => {
      const report = await runDoctor({ host, probes: [goplsProbe], workspaces: [ws], env: process.env, settings: { alternateGopls: gopls }, timeoutMs: 30_000 });
      const p = report.probes[0];
      if (p.status !== 'ok') throw new Error(`gopls probe alone: ${p.status} ${p.reason ?? ''}`);
      return p.durationMs;
    };
    const handshake = async () => {
      const t0 = performance.now();
      const r = await runGoplsSession({ host, gopls, env: process.env, workspaces: [ws], timeoutMs: 30_000, openFile: path.join(ws, 'greet.go') });
      if (!r.ok) throw new Error(`bare handshake failed: ${JSON.stringify(r.failure)}`);
      return performance.now() - t0;
    };

    // The CLI's login-shell cache in a directory of its own, so the user's is neither read nor changed.
    const cliEnv = { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache') };
    // Warm gopls's file cache, the OS page cache and the login-shell cache; not measured.
    diagnoseOnce(cli, ws, gopls, cliEnv, 'cold');
    await handshake();
    await probeAlone();

    const runs = [];
    const colds = [];
    const bare = [];
    const alone = [];
    // Interleaved, so drift (other load on the machine) hits every side alike.
    for (let i = 0; i < N; i++) {
      colds.push(diagnoseOnce(cli, ws, gopls, cliEnv, 'cold'));
      runs.push(diagnoseOnce(cli, ws, gopls, cliEnv, 'warm'));
      bare.push(await handshake());
      alone.push(await probeAlone());
    }
    const pipeline = median(runs.map((r) => r.pipeline));
    const coldPipeline = median(colds.map((r) => r.pipeline));
    const probe = median(runs.map((r) => r.probe));
    const wall = median(runs.map((r) => r.wall));
    const handshakeMs = median(bare);
    const ratio = pipeline / handshakeMs;
    const coldRatio = coldPipeline / handshakeMs;
    // Each pipeline run beside the handshake right after it: robust when the machine is busy.
    const pairRatio = median(runs.map((r, i) => r.pipeline / bare[i]));
    const coldPairRatio = median(colds.map((r, i) => r.pipeline / bare[i]));

    const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
    console.log(`${N} interleaved runs after one warm-up each; medians. Workspace: a 2-file module; gopls ${gopls}. ${os.cpus().length} CPUs, load average ${loadBefore} before, ${load} after.\n`);
    console.log('| measure | value | goal | |');
    console.log('|---|---|---|---|');
    row('pipeline, login shell from the cache (report durationMs)', ms(pipeline), '< 1 s', pipeline < 1000);
    row('pipeline, login shell run (--no-cache: a first run)', ms(coldPipeline), '< 1 s', coldPipeline < 1000);
    row('login-shell probe, cached / run', `${ms(median(runs.map((r) => r.login)))} / ${ms(median(colds.map((r) => r.login)))}`, '', undefined);
    row('gopls probe (its durationMs in the report, cached runs)', ms(probe), '', undefined);
    row('bare handshake alone (runGoplsSession)', ms(handshakeMs), '', undefined);
    row('ratio pipeline / bare handshake, cached (of the medians)', ratio.toFixed(2), '≤ 1.25', ratio <= 1.25);
    row('ratio pipeline / bare handshake, cached (median of paired runs)', pairRatio.toFixed(2), '≤ 1.25', pairRatio <= 1.25);
    row('ratio pipeline / bare handshake, --no-cache (of the medians)', coldRatio.toFixed(2), '≤ 1.25', coldRatio <= 1.25);
    row('ratio pipeline / bare handshake, --no-cache (median of paired runs)', coldPairRatio.toFixed(2), '≤ 1.25', coldPairRatio <= 1.25);
    row('gopls probe alone (a pipeline of just this probe)', ms(median(alone)), '', undefined);
    row('ratio gopls probe alone / bare handshake', (median(alone) / handshakeMs).toFixed(2), '', undefined);
    row('ratio gopls probe in the full pipeline / bare handshake', (probe / handshakeMs).toFixed(2), '', undefined);
    row('`node dist/cli.js` process wall time, cached / --no-cache', `${ms(wall)} / ${ms(median(colds.map((r) => r.wall)))}`, '', undefined);
    console.log('\nper run (pipeline cached / gopls probe / bare handshake / probe alone / slowest probe || pipeline --no-cache / its slowest probe):');
    runs.forEach((r, i) => console.log(`  ${i + 1}. ${ms(r.pipeline)} / ${ms(r.probe)} / ${ms(bare[i])} / ${ms(alone[i])} / ${r.slowest} || ${ms(colds[i].pipeline)} / ${colds[i].slowest}`));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Runs on its own too: `node bench/pipeline.bench.mjs`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
