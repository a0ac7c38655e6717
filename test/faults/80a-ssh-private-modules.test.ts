// module-resolution (or env-inheritance): a private module fetched over ssh, the way most teams set
// it up: GOPRIVATE and a git rule `url."ssh://…".insteadOf "https://example.com/"`. go runs git
// with no terminal, and where ssh would ask it fails instead: an unknown host key ("Host key
// verification failed."), a key with a passphrase and no agent, a key others may read, or the
// session's agent missing from the editor ("Permission denied (publickey)."). go build says only
// "no secure protocol found for repository", and the report spoke of .netrc, which plays no part
// over ssh.
//
// A real sshd on 127.0.0.1 serves a real bare repository to a real ssh, git and go. ssh takes ~
// from the passwd entry, never from $HOME, so the client is an account made for this file (removed
// in afterAll) whose home is a temporary directory. Each case shows the symptom first: git
// ls-remote (what go runs) with ssh's own words, and go build.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GO, asUser, chownTree, expectDiagnosis, removeTree, runCmd, runDoctorCli, summarize, tempDir, userEnvFor } from './lib/harness.js';

const SSHD = '/usr/sbin/sshd';
const USER = `gedssh${process.pid % 100000}`;

let dir = '';
let home = '';
let owner = { uid: 0, gid: 0 };
let port = 0;
let goSum = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
    s.on('error', reject);
  });
}

const run = (cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) => execFileSync(cmd, args, { encoding: 'utf8', ...opts });

function removeUser(): void {
  spawnSync('userdel', ['-f', USER], { stdio: 'ignore' });
}

beforeAll(async () => {
  expect(existsSync(SSHD), 'openssh-server is installed by .ci/run').toBe(true);
  dir = tempDir('sshmod');
  // The repository the module lives in, served bare.
  const src = path.join(dir, 'src');
  mkdirSync(src);
  writeFileSync(path.join(src, 'go.mod'), 'module example.com/priv.git\n\ngo 1.22\n');
  writeFileSync(path.join(src, 'priv.go'), 'package priv\n\n// Answer is private.\nconst Answer = 42\n');
  const git = (args: string[], cwd = src) => run('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', '-c', 'init.defaultBranch=main', ...args], { cwd });
  git(['init', '-q']);
  git(['add', '.']);
  git(['commit', '-qm', 'init']);
  git(['tag', 'v1.0.0']);
  git(['clone', '-q', '--bare', src, path.join(dir, 'srv', 'priv.git')], dir);
  // go.sum as a team commits it: made once over file://, the same repository by another road.
  const sumHome = path.join(dir, 'sumhome');
  const sumApp = path.join(dir, 'sumapp');
  mkdirSync(sumHome);
  app(sumApp, '');
  writeFileSync(path.join(sumHome, '.gitconfig'), `[url "file://${dir}/srv/"]\n\tinsteadOf = https://example.com/\n`);
  run(GO, ['mod', 'tidy'], { cwd: sumApp, env: { ...process.env, HOME: sumHome, GOPRIVATE: 'example.com', GOMODCACHE: path.join(dir, 'summod'), GOCACHE: path.join(dir, 'sumcache'), GOFLAGS: '-modcacherw', GOTOOLCHAIN: 'local' } });
  goSum = readFileSync(path.join(sumApp, 'go.sum'), 'utf8');
  // The client's account. A '*' password is not a locked account (sshd refuses locked ones).
  removeUser();
  home = path.join(dir, 'home');
  run('useradd', ['--home-dir', home, '--create-home', '--shell', '/bin/bash', '--password', '*', USER]);
  const ids = run('id', ['-u', USER]).trim();
  owner = { uid: Number(ids), gid: Number(run('id', ['-g', USER]).trim()) };
  // The server.
  port = await freePort();
  const etc = path.join(dir, 'etc');
  mkdirSync(etc);
  run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(etc, 'host_key')]);
  writeFileSync(
    path.join(etc, 'sshd_config'),
    [`Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${etc}/host_key`, `PidFile ${etc}/sshd.pid`, `AuthorizedKeysFile ${etc}/authorized_keys`, 'StrictModes no', 'PasswordAuthentication no', 'KbdInteractiveAuthentication no', 'UsePAM no', `AllowUsers ${USER}`, ''].join('\n'),
  );
  mkdirSync('/run/sshd', { recursive: true });
  run(SSHD, ['-f', path.join(etc, 'sshd_config'), '-E', path.join(etc, 'sshd.log')]);
  chownTree(path.join(dir, 'srv'), owner);
}, 120_000);

