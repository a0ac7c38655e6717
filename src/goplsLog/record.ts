// Placeholder until the log-intelligence issue lands: recording a trace needs the handshake's
// LSP session. Says so as data rather than pretending.
import type { Host } from '../host/host.js';
import type { DoctorSettings } from '../doctor/probe.js';

export interface RecordTraceOptions {
  host: Host;
  env: NodeJS.ProcessEnv;
  settings: DoctorSettings;
  workspaces: string[];
  seconds: number;
  signal?: AbortSignal;
}

export type RecordTraceResult = { ok: true; path: string } | { ok: false; reason: string };

export async function recordGoplsTrace(_opts: RecordTraceOptions): Promise<RecordTraceResult> {
  return { ok: false, reason: 'recording a gopls trace is not available in this build' };
}
