// A window reads the login shell afresh once, on its first diagnosis; the runs and re-checks after
// it may take the environment from the cache (whose key still sees an edited profile).
import { describe, expect, it, vi } from 'vitest';
import type { DiagnoseOptions } from '../../../src/engine/diagnose.js';

const calls: DiagnoseOptions[] = [];
vi.mock('../../../src/vscode/loadEngine.js', () => ({
  loadEngine: () => ({
    diagnose: async (opts: DiagnoseOptions) => {
      calls.push(opts);
      return { report: { schemaVersion: 1, causes: [], probes: [], workspaces: [], goplsLogs: [], durationMs: 1, generatedAt: '', tool: { name: 'go-env-doctor', version: '0' }, host: {}, incomplete: false } };
    },
    mergeRecheck: (a: unknown) => a,
  }),
}));

vi.mock('vscode', () => {
  class EventEmitter {
    fire() {}
    dispose() {}
  }
  class CancellationTokenSource {
    token = { onCancellationRequested: () => undefined };
    dispose() {}
  }
  return {
    EventEmitter,
    CancellationTokenSource,
    Uri: { joinPath: (u: { fsPath: string }, ...parts: string[]) => ({ fsPath: [u.fsPath, ...parts].join('/') }) },
    workspace: { isTrusted: true, workspaceFolders: [], getConfiguration: () => ({ get: () => undefined, inspect: () => undefined }) },
    window: { createOutputChannel: () => ({ info() {}, warn() {}, error() {}, debug() {}, dispose() {} }) },
    extensions: { getExtension: () => undefined },
    env: { shell: '/bin/bash' },
  };
});

describe('DoctorSession and the login shell cache', () => {
  it('the first run of a window asks for a fresh login shell; later runs and re-checks do not', async () => {
    const { DoctorSession } = await import('../../../src/vscode/doctorSession.js');
    const session = new DoctorSession({ logUri: { fsPath: '/tmp/logs/ext' }, workspaceState: { update: async () => undefined } } as never);
    await session.run();
    await session.run();
    await session.recheckClass('env-inheritance', 'toolsenv-gopath-from-login');
    expect(calls.map((c) => c.settings?.noCache ?? false)).toEqual([true, false, false]);
  });
});
