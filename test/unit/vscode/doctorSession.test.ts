// The session's state changes only through methods, and each one publishes: the panel and the
// badge never show a state older than the session's. Run against a small stand-in for `vscode`.
import { describe, expect, it, vi } from 'vitest';
import { DoctorSession } from '../../../src/vscode/doctorSession.js';

vi.mock('vscode', () => {
  class EventEmitter {
    fire() {}
    dispose() {}
  }
  class Disposable {
    constructor(private readonly f: () => void) {}
    dispose() {
      this.f();
    }
  }
  return {
    EventEmitter,
    Disposable,
    workspace: { isTrusted: true, workspaceFolders: [], getConfiguration: () => ({ get: () => undefined, inspect: () => undefined }) },
    window: { createOutputChannel: () => ({ info() {}, warn() {}, error() {}, debug() {}, dispose() {} }) },
    extensions: { getExtension: () => undefined },
    env: { shell: '/bin/bash' },
  };
});


function watched() {
  const session = new DoctorSession({ logUri: { fsPath: '/tmp/logs/ext' } } as never);
  const states: Array<ReturnType<typeof session.state>> = [];
  session.subscribe({ state: (s) => states.push(s), progress: () => undefined });
  return { session, states };
}

describe('DoctorSession state', () => {
  it('publishes a notice the moment it is set', () => {
    const { session, states } = watched();
    session.notify('Copied the report as Markdown (secrets redacted).');
    expect(states.at(-1)?.notice).toBe('Copied the report as Markdown (secrets redacted).');
  });

  it('publishes the pending re-check of a typed terminal fix, and drops the notice it replaces', () => {
    const { session, states } = watched();
    session.notify('Wrote go.toolsEnvVars to User settings.');
    session.awaitTerminal('noexec-mount', 'remount-exec', 'Typed the command in a terminal; press Enter there to run it.');
    expect(states.at(-1)?.recheck).toMatchObject({ causeId: 'noexec-mount', fixId: 'remount-exec', result: 'pending' });
    expect(states.at(-1)?.recheck?.message).toMatch(/^Typed the command in a terminal; press Enter there to run it\. The doctor checks again each time a command ends there\.$/);
    expect(states.at(-1)?.notice).toBeUndefined();
  });

  it('amends a re-check message and clears the re-check of a fix that cannot be checked', () => {
    const { session, states } = watched();
    session.awaitTerminal('noexec-mount', 'remount-exec', 'Typed.');
    session.amendRecheck('The command failed (exit status 127). Still there: x');
    expect(states.at(-1)?.recheck?.message).toBe('The command failed (exit status 127). Still there: x');
    session.clearRecheck();
    expect(states.at(-1)?.recheck).toBeUndefined();
  });

  it('publishes a crash and its end, and keeps the crash note readable for the badge', () => {
    const { session, states } = watched();
    session.markCrashed('gopls crashed: signal: killed');
    expect(states).toHaveLength(1);
    expect(session.crashNote).toBe('gopls crashed: signal: killed');
    session.clearCrash();
    expect(states).toHaveLength(2);
    expect(session.crashNote).toBeUndefined();
    session.clearCrash();
    expect(states).toHaveLength(2);
  });

  it('publishes when workspace trust changes', () => {
    const { session, states } = watched();
    session.trustChanged();
    expect(states.at(-1)).toMatchObject({ type: 'state', restricted: false, running: false, report: null });
  });
});
