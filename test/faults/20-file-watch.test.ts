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
