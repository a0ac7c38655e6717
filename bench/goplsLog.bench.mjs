// The gopls log analyzer against `grep -c -E` on the same 200 MB trace, side by side in one run.
// The trace is real recorded records (test/fixtures/logs) repeated into a temp file, deleted after.
import { createWriteStream, readFileSync, rmSync, mkdtempSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const title = 'gopls log analyzer vs grep -c -E (200 MB trace)';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const TARGET = Number(process.env.GOPLS_LOG_BENCH_MB ?? 200) * 1024 * 1024;

async function buildTrace(file) {
  // A realistic mix: mostly healthy traffic, some failing sessions, a crash dump now and then.
  const fx = (n) => readFileSync(path.join(root, 'test/fixtures/logs', n));
  const block = Buffer.concat([fx('trace-healthy.rpc.log'), fx('trace-healthy.rpc.log'), fx('trace-broken-import.rpc.log'), fx('trace-oom-killed.rpc.log'), fx('trace-go-missing.rpc.log')]);
  const rare = fx('gopls-sigabrt.stderr.log');
  const out = createWriteStream(file);
  let written = 0;
  let n = 0;
  while (written < TARGET) {
    const b = ++n % 50 === 0 ? Buffer.concat([block, rare]) : block;
    if (!out.write(b)) await new Promise((r) => out.once('drain', r));
    written += b.length;
  }
  await new Promise((r) => out.end(r));
}

function timeGrep(file, ere) {
  const t = performance.now();
  const out = execFileSync('grep', ['-c', '-E', ere, file], { encoding: 'utf8' }).trim();
  return { ms: performance.now() - t, count: Number(out) };
}

export async function run() {
  const lib = require(path.join(root, 'dist/goplsLog.js'));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gopls-log-bench-'));
  const file = path.join(dir, 'trace.log');
  try {
    await buildTrace(file);
    const size = statSync(file).size;
    const ere = lib.needlesAsERE();
    // Warm the page cache so both read from memory, then alternate.
    timeGrep(file, ere);
    const rows = [];
    for (let i = 0; i < 3; i++) {
      const g = timeGrep(file, ere);
      global.gc?.();
      const rss0 = process.memoryUsage().rss;
      let rssMax = rss0;
      const t = performance.now();
      const timer = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage().rss)), 20);
      const r = await lib.readLogFile(file, {});
      clearInterval(timer);
      rssMax = Math.max(rssMax, process.memoryUsage().rss);
      const ms = performance.now() - t;
      rows.push({ grepMs: g.ms, grepLines: g.count, parseMs: ms, rssGrowth: rssMax - rss0, events: Object.values(r.summary.eventCounts).reduce((a, b) => a + b, 0), requests: Object.values(r.summary.requestsSent).reduce((a, b) => a + b, 0) });
    }
    const best = (k) => Math.min(...rows.map((r) => r[k]));
    const mb = size / (1024 * 1024);
    const grepMs = best('grepMs');
    const parseMs = best('parseMs');
    const rss = Math.max(...rows.map((r) => r.rssGrowth)) / (1024 * 1024);
    console.log(`trace: ${mb.toFixed(0)} MB of repeated real gopls v0.23.0 records (${rows[0].requests} requests, ${rows[0].events} classified events; grep matched ${rows[0].grepLines} lines)`);
    console.log(`grep -c -E (${lib.NEEDLES.length} patterns): ${grepMs.toFixed(0)} ms  ${(mb / (grepMs / 1000)).toFixed(0)} MB/s`);
    console.log(`analyzer (full parse):    ${parseMs.toFixed(0)} ms  ${(mb / (parseMs / 1000)).toFixed(0)} MB/s`);
    console.log(`ratio analyzer/grep speed: ${(grepMs / parseMs).toFixed(2)}x  (goal >= 0.5x)`);
    console.log(`RSS growth while parsing: ${rss.toFixed(1)} MiB  (goal < 64 MiB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
