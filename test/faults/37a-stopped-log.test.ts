// A gopls killed BEFORE the doctor ran, read from the log it left (src/probes/stoppedLogs.ts): a
// real gopls serving an editor-like client (test/fixtures/logs/capture/drive-session.mjs) with
// -rpc.trace -logfile, killed by a cgroup v1 memory limit (the module importing every public std
// package; gopls peaks at ~555 MB on it, fault 35) or by hand with SIGKILL; then the CLI is given
// the log. The limit's kill must lead as memory-limit with the log's last line and the kernel's
// record of that very pid; the kill by hand is a gopls-launch "stopped" symptom and no memory
// cause; a gopls still serving, and a session ended with shutdown/exit, leave nothing about the log.
import path from 'node:path';
import { chmodSync, copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { GOPLS, REPO, NODE, NOBODY, asUser, makeHome, userEnvFor, inCgroup, makeCgroup, removeCgroupVerified, removeTree, runCmd, runDoctorCli, sleep, summarize, tempDir, userEnv, writeBigModule, writeSmallModule, type Report } from './lib/harness.js';

const MiB = 1024 * 1024;
const DRIVER = path.join(REPO, 'test', 'fixtures', 'logs', 'capture', 'drive-session.mjs');

function oomKills(text: string): number {
  return Number(/^oom_kill (\d+)/m.exec(text)?.[1] ?? NaN);
}

interface Session {
  child: ChildProcessWithoutNullStreams;
  goplsPid: Promise<number>;
  /** Ends what is left: gopls (which a driver's SIGKILL would orphan) and the driver. */
  stop(): void;
  /** Resolves on the driver's "diagnosed" (gopls answered) or "exit" (gopls died first). */
  next(event: 'diagnosed' | 'exit'): Promise<Record<string, unknown>>;
}

/** The driver, left running: its events come one JSON line each on stdout. */
function startSession(ws: string, file: string, log: string, end: 'stay' | 'die', env: NodeJS.ProcessEnv): Session {
  const child = spawn(NODE, [DRIVER, ws, file, log, end], { cwd: REPO, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const seen: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  createInterface({ input: child.stdout }).on('line', (l) => {
    try {
      seen.push(JSON.parse(l) as Record<string, unknown>);
    } catch {
      return;
    }
    for (const w of waiters.splice(0)) w();
  });
  const next = (event: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const look = () => {
        const e = seen.find((x) => x.event === event || x.event === 'exit');
        if (e) resolve(e);
        else waiters.push(look);
      };
      look();
    });
  const stop = () => {
    const pid = Number(seen.find((e) => e.event === 'started')?.pid);
    for (const p of [pid, child.pid]) {
      try {
        if (p) process.kill(p, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  };
  return { child, goplsPid: next('started').then((e) => Number(e.pid)), next, stop };
}

/** The findings that quote this log, across every cause. */
function aboutLog(report: Report, log: string) {
  return report.causes.flatMap((c) => c.findings.filter((f) => f.evidence.some((e) => e.source === log)).map((f) => ({ cause: c.id, ...f })));
}

describe('fault: a gopls killed before the doctor ran, read from its log', () => {
  it('killed by hand (SIGKILL): a gopls-launch "stopped" symptom at the last record, no memory cause', async () => {
    const dir = tempDir('stopped-hand');
    const ws = writeSmallModule(path.join(dir, 'small'));
    const log = path.join(dir, 'gopls.log');
    const env = userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache'), GOPLS });
    const s = startSession(ws, path.join(ws, 'main.go'), log, 'stay', env);
    try {
      // A gopls the OOM killer took moments ago (the fault before this one) is not this log's.
      await sleep(3000);
      expect((await s.next('diagnosed')).event).toBe('diagnosed');
      process.kill(await s.goplsPid, 'SIGKILL');
      expect(await s.next('exit')).toMatchObject({ signal: 'SIGKILL' });
      const run = await runDoctorCli({ workspaces: [ws], extra: ['--gopls-log', log], env });
      console.log(`[stopped hand] ${summarize(run)}`);
      const found = aboutLog(run.report!, log);
      expect(found.map((f) => f.cause)).toEqual(['gopls-launch']);
      expect(found[0]).toMatchObject({ role: 'symptom', symptom: 'stopped', severity: 'warning' });
      expect(found[0]!.message).toMatch(/stops mid-session at line \d+ .*killed or crashed without a word/);
      expect(run.report!.causes.some((c) => c.id === 'memory-limit')).toBe(false);
      // The editor's channel beside it already tells of that death ("Connection to server got
      // closed"): one symptom, the channel's, not a second one for the stop.
      const channel = path.join(dir, 'gopls (server).log');
      writeFileSync(channel, '[Error - 3:50:07 AM] Connection to server got closed. Server will restart.\n');
      const both = await runDoctorCli({ workspaces: [ws], extra: ['--gopls-log', log, '--gopls-log', channel], env });
      expect(aboutLog(both.report!, log)).toEqual([]);
      expect(aboutLog(both.report!, channel).map((f) => f.cause)).toEqual(['gopls-launch']);
    } finally {
      s.stop();
      removeTree(dir);
    }
  });

  it('killed by hand, the doctor in a cgroup whose oom_kill counts an earlier kill of another gopls: the stop is not put down to memory', async () => {
    const dir = tempDir('stopped-hand-past');
    const big = await writeBigModule(path.join(dir, 'big'));
    const ws = writeSmallModule(path.join(dir, 'small'));
    const log = path.join(dir, 'gopls.log');
    const cg = makeCgroup('memory', 'stopped-past');
    const env = userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache'), GOPLS });
    let s: Session | undefined;
    try {
      cg.write('memory.limit_in_bytes', String(100 * MiB));
      await runCmd(GOPLS, ['check', path.join(big, 'big.go')], { cwd: big, env, wrap: inCgroup(cg.dir), killAfterMs: 120_000 });
      expect(oomKills(cg.read('memory.oom_control')), 'an earlier kill counted').toBeGreaterThan(0);
      cg.write('memory.force_empty', '0');
      cg.write('memory.limit_in_bytes', String(2048 * MiB));
      await sleep(3000);
      s = startSession(ws, path.join(ws, 'main.go'), log, 'stay', env);
      expect((await s.next('diagnosed')).event).toBe('diagnosed');
      process.kill(await s.goplsPid, 'SIGKILL');
      await s.next('exit');
      const run = await runDoctorCli({ workspaces: [ws], extra: ['--gopls-log', log], env, wrap: inCgroup(cg.dir) });
      console.log(`[stopped hand, past kill] ${summarize(run)}`);
      const found = aboutLog(run.report!, log);
      expect(found.map((f) => f.cause)).toEqual(['gopls-launch']);
      expect(found[0]!.explainedBy ?? []).toEqual([]);
    } finally {
      s?.stop();
      await removeCgroupVerified(cg);
      removeTree(dir);
    }
    expect(existsSync(cg.dir)).toBe(false);
  });

  // Limits at which gopls gets far enough to write its trace before the kill on a quiet machine:
  // at 100 MiB it was once killed before it created the log file at all (nothing to read).
  for (const limitMb of [200, 300]) {
    it(`a ${limitMb} MiB memory limit OOM-kills gopls while it loads: memory-limit leads, quoting the log's last line and the kernel's record of that pid`, async () => {
      const dir = tempDir(`stopped-oom-${limitMb}`);
      const big = await writeBigModule(path.join(dir, 'big'));
      const small = writeSmallModule(path.join(dir, 'small'));
      const log = path.join(dir, 'gopls.log');
      const cg = makeCgroup('memory', `stopped-${limitMb}`);
      try {
        cg.write('memory.limit_in_bytes', String(limitMb * MiB));
        const before = oomKills(cg.read('memory.oom_control'));
        // Only gopls joins the cgroup (the driver execs it through the wrapper): the kill is its.
        const env = userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache'), GOPLS, GOPLS_WRAP: JSON.stringify(inCgroup(cg.dir)) });
        const drive = await runCmd(NODE, [DRIVER, big, path.join(big, 'big.go'), log, 'die'], { cwd: REPO, env, killAfterMs: 120_000 });
        const events = drive.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
        const pid = Number(events.find((e) => e.event === 'started')?.pid);
        const after = oomKills(cg.read('memory.oom_control'));
        console.log(`[stopped oom ${limitMb}MiB] oom_kill ${before}→${after} ${drive.stdout.trim().replace(/\n/g, ' ')}`);
        expect(after, 'the limit killed gopls').toBeGreaterThan(before);
        expect(events.find((e) => e.event === 'exit')).toMatchObject({ signal: 'SIGKILL' });
        // The doctor runs outside the cgroup, on a healthy module, given only the log.
        const run = await runDoctorCli({ workspaces: [small], extra: ['--gopls-log', log], env: userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache') }) });
        console.log(`[stopped oom ${limitMb}MiB] ${summarize(run)}`);
        const first = run.report!.causes[0]!;
        expect(first.id).toBe('memory-limit');
        const f = first.findings.find((x) => x.evidence.some((e) => e.source === log))!;
        expect(f, 'the memory-limit cause quotes the log').toBeDefined();
        expect(f.role).toBe('cause');
        expect(f.evidence.find((e) => e.source === log)!.line).toBeGreaterThan(1);
        expect(f.evidence.some((e) => new RegExp(`Killed process ${pid} \\(gopls\\)`).test(e.excerpt)), 'the kernel record of that pid').toBe(true);
        expect(f.evidence.some((e) => e.source === path.join(cg.dir, 'memory.oom_control') && e.excerpt.startsWith(`oom_kill ${after}`))).toBe(true);
        expect(f.message).toContain(`pid ${pid}`);
        expect(aboutLog(run.report!, log).some((x) => x.cause === 'gopls-launch'), 'not also an unexplained stop').toBe(false);
      } finally {
        await removeCgroupVerified(cg);
        removeTree(dir);
      }
      expect(existsSync(cg.dir)).toBe(false);
    });
  }

  // dmesg_restrict=1 (this VM's setting, and most distributions'): nobody reads no kernel log.
  for (const counted of [true, false]) {
    it(`the kernel log unreadable (nobody, dmesg_restrict) ${counted ? 'and the editor\'s memory cgroup counting a kill: a memory-limit warning quoting the count' : 'and no kill counted: the stop is a symptom that says the kernel log could not be read'}`, async () => {
      const dir = tempDir(`stopped-nobody-${counted}`);
      const big = await writeBigModule(path.join(dir, 'big'));
      const ws = writeSmallModule(path.join(dir, 'small'));
      const home = makeHome(path.join(dir, 'home'), NOBODY);
      // A trace a real gopls left when killed (test/fixtures/logs): nobody may read it.
      const log = path.join(dir, 'gopls.log');
      copyFileSync(path.join(REPO, 'test', 'fixtures', 'logs', 'trace-kill9.rpc.log'), log);
      chmodSync(log, 0o644);
      const cg = makeCgroup('memory', `stopped-nobody-${counted}`);
      try {
        if (counted) {
          cg.write('memory.limit_in_bytes', String(100 * MiB));
          await runCmd(GOPLS, ['check', path.join(big, 'big.go')], { cwd: big, env: userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache') }), wrap: inCgroup(cg.dir), killAfterMs: 120_000 });
          cg.write('memory.force_empty', '0');
        }
        cg.write('memory.limit_in_bytes', String(2048 * MiB));
        const kills = oomKills(cg.read('memory.oom_control'));
        expect(kills > 0).toBe(counted);
        const run = await runDoctorCli({ workspaces: [ws], extra: ['--gopls-log', log], env: userEnvFor(home, 'nobody'), cwd: ws, wrap: [...inCgroup(cg.dir), ...asUser(NOBODY)] });
        console.log(`[stopped nobody ${counted}] ${summarize(run)}`);
        const found = aboutLog(run.report!, log);
        expect(found).toHaveLength(1);
        if (counted) {
          expect(found[0]).toMatchObject({ cause: 'memory-limit', role: 'cause', severity: 'warning' });
          expect(found[0]!.evidence.some((e) => e.source === path.join(cg.dir, 'memory.oom_control') && e.excerpt.startsWith(`oom_kill ${kills}`))).toBe(true);
        } else {
          expect(found[0]).toMatchObject({ cause: 'gopls-launch', symptom: 'stopped' });
        }
        expect(found[0]!.message).toMatch(/could not be read/);
      } finally {
        await removeCgroupVerified(cg);
        removeTree(dir);
      }
      expect(existsSync(cg.dir)).toBe(false);
    });
  }

  it('the controls: a gopls still serving, and a session the client ended with shutdown/exit, leave nothing about their logs', async () => {
    const dir = tempDir('stopped-control');
    const ws = writeSmallModule(path.join(dir, 'small'));
    const live = path.join(dir, 'live.log');
    const ended = path.join(dir, 'ended.log');
    const env = userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache'), GOPLS });
    const s = startSession(ws, path.join(ws, 'main.go'), live, 'stay', env);
    try {
      const done = await runCmd(NODE, [DRIVER, ws, path.join(ws, 'main.go'), ended, 'exit'], { cwd: REPO, env, killAfterMs: 60_000 });
      expect(done.stdout).toContain('"code":0');
      expect((await s.next('diagnosed')).event).toBe('diagnosed');
      const run = await runDoctorCli({ workspaces: [ws], extra: ['--gopls-log', live, '--gopls-log', ended], env });
      console.log(`[stopped control] ${summarize(run)}`);
      expect(aboutLog(run.report!, live)).toEqual([]);
      expect(aboutLog(run.report!, ended)).toEqual([]);
      expect(run.report!.causes.filter((c) => c.severity === 'error')).toEqual([]);
      // The same log, once its gopls is gone, is the stop: the control would see it.
      process.kill(await s.goplsPid, 'SIGKILL');
      await s.next('exit');
      const again = await runDoctorCli({ workspaces: [ws], extra: ['--gopls-log', live], env });
      expect(aboutLog(again.report!, live).map((f) => f.cause)).toEqual(['gopls-launch']);
    } finally {
      s.stop();
      removeTree(dir);
    }
  });
});
