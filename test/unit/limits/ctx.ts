// A ProbeContext over a fixture host, for running one probe directly.
import path from 'node:path';
import { Host } from '../../../src/host/host.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { makeCtx } from '../../support/probeContext.js';
import { FindingSchema, type Finding } from '../../../src/doctor/model.js';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/hosts');

export function fixtureHost(scenario: string, pid: number, uid: number): Host {
  return new Host({ root: path.join(FIXTURES, scenario), pid, uid });
}

export function ctxFor(host: Host, workspaces: string[] = []): ProbeContext {
  return makeCtx({ host, workspaces });
}

/** The findings as the pipeline would store them (validated, defaults filled). */
export function parsed(findings: unknown[] | undefined): Finding[] {
  return (findings ?? []).map((f) => FindingSchema.parse(f));
}
