// Time to the verdict and the doctor's own peak RSS, on a real repository and on generated
// modules of growing size, side by side with `gopls check` of the same file on the same tree:
//   (1) the golang.org/x/tools module from the module cache (installing gopls puts it there),
//       copied to a temp dir;
//   (2) prometheus/prometheus, the repository the issue measured (about 700 .go files), its root
//       module from the Go module proxy and its dependencies put in the module cache by
//       `go mod download` (skipped when that fails, e.g. offline);
//   (3) generated modules of 100, 1,000 and 5,000 packages.
// The doctor runs as `node dist/cli.js diagnose --json` (the verdict time is the report's
// verdictMs; the type-check proof keeps running after it); its peak RSS is the node process's own
// maxRSS (getrusage RUSAGE_SELF, gopls not included), read by a preloaded exit hook.
// Goals: the verdict flat in workspace size, peak RSS < 150 MB at 5,000 packages.
// Each tree is diagnosed BENCH_SCALE_RUNS times (default 3, interleaved across the trees after one
// warm-up each) and the median run is shown, with the probe the verdict waited for longest.
// BENCH_SCALE_SIZES (default "100,1000,5000"), BENCH_SCALE_CHECK_TIMEOUT_S (default 240),
// BENCH_PROMETHEUS_VERSION (default v0.316.0; "none" leaves the row out).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareCliBench, repo } from './lib.mjs';

export const title = 'Time to verdict and peak RSS vs workspace size, beside `gopls check` (median of BENCH_SCALE_RUNS runs)';

const SIZES = (process.env.BENCH_SCALE_SIZES ?? '100,1000,5000').split(',').map(Number);
const CHECK_TIMEOUT_S = Number(process.env.BENCH_SCALE_CHECK_TIMEOUT_S ?? 240);
const RUNS = Math.max(1, Number(process.env.BENCH_SCALE_RUNS ?? 3));
const PROMETHEUS = process.env.BENCH_PROMETHEUS_VERSION ?? 'v0.316.0';
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '—');

function doctor(cli, hook, workspace, gopls) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', hook, cli, 'diagnose', '--json', '--timeout-ms', '60000', '--workspace', workspace, '--gopls', gopls], { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 << 20 });
  const wall = performance.now() - t0;
  const report = JSON.parse(r.stdout);
  const rssKb = Number(/BENCH_MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const p = report.probes.find((x) => x.id === 'gopls');
  // The verdict waits for every probe's first outcome: the longest of them is what it waited for.
  const slowest = report.probes.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
  const followUps = report.probes.filter((x) => x.followUp && x.id !== 'gopls').map((x) => `${x.id}: ${x.followUp.title} ${x.followUp.status} ${ms(x.followUp.durationMs)}`);
  return { verdict: report.verdictMs, total: report.durationMs, wall, rssMb: rssKb / 1024, proof: p?.followUp, file: p?.observed?.openedFile, goplsProbe: p?.durationMs, slowest: { id: slowest.id, ms: slowest.durationMs }, followUps };
}

/** `gopls check FILE`: what an editor's first type-check of that file costs, start to finish. */
function goplsCheck(gopls, workspace, file) {
  if (!file) return { ms: NaN, note: 'no file' };
  const t0 = performance.now();
  const r = spawnSync(gopls, ['check', file], { cwd: workspace, encoding: 'utf8', timeout: CHECK_TIMEOUT_S * 1000, env: { ...process.env, GOTOOLCHAIN: 'local' } });
  const took = performance.now() - t0;
  if (r.error?.code === 'ETIMEDOUT') return { ms: NaN, note: `> ${CHECK_TIMEOUT_S} s (killed)` };
  return { ms: took, note: r.status === 0 ? '' : `exit ${r.status}` };
}

