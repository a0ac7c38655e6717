// runc's "read init-p: connection reset by peer" (lane loose, session s10): the container's init
// died before it told runc its pid. The line says neither why nor which limit, so it is an
// init-died symptom of process-limit, explained only by a task or memory limit found in the same
// run and otherwise shown with the checks that would tell (src/doctor/explain.ts). Lines are this
// test's own, built from runc's libcontainer/process_linux.go and utils/utils_unix.go.
import { describe, expect, it } from 'vitest';
import { matchRules } from '../../../src/goplsLog/rules.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema } from '../../../src/doctor/model.js';

const ids = (line: string) => matchRules(line, {}).map((r) => r.id);
const rank = (text: string) => rankCauses(findingsOf('container.log', analyzeText(`${text}\n`)).map((f) => FindingSchema.parse(f))).filter((c) => c.severity !== 'info');

describe('runc-init-died', () => {
  const lines: Array<[string, string[]]> = [
    ['read init-p: connection reset by peer', ['runc-init-died']],
    // The init died having written nothing: EOF instead of a reset.
    ["docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: can't get final child's PID from pipe: EOF: unknown.", ['runc-init-died']],
    ['OCI runtime exec failed: exec failed: unable to start container process: error executing setns process: error reading pid from init pipe: EOF: unknown', ['runc-init-died']],
    ['docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: waiting for init preliminary setup: read init-p: connection reset by peer: unknown.', ['runc-init-died']],
    ['OCI runtime exec failed: exec failed: unable to start container process: error executing setns process: error reading pid from init pipe: read init-p: connection reset by peer: unknown', ['runc-init-died']],
    // The same socket's EOF (the init gone before runc wrote to it) is seen on WSL 1 and other
    // kernels runc cannot run on: not read as a limit.
    ['runc create failed: unable to start container process: waiting for init preliminary setup: EOF: unknown', []],
    // Another program's reset socket says nothing of a container's init.
    ['read tcp 10.0.0.2:51234->10.0.0.9:443: read: connection reset by peer', []],
  ];
  for (const [line, want] of lines) {
    it(`${want.join(',') || 'nothing'}: ${line.slice(0, 90)}`, () => {
      expect(ids(line).filter((id) => id === 'runc-init-died')).toEqual(want);
    });
  }

  it('alone, it is an unexplained process-limit symptom whose checks name both the pids and the memory cgroup', () => {
    const [top] = rank('Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: can\'t get final child\'s PID from pipe: read init-p: connection reset by peer: unknown');
    expect(top).toMatchObject({ id: 'process-limit', severity: 'warning' });
    const f = top!.findings.find((x) => x.symptom === 'init-died')!;
    expect(f.role).toBe('symptom');
    const checks = f.unexplained!.checks.map((c) => c.check).join(' | ');
    expect(checks).toMatch(/pids\.max/);
    expect(checks).toMatch(/memory\.max/);
  });

  it('is explained by a memory limit found beside it (runc says "possibly OOM-killed")', () => {
    const causes = rank('OCI runtime exec failed: exec failed: unable to start container process: error executing setns process: error reading pid from init pipe: read init-p: connection reset by peer (possibly OOM-killed): unknown');
    expect(causes.map((c) => c.id)).toEqual(['memory-limit', 'process-limit']);
    expect(causes[1]!.findings.find((x) => x.symptom === 'init-died')!.explainedBy).toEqual(['memory-limit']);
  });

  it("is explained by the pids controller's refusal in the kernel log", () => {
    const causes = rank('[ 812.4] cgroup: fork rejected by pids controller in /system.slice/docker-3f2a9c0b.scope\nread init-p: connection reset by peer');
    expect(causes[0]!.id).toBe('process-limit');
    expect(causes[0]!.findings.find((x) => x.symptom === 'init-died')!.explainedBy).toEqual(['process-limit']);
  });
});
