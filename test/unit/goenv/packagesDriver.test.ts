// Which program gopls loads packages with (src/probes/packagesDriver.ts), read as go/packages'
// findExternalDriver does: GOPACKAGESDRIVER from the environment, gopls's build.env over it, "off"
// for go list, and unset a `gopackagesdriver` on the PATH. Real files in a temporary folder.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packagesDriver, packagesDriverFindings } from '../../../src/probes/packagesDriver.js';
import { Host } from '../../../src/host/host.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'ged-driver-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const driver = path.join(tmp, 'gopackagesdriver');
writeFileSync(driver, '#!/bin/sh\necho not json\n');
chmodSync(driver, 0o755);
const notExec = path.join(tmp, 'plain-file');
writeFileSync(notExec, 'x');
const noPath = { PATH: '/usr/bin:/bin' };

describe('packagesDriver', () => {
  it('none: go list', async () => expect(await packagesDriver(noPath, undefined)).toBeUndefined());
  it('"off" is go list even with a gopackagesdriver on the PATH', async () => expect(await packagesDriver({ PATH: tmp, GOPACKAGESDRIVER: 'off' }, undefined)).toBeUndefined());
  it('unset, a gopackagesdriver on the PATH is used', async () => expect(await packagesDriver({ PATH: tmp }, undefined)).toMatchObject({ from: 'PATH', program: driver }));
  it('a path that is not there', async () => expect(await packagesDriver({ ...noPath, GOPACKAGESDRIVER: '/nonexistent/driver' }, undefined)).toMatchObject({ problem: '/nonexistent/driver does not exist' }));
  it('a file that cannot be run', async () => expect((await packagesDriver({ ...noPath, GOPACKAGESDRIVER: notExec }, undefined))?.problem).toMatch(/cannot be run \(EACCES\)/));
  it('a bare name not on the PATH', async () => expect(await packagesDriver({ ...noPath, GOPACKAGESDRIVER: 'bazel-driver' }, undefined)).toMatchObject({ problem: 'no bazel-driver on the PATH' }));
  it("gopls's build.env wins over the environment, in either spelling", async () => {
    expect(await packagesDriver({ ...noPath, GOPACKAGESDRIVER: '/nonexistent/driver' }, { 'build.env': { GOPACKAGESDRIVER: 'off' } })).toBeUndefined();
    expect(await packagesDriver(noPath, { build: { env: { GOPACKAGESDRIVER: driver } } })).toMatchObject({ from: 'gopls build.env', program: driver });
  });
});

describe('packagesDriverFindings', () => {
  const run = (env: NodeJS.ProcessEnv, goplsSettings?: Record<string, unknown>) => packagesDriverFindings({ env, settings: { goplsSettings }, host: new Host() });
  it('a driver that cannot run: an error explaining module symptoms, with GOPACKAGESDRIVER=off for the Go tools', async () => {
    const [f] = await run({ ...noPath, GOPACKAGESDRIVER: '/nonexistent/driver' });
    expect(f).toMatchObject({ classId: 'env-inheritance', severity: 'error', headline: 'packages-driver', explains: ['module-resolution'] });
    expect(f?.fixes?.[0]).toMatchObject({ kind: 'setting', key: 'go.toolsEnvVars', value: { GOPACKAGESDRIVER: 'off' } });
  });
  it('a driver that runs: information naming it', async () => {
    const [f] = await run({ PATH: tmp });
    expect(f).toMatchObject({ severity: 'info', headline: 'packages-driver' });
    expect(f!.message).toContain(driver);
  });
  it('go list: nothing', async () => expect(await run(noPath)).toEqual([]));
});