afterAll(() => {
  if (dir && existsSync(path.join(dir, 'etc', 'sshd.pid'))) {
    const pid = Number(readFileSync(path.join(dir, 'etc', 'sshd.pid'), 'utf8').trim());
    if (pid > 1) spawnSync('kill', ['-TERM', String(pid)]);
  }
  spawnSync('pkill', ['-u', USER, 'ssh-agent']);
  removeUser();
  if (dir) removeTree(dir);
});

/** A module example.com/app importing the private module (go.sum given). */
function app(ws: string, sum: string): void {
  mkdirSync(ws, { recursive: true });
  writeFileSync(path.join(ws, 'go.mod'), 'module example.com/app\n\ngo 1.22\n\nrequire example.com/priv.git v1.0.0\n');
  writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport (\n\t"fmt"\n\n\tpriv "example.com/priv.git"\n)\n\nfunc main() { fmt.Println(priv.Answer) }\n');
  if (sum) writeFileSync(path.join(ws, 'go.sum'), sum);
}

type Agent = 'none' | 'editor' | 'login only';
interface Case {
  what: string;
  hostKnown: boolean;
  passphrase: boolean;
  keyMode?: number;
  agent: Agent;
  /** ssh's own words from git ls-remote, or undefined when it fetches. */
  ssh?: RegExp;
  want?: { id: string; needle: string; fix?: string };
}

const PASS = 'correct horse battery staple';

