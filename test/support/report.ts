// A complete Report for render and redaction tests: the fixed frame (tool, host, time) once, the
// parts a test is about (causes, probes, workspaces, logs) given by the test.
import type { Report } from '../../src/doctor/model.js';

export function reportOf(parts: Pick<Report, 'causes' | 'probes'> & Partial<Report>): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'go-env-doctor', version: '9.9.9' },
    generatedAt: '2026-11-24T00:00:00Z',
    durationMs: 812,
    host: { platform: 'linux', release: '6.1', arch: 'x64', root: '/' },
    workspaces: ['/w'],
    goplsLogs: [],
    incomplete: false,
    ...parts,
  };
}
