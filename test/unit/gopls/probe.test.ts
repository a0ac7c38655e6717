// The probe end to end on a fixture host (not the live machine: nothing is spawned), for what
// it decides before any handshake: where gopls is, what its ELF header says, Restricted Mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../../src/host/host.js';
import type { ExecResult } from '../../../src/host/exec.js';
import { runDoctor } from '../../../src/engine/pipeline.js';
import type { DoctorSettings } from '../../../src/doctor/settings.js';
import { goplsProbe } from '../../../src/probes/gopls.js';

const FIXTURES = path.join(__dirname, '../../fixtures/gopls');
let tmp: string;
let execCalls: string[];
const host = () =>
  new Host({
    root: FIXTURES,
    pid: 1,
    uid: 1000,
    exec: async (file, args): Promise<ExecResult> => {
      execCalls.push([file, ...args].join(' '));
      return { commandLine: file, stdout: '', stderr: '', timedOut: false, canceled: false, failed: true, errorCode: 'ENOENT', durationMs: 0 };
    },
  });

async function probe(settings: DoctorSettings, env: NodeJS.ProcessEnv) {
  const report = await runDoctor({ host: host(), probes: [goplsProbe], workspaces: [tmp], env, settings, timeoutMs: 5000 });
  return { record: report.probes[0]!, findings: report.causes.flatMap((c) => c.findings), causes: report.causes };
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'gopls-probe-'));
  execCalls = [];
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('gopls probe on a fixture host', () => {
  it('a gopls built for aarch64: exec format error from the ELF header alone', async () => {
    const g = path.join(tmp, 'gopls-arm64');
    const b = Buffer.alloc(64);
    b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
    b.writeUInt16LE(2, 16);
    b.writeUInt16LE(process.arch === 'arm64' ? 62 : 183, 18);
    writeFileSync(g, b, { mode: 0o755 });
    const { record, findings } = await probe({ alternateGopls: g }, { PATH: tmp });
    expect(record.status).toBe('fail');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ classId: 'gopls-launch', severity: 'error', probeId: 'gopls' });
    expect(findings[0]!.message).toContain('exec format error (ENOEXEC)');
    expect(findings[0]!.evidence[0]).toMatchObject({ source: g });
  });

  it('a native gopls is not started on a fixture host: skipped, with what was read', async () => {
    const g = path.join(tmp, 'gopls-native');
    copyFileSync(path.join(FIXTURES, 'elf-x86-64-bin-true.head'), g);
    const { record, findings } = await probe({ alternateGopls: g }, { PATH: tmp });
    if (process.arch !== 'x64') return;
    // Nothing wrong with gopls itself; go is not on this PATH, which is its own finding.
    expect(findings.filter((f) => f.message.includes(g))).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^the go command is not on the PATH gopls runs with, so gopls cannot load any package/);
    expect(record.status).toBe('skipped');
    expect(record.reason).toContain('not the live machine');
    expect(record.observed).toMatchObject({ gopls: g, source: 'go.alternateTools', elf: '64-bit x86-64' });
  });

  it('gopls nowhere: not installed yet, a warning listing every place looked and the PATH', async () => {
    const gopath = path.join(tmp, 'gopath');
    mkdirSync(path.join(gopath, 'bin'), { recursive: true });
    const { record, findings } = await probe({}, { PATH: path.join(tmp, 'empty-bin'), GOPATH: gopath });
    const f = findings.find((x) => x.message.startsWith('gopls was not found'))!;
    expect(f).toMatchObject({ classId: 'gopls-launch', severity: 'warning' });
    expect(f.evidence).toContainEqual({ source: 'GOPATH/bin lookup', excerpt: `GOPATH/bin: ${path.join(gopath, 'bin', 'gopls')} (absent)` });
    expect(f.evidence).toContainEqual({ source: 'PATH (the environment gopls would run with)', excerpt: path.join(tmp, 'empty-bin') });
    expect(f.fixes?.[0]).toMatchObject({ id: 'gopls-install', kind: 'terminal' });
  });

  it('gopls on PATH without execute permission: "not found" says the file is there, and chmod +x comes first (a tester\'s S19)', async () => {
    const bin = path.join(tmp, 'my bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'gopls'), readFileSync(path.join(FIXTURES, 'elf-x86-64-bin-true.head')), { mode: 0o644 });
    const { findings } = await probe({}, { PATH: bin });
    const f = findings.find((x) => x.message.startsWith('gopls was not found'))!;
    expect(f).toMatchObject({ classId: 'gopls-launch', severity: 'error' });
    expect(f.message).toContain(`${path.join(bin, 'gopls')} exists on PATH but has no execute permission for you (mode 0644`);
    expect(f.message).not.toContain('until it is installed');
    expect(f.fixes?.[0]).toMatchObject({ id: 'gopls-chmod', kind: 'terminal', text: `chmod +x '${path.join(bin, 'gopls')}'` });
  });

  it('gopls in GOPATH/bin without execute permission is what would run', async () => {
    const gopath = path.join(tmp, 'gopath2');
    mkdirSync(path.join(gopath, 'bin'), { recursive: true });
    writeFileSync(path.join(gopath, 'bin', 'gopls'), readFileSync(path.join(FIXTURES, 'elf-x86-64-bin-true.head')), { mode: 0o644 });
    const { record } = await probe({}, { PATH: path.join(tmp, 'empty-bin'), GOPATH: gopath });
    expect(record.observed.gopls).toBe(path.join(gopath, 'bin', 'gopls'));
    expect(record.observed.looked).toEqual([`GOPATH/bin: ${path.join(gopath, 'bin', 'gopls')} (not executable)`]);
  });

  it('Restricted Mode: a workspace-named gopls is never run, and the probe says so', async () => {
    execCalls = [];
    const evil = path.join(tmp, 'evil-gopls');
    writeFileSync(evil, '#!/bin/sh\ntouch /tmp/should-not-run\n', { mode: 0o755 });
    const { findings } = await probe({ alternateGopls: evil, alternateGoplsFromWorkspace: true, trustWorkspaceBinaries: false }, { PATH: path.join(tmp, 'empty-bin') });
    const restricted = findings.find((f) => f.message.startsWith('Restricted Mode'))!;
    expect(restricted.message).toContain(evil);
    expect(restricted.severity).toBe('warning');
    expect(restricted.evidence[0]).toEqual({ source: 'go.alternateTools.gopls (workspace settings)', excerpt: evil });
    expect(execCalls.filter((c) => c.includes(evil))).toEqual([]);
  });
});