function generate(dir, n) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'go.mod'), 'module example.com/scale\n\ngo 1.22\n');
  writeFileSync(path.join(dir, 'main.go'), 'package main\n\nimport "example.com/scale/p0"\n\nfunc main() { p0.F() }\n');
  for (let i = 0; i < n; i++) {
    const d = path.join(dir, `p${i}`);
    mkdirSync(d);
    // Each package imports the standard library and (every tenth) the next one: a graph gopls must load.
    const dep = i % 10 === 0 && i + 1 < n ? `p${i + 1}` : undefined;
    writeFileSync(path.join(d, `p${i}.go`), `package p${i}\n\nimport (\n\t"strings"\n${dep ? `\t"example.com/scale/${dep}"\n` : ''})\n\nfunc F() string { ${dep ? `${dep}.F(); ` : ''}return strings.ToUpper("p${i}") }\n`);
  }
}

function xtoolsFromModCache() {
  let cache;
  try {
    cache = execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
  const dir = path.join(cache, 'golang.org', 'x');
  if (!existsSync(dir)) return undefined;
  const versions = readdirSync(dir).filter((d) => /^tools@v0\./.test(d)).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  return versions.length ? path.join(dir, versions[versions.length - 1]) : undefined;
}

/**
 * prometheus/prometheus at a pinned version: the root module from the module proxy (its nested
 * modules are not published there, so the copy's go.work keeps only the `use` lines that exist),
 * then `go mod download` of its dependencies so gopls can load it. undefined (and why) on failure.
 */
function prometheusCopy(tmp) {
  if (PROMETHEUS === 'none') return { why: 'BENCH_PROMETHEUS_VERSION=none' };
  const go = (args, cwd, timeout) => execFileSync('go', args, { cwd, encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GOFLAGS: '-mod=mod' } });
  try {
    const cacheBefore = du(execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim());
    const info = JSON.parse(go(['mod', 'download', '-json', `github.com/prometheus/prometheus@${PROMETHEUS}`], tmp, 300_000));
    const copy = path.join(tmp, 'prometheus');
    cpSync(info.Dir, copy, { recursive: true });
    execFileSync('chmod', ['-R', 'u+w', copy]);
    const work = path.join(copy, 'go.work');
    if (existsSync(work)) {
      const text = readFileSync(work, 'utf8');
      const kept = text.replace(/^\s*(\.\/[^\s)]+)\s*$/gm, (line, dir) => (existsSync(path.join(copy, dir, 'go.mod')) ? line : ''));
      writeFileSync(work, kept);
    }
    go(['mod', 'download'], copy, 1_800_000);
    const cacheAfter = du(execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim());
    return { name: `prometheus/prometheus ${PROMETHEUS} (real, root module)`, dir: copy, note: `module cache ${cacheBefore} MB before, ${cacheAfter} MB after its download` };
  } catch (e) {
    return { why: String(e.stderr || e.message).trim().split('\n').slice(-1)[0] };
  }
}

function du(dir) {
  try {
    return Number(execFileSync('du', ['-sm', dir], { encoding: 'utf8' }).split(/\s/)[0]);
  } catch {
    return NaN;
  }
}

