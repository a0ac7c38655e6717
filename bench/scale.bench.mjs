// Time to the verdict and the doctor's own peak RSS, on a real repository and on generated
// modules of growing size, side by side with `gopls check` of the same file on the same tree:
//   (1) the golang.org/x/tools module from the module cache (installing gopls puts it there),
//       copied to a temp dir;
//   (2) generated modules of 100, 1,000 and 5,000 packages.
// The doctor runs as `node dist/cli.js diagnose --json` (the verdict time is the report's
// verdictMs; the type-check proof keeps running after it); its peak RSS is the node process's own
// maxRSS (getrusage RUSAGE_SELF, gopls not included), read by a preloaded exit hook.
// Goals: the verdict flat in workspace size, peak RSS < 150 MB at 5,000 packages.
// BENCH_SCALE_SIZES (default "100,1000,5000"), BENCH_SCALE_CHECK_TIMEOUT_S (default 240).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const title = 'Time to verdict and peak RSS vs workspace size, beside `gopls check` (one run)';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = (process.env.BENCH_SCALE_SIZES ?? '100,1000,5000').split(',').map(Number);
const CHECK_TIMEOUT_S = Number(process.env.BENCH_SCALE_CHECK_TIMEOUT_S ?? 240);
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '—');

function doctor(cli, hook, workspace, gopls) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', hook, cli, 'diagnose', '--json', '--timeout-ms', '60000', '--workspace', workspace, '--gopls', gopls], { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 << 20 });
  const wall = performance.now() - t0;
  const report = JSON.parse(r.stdout);
  const rssKb = Number(/BENCH_MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const p = report.probes.find((x) => x.id === 'gopls');
  const others = Math.max(...report.probes.filter((x) => x.id !== 'gopls').map((x) => x.durationMs));
  return { verdict: report.verdictMs, total: report.durationMs, wall, rssMb: rssKb / 1024, proof: p?.followUp, file: p?.observed?.openedFile, goplsProbe: p?.durationMs, slowestOther: others };
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

export async function run() {
  const gopls = path.join(repo, '.tools', 'bin', 'gopls');
  if (!existsSync(gopls)) {
    console.log('no pinned gopls at .tools/bin/gopls (node test/setup/install-gopls.mjs): nothing to measure.');
    return;
  }
  execFileSync('npm', ['run', '-s', 'build'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  const cli = path.join(repo, 'dist', 'cli.js');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-scale-'));
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
    for (const n of SIZES) {
      const dir = path.join(tmp, `gen${n}`);
      generate(dir, n);
      trees.push({ name: `generated, ${n} packages`, dir });
    }
    for (const t of trees) {
      const goFiles = Number(execFileSync('sh', ['-c', 'find . -name "*.go" | wc -l'], { cwd: t.dir, encoding: 'utf8' }).trim());
      doctor(cli, hook, t.dir, gopls); // warms the page cache and gopls's file cache; not measured
      const d = doctor(cli, hook, t.dir, gopls);
      const check = goplsCheck(gopls, t.dir, d.file);
      rows.push({ ...t, goFiles, d, check });
    }
    const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
    console.log(`One measured run per tree after one warm-up; gopls ${gopls}; ${os.cpus().length} CPUs, load average ${loadBefore} before, ${load} after.\n`);
    console.log('| workspace | .go files | verdict | slowest probe but gopls | proof (type-check of the opened file) | doctor peak RSS | `gopls check FILE` | verdict / gopls check |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      const proof = r.d.proof ? `${r.d.proof.status} ${ms(r.d.proof.durationMs)}` : '—';
      const ratio = Number.isFinite(r.check.ms) ? (r.d.verdict / r.check.ms).toFixed(3) : '—';
      console.log(`| ${r.name} | ${r.goFiles} | ${ms(r.d.verdict)} | ${ms(r.d.slowestOther)} | ${proof} | ${r.d.rssMb.toFixed(0)} MB | ${Number.isFinite(r.check.ms) ? ms(r.check.ms) : r.check.note}${r.check.note && Number.isFinite(r.check.ms) ? ` (${r.check.note})` : ''} | ${ratio} |`);
    }
    const gen = rows.filter((r) => r.name.startsWith('generated'));
    if (gen.length >= 2) {
      const first = gen[0];
      const last = gen[gen.length - 1];
      const growth = last.d.verdict / first.d.verdict;
      console.log(`\nverdict growth ${first.goFiles} → ${last.goFiles} .go files: ×${growth.toFixed(2)} (goal: flat, ≤ ×1.5) — ${growth <= 1.5 ? 'met' : 'MISSED'}`);
      console.log(`doctor peak RSS at ${last.name}: ${last.d.rssMb.toFixed(0)} MB (goal < 150 MB) — ${last.d.rssMb < 150 ? 'met' : 'MISSED'}`);
    }
    const real = rows.find((r) => r.name.endsWith('(real)'));
    if (real) console.log(`verdict on the real repository: ${ms(real.d.verdict)} (goal ≤ 1500 ms) — ${real.d.verdict <= 1500 ? 'met' : 'MISSED'}; opened ${path.relative(real.dir, real.d.file ?? '')}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