describe('fault: a private module over ssh, with nobody to answer ssh', () => {
  const cases: Case[] = [
    { what: 'the host key is in no known_hosts file', hostKnown: false, passphrase: false, agent: 'none', ssh: /Host key verification failed/, want: { id: 'module-resolution', needle: 'not found in', fix: 'ssh-known-host' } },
    { what: 'the only key has a passphrase and there is no agent', hostKnown: true, passphrase: true, agent: 'none', ssh: /Permission denied \(publickey\)/, want: { id: 'module-resolution', needle: 'has a passphrase' } },
    { what: 'the key without a passphrase is readable by others (mode 0644)', hostKnown: true, passphrase: false, keyMode: 0o644, agent: 'none', ssh: /Permission denied \(publickey\)/, want: { id: 'module-resolution', needle: 'mode 0644 (ssh refuses it)', fix: 'ssh-key-mode' } },
    { what: "the session's agent holds the key, but only the login shell has SSH_AUTH_SOCK", hostKnown: true, passphrase: true, agent: 'login only', ssh: /Permission denied \(publickey\)/, want: { id: 'env-inheritance', needle: 'keys)', fix: 'toolsenv-ssh-auth-sock' } },
    { what: 'the agent in the editor holds the key (the control)', hostKnown: true, passphrase: true, agent: 'editor' },
    { what: 'a key without a passphrase, the host known (the control)', hostKnown: true, passphrase: false, agent: 'none' },
  ];
  for (const c of cases) {
    it(c.want ? `${c.what}: ${c.want.id} first` : `${c.what}: nothing about ssh`, async () => {
      const ssh = path.join(home, '.ssh');
      rmSync(ssh, { recursive: true, force: true });
      mkdirSync(ssh, { mode: 0o700 });
      const key = path.join(ssh, 'id_ed25519');
      run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', c.passphrase ? PASS : '', '-C', 'fault', '-f', key]);
      writeFileSync(path.join(dir, 'etc', 'authorized_keys'), readFileSync(`${key}.pub`));
      const hostPub = readFileSync(path.join(dir, 'etc', 'host_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
      // Unknown: the file holds the same key for another port only, as ssh keys a host by name and port.
      writeFileSync(path.join(ssh, 'known_hosts'), `[127.0.0.1]:${c.hostKnown ? port : port + 1} ${hostPub}\n`);
      writeFileSync(path.join(home, '.gitconfig'), `[url "ssh://${USER}@127.0.0.1:${port}${dir}/srv/"]\n\tinsteadOf = https://example.com/\n`);
      const caseDir = path.join(home, `case-${cases.indexOf(c)}`);
      const ws = path.join(caseDir, 'ws');
      app(ws, goSum);
      // An agent of the user's own, on a socket path of ours; ssh-add reads the passphrase from an askpass script.
      const sock = path.join(home, `agent-${cases.indexOf(c)}.sock`);
      writeFileSync(path.join(home, '.bash_profile'), c.agent === 'login only' ? `export SSH_AUTH_SOCK=${sock}\n` : '');
      chownTree(home, owner);
      if (c.keyMode !== undefined) chmodSync(key, c.keyMode);
      const env = userEnvFor(home, USER, { GOMODCACHE: path.join(caseDir, 'modcache'), GOPRIVATE: 'example.com', GOPROXY: undefined, GONOPROXY: undefined, GIT_SSH: undefined, GIT_SSH_COMMAND: undefined, SSH_AUTH_SOCK: c.agent === 'editor' ? sock : undefined, SSH_AGENT_PID: undefined, DISPLAY: undefined, SSH_ASKPASS: undefined });
      if (c.agent !== 'none') {
        const askpass = path.join(home, 'askpass');
        writeFileSync(askpass, `#!/bin/sh\necho '${PASS}'\n`, { mode: 0o700 });
        chownTree(home, owner);
        const a = await runCmd('ssh-agent', ['-a', sock], { env, wrap: asUser(owner) });
        expect(a.code, a.stderr).toBe(0);
        const add = await runCmd('ssh-add', [key], { env: { ...env, SSH_AUTH_SOCK: sock, SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: 'force' }, wrap: asUser(owner), input: '' });
        expect(add.code, add.stderr).toBe(0);
      }
      try {
        const lsRemote = await runCmd('git', ['ls-remote', 'https://example.com/priv'], { env: { ...env, GIT_TERMINAL_PROMPT: '0' }, cwd: home, wrap: ['setsid', '-w', ...asUser(owner)], input: '' });
        const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env, wrap: ['setsid', '-w', ...asUser(owner)], input: '' });
        const doctor = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: asUser(owner), extra: ['--no-cache'] });
        console.log(`[ssh ${c.what}] ${summarize(doctor)}`);
        const sshFindings = doctor.report!.causes.flatMap((x) => x.findings).filter((f) => / over ssh /.test(f.message));
        if (!c.want) {
          expect(lsRemote.code, lsRemote.stderr).toBe(0);
          expect(build.code, build.stderr).toBe(0);
          expect(sshFindings).toEqual([]);
          return;
        }
        expect(lsRemote.code).not.toBe(0);
        expect(lsRemote.stderr).toMatch(c.ssh!);
        expect(build.code).not.toBe(0);
        expect(build.stderr).toMatch(/no secure protocol found for repository|Could not read from remote repository/);
        expectDiagnosis(doctor, [c.want.id], [c.want.needle]);
        const said = doctor.report!.causes[0]!.findings.map((f) => f.message).join('\n');
        expect(said).toContain(c.hostKnown ? 'Permission denied (publickey).' : 'Host key verification failed.');
        expect(said).not.toContain('.netrc');
        if (c.want.fix) expect(doctor.report!.causes[0]!.fixes.map((f) => f.id)).toContain(c.want.fix);
        const known = doctor.report!.causes[0]!.fixes.find((f) => f.id === 'ssh-known-host');
        if (known) expect(known).toMatchObject({ kind: 'terminal', needsRoot: false, text: `ssh -T -o StrictHostKeyChecking=ask -p ${port} ${USER}@127.0.0.1` });
      } finally {
        spawnSync('pkill', ['-u', USER, 'ssh-agent']);
        rmSync(caseDir, { recursive: true, force: true });
      }
    });
  }
});