/** The middle value itself (the upper one of an even count): the run it names is the one shown. */
const medianRun = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run() {
  const prepared = prepareCliBench('scale');
  if (!prepared) return;
  const { gopls, cli, tmp } = prepared;
  const hook = path.join(tmp, 'maxrss.mjs');
  writeFileSync(hook, "import { writeSync } from 'node:fs';\nprocess.on('exit', () => writeSync(2, `\\nBENCH_MAXRSS ${process.resourceUsage().maxRSS}\\n`));\n");
  const rows = [];
  try {
    const loadBefore = os.loadavg().map((x) => x.toFixed(1)).join(' ');
    const xtools = xtoolsFromModCache();
    const trees = [];
    if (xtools) {
      const copy = path.join(tmp, 'xtools');
      cpSync(xtools, copy, { recursive: true });
      // Module cache files are read-only; the copy must be removable.
      execFileSync('chmod', ['-R', 'u+w', copy]);
      trees.push({ name: `${path.basename(xtools)} (real)`, dir: copy });
    } else console.log('golang.org/x/tools is not in the module cache: the real-repository row is missing.');
    const prom = prometheusCopy(tmp);
    if (prom.dir) {
      trees.push(prom);
      console.log(prom.note);
    } else console.log(`prometheus row skipped: ${prom.why}`);
    for (const n of SIZES) {
      const dir = path.join(tmp, `gen${n}`);
      generate(dir, n);
      trees.push({ name: `generated, ${n} packages`, dir });
    }
    for (const t of trees) {
      t.goFiles = Number(execFileSync('sh', ['-c', 'find . -name "*.go" | wc -l'], { cwd: t.dir, encoding: 'utf8' }).trim());
      doctor(cli, hook, t.dir, gopls); // warms the page cache and gopls's file cache; not measured
      t.runs = [];
    }
    // Interleaved, so a burst of load from elsewhere spreads over the trees rather than one.
    for (let i = 0; i < RUNS; i++) for (const t of trees) t.runs.push(doctor(cli, hook, t.dir, gopls));
    for (const t of trees) {
      const v = medianRun(t.runs.map((r) => r.verdict));
      const d = t.runs.find((r) => r.verdict === v);
      const check = goplsCheck(gopls, t.dir, d.file);
      rows.push({ ...t, d, check, verdicts: t.runs.map((r) => r.verdict), rssMax: Math.max(...t.runs.map((r) => r.rssMb)) });
    }
    const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
    console.log(`${RUNS} measured run(s) per tree, interleaved, after one warm-up each; the median run shown; gopls ${gopls}; ${os.cpus().length} CPUs, load average ${loadBefore} before, ${load} after.\n`);
    console.log('| workspace | .go files | verdict (median; all runs) | slowest probe before the verdict | proof (type-check of the opened file) | doctor peak RSS (max) | `gopls check FILE` | verdict / gopls check |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      const proof = r.d.proof ? `${r.d.proof.status} ${ms(r.d.proof.durationMs)}` : '—';
      const ratio = Number.isFinite(r.check.ms) ? (r.d.verdict / r.check.ms).toFixed(3) : '—';
      console.log(`| ${r.name} | ${r.goFiles} | ${ms(r.d.verdict)} (${r.verdicts.map((x) => Math.round(x)).join(', ')}) | ${r.d.slowest.id} ${ms(r.d.slowest.ms)} | ${proof} | ${r.rssMax.toFixed(0)} MB | ${Number.isFinite(r.check.ms) ? ms(r.check.ms) : r.check.note}${r.check.note && Number.isFinite(r.check.ms) ? ` (${r.check.note})` : ''} | ${ratio} |`);
    }
    for (const r of rows) if (r.d.followUps.length) console.log(`follow-ups after the verdict on ${r.name}: ${r.d.followUps.join('; ')}`);
    const gen = rows.filter((r) => r.name.startsWith('generated'));
    if (gen.length >= 2) {
      const first = gen[0];
      const last = gen[gen.length - 1];
      const growth = last.d.verdict / first.d.verdict;
      console.log(`\nverdict growth ${first.goFiles} → ${last.goFiles} .go files: ×${growth.toFixed(2)} (goal: flat, ≤ ×1.5) — ${growth <= 1.5 ? 'met' : 'MISSED'}`);
      console.log(`doctor peak RSS at ${last.name}: ${last.rssMax.toFixed(0)} MB (goal < 150 MB) — ${last.rssMax < 150 ? 'met' : 'MISSED'}`);
    }
    for (const real of rows.filter((r) => r.name.includes('(real'))) console.log(`verdict on ${real.name}: ${ms(real.d.verdict)} (goal ≤ 1500 ms) — ${real.d.verdict <= 1500 ? 'met' : 'MISSED'}; opened ${path.relative(real.dir, real.d.file ?? '')}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
