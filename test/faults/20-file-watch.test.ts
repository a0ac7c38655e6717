// file-watch: fs.inotify.max_user_watches below what this user already holds (a real watcher
// process holds them). The limit is global, so the user here is `nobody` (whose only watches are
// ours) and the window with the lowered limit lasts only for the symptom and one doctor run;
// the limit stays far above what any other account holds.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOBODY, asUser, chownTree, expectDiagnosis, makeHome, readSysctl, removeTree, restoreSysctlVerified, runCmd, runDoctorCli, summarize, tempDir, userEnvFor, writeSmallModule, writeSysctl, sleep } from './lib/harness.js';
import { buildInotifyTool, inotifyWatchesByUid } from './lib/inotifyHolder.js';

const SYSCTL = 'fs.inotify.max_user_watches';

describe('fault: inotify watches exhausted', () => {
  it('inotify_add_watch fails with ENOSPC and the doctor names file-watch and max_user_watches', async () => {
    const dir = tempDir('inotify');
    const tool = await buildInotifyTool(dir);
    const home = makeHome(path.join(dir, 'home'));
    const ws = writeSmallModule(path.join(dir, 'ws'));
    const watched = path.join(dir, 'watched');
    mkdirSync(watched);
    chownTree(dir, NOBODY);

    const others = Math.max(0, ...[...inotifyWatchesByUid()].filter(([uid]) => uid !== NOBODY.uid).map(([, n]) => n));
    const limit = others + 4096;
    const hold = limit + 512;
    const original = readSysctl(SYSCTL);
    expect(Number(original)).toBeGreaterThan(hold);

    const holder = spawn(asUser(NOBODY)[0]!, [...asUser(NOBODY).slice(1), tool, 'hold', String(hold), watched], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const ready = await new Promise<string>((resolve) => {
        let out = '';
        holder.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out.trim());
        });
        holder.on('exit', () => resolve(out.trim()));
      });
      expect(ready).toBe(`holding ${hold}`);
      const env = userEnvFor(home, 'nobody');
      let sym;
      let run;
      try {
        writeSysctl(SYSCTL, String(limit));
        sym = await runCmd(tool, ['add', ws], { wrap: asUser(NOBODY), env });
        run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: asUser(NOBODY) });
      } finally {
        restoreSysctlVerified(SYSCTL, original);
      }
      expect(sym.code).toBe(1);
      expect(sym.stdout).toContain(`inotify_add_watch ${ws}: no space left on device`);
      console.log(`[file-watch] holder holds ${hold}, limit set to ${limit} (others hold ≤ ${others}) ${summarize(run)}`);
      expectDiagnosis(run, ['file-watch'], ['max_user_watches']);
      // The top holder is named: the holder's pid or its command.
      const text = JSON.stringify(run.report!.causes[0]);
      expect(text.includes(String(holder.pid)) || text.includes('inotifytool'), 'top holder named').toBe(true);
    } finally {
      holder.stdin!.end();
      holder.kill('SIGKILL');
      await sleep(100);
      removeTree(dir);
    }
    expect(readSysctl(SYSCTL)).toBe(original);
  });
});

// Many watches free (kernels since 5.11 size max_user_watches from RAM: about 80,000 at 8 GiB), and
// a monorepo with more folders than that: the editor's recursive watcher runs out part way. The
// doctor walked the workspace only when fewer than 50,000 were free, and said nothing here.
describe('fault: a workspace with more folders than the many free inotify watches', () => {
  it('a recursive watcher fails with ENOSPC part way; the doctor counts the folders after its verdict and warns; with room to spare it does not', async () => {
    const dir = tempDir('inotify-many');
    const tool = await buildInotifyTool(dir);
    const home = makeHome(path.join(dir, 'home'));
    const ws = writeSmallModule(path.join(dir, 'ws'));
    const others = Math.max(0, ...[...inotifyWatchesByUid()].filter(([uid]) => uid !== NOBODY.uid).map(([, n]) => n));
    // A 60 s deadline: the count runs after the verdict, and gopls loading 72,000 folders beside
    // other work on two cores took most of 30 s in one CI run.
    // Folders: above the doctor's "few free" line (50,000) and the low-limit line (65,536) with margin.
    const folders = Math.max(72_000, others + 12_000);
    for (let i = 0; i * 250 < folders; i++) for (let j = 0; j < 250 && i * 250 + j < folders; j++) mkdirSync(path.join(ws, 'data', `d${i}`, `e${j}`), { recursive: true });
    chownTree(dir, NOBODY);
    const original = readSysctl(SYSCTL);
    const tight = folders - 5000;
    // Room to spare: the workspace takes under the 75% of the limit a warning starts at.
    const roomy = Math.ceil(folders / 0.7);
    expect(tight).toBeGreaterThan(Math.max(65_536, others + 4096));
    expect(Number(original)).toBeGreaterThan(roomy);
    const env = userEnvFor(home, 'nobody');
    const fileWatch = (r: Awaited<ReturnType<typeof runDoctorCli>>) => r.report!.causes.filter((c) => c.id === 'file-watch');
    const inotifyObserved = (r: Awaited<ReturnType<typeof runDoctorCli>>) => JSON.stringify(r.report!.probes.find((p) => p.id === 'inotify')?.observed);
    try {
      let sym;
      let tightRun;
      let roomyRun;
      try {
        writeSysctl(SYSCTL, String(tight));
        sym = await runCmd(tool, ['watchtree', ws], { wrap: asUser(NOBODY), env });
        tightRun = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: asUser(NOBODY), timeoutMs: 60_000 });
        writeSysctl(SYSCTL, String(roomy));
        roomyRun = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: asUser(NOBODY), timeoutMs: 60_000 });
      } finally {
        restoreSysctlVerified(SYSCTL, original);
      }
      expect(sym.code).toBe(1);
      expect(sym.stdout).toMatch(/inotify_add_watch \S+: no space left on device \(after \d+ watches\)/);
      console.log(`[file-watch many] ${folders + 1}+ folders, limit ${tight} then ${roomy}: ${summarize(tightRun)} | ${summarize(roomyRun)}`);
      // On failure, what the count saw (how far the walk got, and its follow-up's status and time).
      expect(fileWatch(tightRun!).length, `${inotifyObserved(tightRun!)} ${JSON.stringify((tightRun!.report!.probes.find((p) => p.id === 'inotify') as { followUp?: unknown } | undefined)?.followUp)}`).toBeGreaterThan(0);
      expectDiagnosis(tightRun, ['file-watch'], ['max_user_watches']);
      const f = fileWatch(tightRun)[0]!.findings[0]!;
      expect(f.severity).toBe('warning');
      expect(f.message).toMatch(new RegExp(`Watching the workspace takes up to \\d+\\+? more watches \\(one per folder\\), but only ${tight} of ${tight} are free`));
      expect(JSON.stringify(fileWatch(tightRun)[0]!.fixes)).toContain('"inotify-raise-watches"');
      // With room for every folder: nothing, and the count says the walk was made.
      expect(fileWatch(roomyRun)).toEqual([]);
      expect(inotifyObserved(roomyRun)).toMatch(/counted up to \d+ folders, the workspace has (\d+)/);
      expect(Number(/the workspace has (\d+)/.exec(inotifyObserved(roomyRun))![1])).toBeGreaterThan(folders);
    } finally {
      removeTree(dir);
    }
    expect(readSysctl(SYSCTL)).toBe(original);
  }, 300_000);
});
