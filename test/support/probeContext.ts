// The one ProbeContext builder for tests that run a probe directly: a Host (fixture tree or live),
// an environment, and facts the test decides. The process table is scanned from the host, once,
// as the pipeline does; go env, the login shell and gopls's location are "not available" unless
// the test gives them.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../src/host/host.js';
import { editorSettingsOf, readFlatpakInfo, type Facts } from '../../src/facts/runFacts.js';
import { readWorkspacePackages } from '../../src/facts/workspacePackages.js';
import type { ProbeContext } from '../../src/probes/probe.js';
import type { GoEnvFact } from '../../src/facts/readGoEnv.js';
import type { LoginShellFact } from '../../src/facts/readLoginShellEnv.js';
import type { GoplsLocation } from '../../src/facts/goplsLocate.js';
import type { DoctorSettings } from '../../src/doctor/settings.js';
import { scanProcesses, type ProcessTable } from '../../src/procfs/procs.js';
import { lookPath } from '../../src/facts/lookPath.js';

export interface CtxInput {
  host?: Host;
  env?: NodeJS.ProcessEnv;
  workspaces?: string[];
  goplsLogs?: string[];
  settings?: DoctorSettings;
  goEnv?: GoEnvFact;
  loginShell?: LoginShellFact;
  gopls?: GoplsLocation;
}

export function makeCtx(input: CtxInput = {}): ProbeContext {
  const host = input.host ?? new Host({ root: mkdtempSync(path.join(os.tmpdir(), 'probe-ctx-host-')), pid: 1, uid: 1000 });
  let table: Promise<ProcessTable> | undefined;
  let editorSettings: ReturnType<Facts['editorSettings']> | undefined;
  let packages: ReturnType<Facts['workspacePackages']> | undefined;
  const facts: Facts = {
    goEnv: async () => input.goEnv ?? { ok: false, missing: true, reason: 'go was not found on PATH' },
    loginShellEnv: async () => input.loginShell ?? { ok: false, reason: 'not the live machine: no shell to run' },
    goplsLocation: async () => input.gopls ?? { looked: [] },
    processTable: () => (table ??= scanProcesses(host)),
    lookPath: (name) => lookPath(name, input.env ?? {}),
    // As the pipeline's facts: the given settings, else the settings files under the test's HOME on a live host.
    editorSettings: () => (editorSettings ??= editorSettingsOf(host, input.env ?? {}, input.settings ?? {}, input.workspaces ?? [])),
    flatpakInfo: () => readFlatpakInfo(host),
    workspacePackages: () => (packages ??= readWorkspacePackages({ host, env: input.env ?? {}, goEnv: facts.goEnv, workspaces: input.workspaces ?? [], signal: new AbortController().signal, remainingMs: () => 5000 })),
  };
  return {
    host,
    env: input.env ?? {},
    workspaces: input.workspaces ?? [],
    goplsLogs: input.goplsLogs ?? [],
    settings: input.settings ?? {},
    signal: new AbortController().signal,
    remainingMs: () => 5000,
    facts,
  };
}
