// A ProbeContext over a fixture host, for running one probe directly.
import path from 'node:path';
import { Host } from '../../../src/host/host.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import type { Facts } from '../../../src/facts/runFacts.js';
import { FindingSchema, type Finding } from '../../../src/doctor/model.js';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/hosts');

export function fixtureHost(scenario: string, pid: number, uid: number): Host {
  return new Host({ root: path.join(FIXTURES, scenario), pid, uid });
}

const noFacts: Facts = {
  goEnv: () => Promise.reject(new Error('not in this test')),
  loginShellEnv: () => Promise.reject(new Error('not in this test')),
  goplsLocation: () => Promise.reject(new Error('not in this test')),
};

export function ctxFor(host: Host, workspaces: string[] = []): ProbeContext {
  return {
    host,
    env: {},
    workspaces,
    goplsLogs: [],
    settings: {},
    signal: new AbortController().signal,
    remainingMs: () => 5000,
    // A fresh object per context: the shared process table is keyed on it.
    facts: { ...noFacts },
  };
}

/** The findings as the pipeline would store them (validated, defaults filled). */
export function parsed(findings: unknown[] | undefined): Finding[] {
  return (findings ?? []).map((f) => FindingSchema.parse(f));
}
