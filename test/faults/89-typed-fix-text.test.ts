// A "typed, not run" fix must not run before Enter. The attack as the security review did it: a
// workspace opened through a symlink whose real directory name holds Ctrl-U (wipes the typed line),
// other C0 bytes, DEL and a CR (submits what follows), then a payload. The doctor's `open-real-path`
// fix quotes that path; its text is typed into a real interactive bash on a pty (tmux send-keys -l,
// byte for byte as a terminal delivers typed text), without Enter. The payload must not run, and
// after Enter the command must reach the real path, byte for byte.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, removeTree, runDoctorCli, sleep, summarize, tempDir, userEnv, writeSmallModule } from './lib/harness.js';

const TERMINAL_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** One private tmux server per test file (its own socket), killed by its own name. */
const SOCKET = `ged-typed-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

async function until(what: string, ok: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('typed fix text', () => {
  afterAll(() => {
    try {
      tmux('kill-server');
    } catch {
      /* no server left */
    }
  });

  it('a real path with Ctrl-U, CR, C0 bytes and DEL: the open-real-path fix runs nothing before Enter, and works after it', async () => {
    const dir = tempDir('typed');
    const shellCwd = path.join(dir, 'shell');
    mkdirSync(shellCwd);
    // Relative payloads: a directory name cannot hold '/', so the payload works in the shell's cwd.
    const name = `real!!\u0015touch pwned-a; touch pwned-b\r\u0007\u001b[2J\u007f\u0001touch pwned-c\n#`;
    const real = writeSmallModule(path.join(dir, name));
    const link = path.join(dir, 'ws-link');
    symlinkSync(real, link);
    const out = path.join(dir, 'code-arg');
    try {
      const run = await runDoctorCli({ workspaces: [link], env: userEnv({ SHELL: '/bin/bash' }), cwd: dir, timeoutMs: 15_000 });
      expect(run.report, summarize(run)).toBeDefined();
      const fix = run.report!.causes.flatMap((c) => c.fixes).find((f) => f.id === 'open-real-path') as { id: string; kind: string; text: string; cwd?: string } | undefined;
      expect(fix, summarize(run)).toBeDefined();
      console.log(`[typed] open-real-path text: ${JSON.stringify(fix!.text)}`);

      // A real interactive bash on a pty, with `code` standing in for the editor's launcher.
      tmux('new-session', '-d', '-s', 'typed', '-x', '200', '-y', '50', '-c', shellCwd, 'env', '-i', `HOME=${dir}`, 'HISTFILE=', 'PATH=/usr/bin:/bin', 'TERM=xterm', 'PS1=ready$ ', 'bash', '--norc', '--noprofile', '-i');
      await until('the prompt', () => tmux('capture-pane', '-p', '-t', 'typed').includes('ready$'));
      tmux('send-keys', '-t', 'typed', '-l', `code() { printf '%s' "$1" > ${out}; }`);
      tmux('send-keys', '-t', 'typed', 'Enter');
      await until('the function definition', () => tmux('capture-pane', '-p', '-t', 'typed').split('ready$').length > 2);

      tmux('send-keys', '-t', 'typed', '-l', fix!.text);
      // Let bash read every typed byte: the end of the text shows on the line being edited.
      const tail = fix!.text.slice(-12);
      await until('the typed text on the line', () => tmux('capture-pane', '-p', '-J', '-t', 'typed').includes(tail), 5_000).catch(() => undefined);
      await sleep(500);
      const ranEarly = ['pwned-a', 'pwned-b', 'pwned-c'].filter((f) => existsSync(path.join(shellCwd, f)));
      expect(ranEarly, `ran before Enter; pane:\n${tmux('capture-pane', '-p', '-t', 'typed')}`).toEqual([]);
      expect(existsSync(out), 'the command ran before Enter').toBe(false);

      tmux('send-keys', '-t', 'typed', 'Enter');
      await until('the command after Enter', () => existsSync(out));
      await sleep(200);
      expect(readFileSync(out, 'utf8')).toBe(real);
      expect(['pwned-a', 'pwned-b', 'pwned-c'].filter((f) => existsSync(path.join(shellCwd, f)))).toEqual([]);
      // The text holds no byte a terminal acts on, in JSON already (what a script would paste).
      expect(TERMINAL_CONTROL.test(fix!.text), JSON.stringify(fix!.text)).toBe(false);
    } finally {
      try {
        tmux('kill-session', '-t', 'typed');
      } catch {
        /* never started */
      }
      removeTree(dir);
    }
  });

  it('escape sequences in a path and in a gopls log: the text report (--no-color) and the Markdown hold no raw control byte', async () => {
    const dir = tempDir('typed-out');
    const real = writeSmallModule(path.join(dir, `real\u0015\u001b]0;owned\u0007\rx`));
    const link = path.join(dir, 'ws-link');
    symlinkSync(real, link);
    // A real gopls panic (test/fixtures/logs/public) whose message sets the window title, clears
    // the screen and carries an OSC 8 link, as a hostile log line would.
    const log = path.join(dir, 'gopls.log');
    const panic = readFileSync(path.join(REPO, 'test/fixtures/logs/public/vscode-go-879-panic.txt'), 'utf8');
    writeFileSync(log, panic.replace('nil pointer dereference', 'nil pointer dereference \u001b]0;owned\u0007\u001b[2J\u001b[H\u001b]8;;https://evil.example/\u001b\\here\u001b]8;;\u001b\\ \u009b1m'));
    try {
      for (const format of ['text', 'markdown'] as const) {
        const run = await runDoctorCli({ workspaces: [link], env: userEnv({ SHELL: '/bin/bash' }), cwd: dir, format, extra: ['--gopls-log', log, ...(format === 'text' ? ['--verbose', '--no-color'] : [])], timeoutMs: 15_000 });
        expect(run.stdout, run.stderr).toContain('code ');
        expect(run.stdout, run.stderr).toContain('nil pointer dereference');
        // Newlines and tabs (Go stack traces indent with tabs) are layout, not commands.
        const bad = [...run.stdout].filter((ch) => ch !== '\n' && ch !== '\t' && TERMINAL_CONTROL.test(ch));
        expect(bad.map((c) => c.codePointAt(0)!.toString(16)), `${format}:\n${run.stdout.slice(0, 2000)}`).toEqual([]);
      }
    } finally {
      removeTree(dir);
    }
  });
});
