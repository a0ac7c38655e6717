import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/doctor/model.js';
import { parseToExtension, parseToWebview } from '../../../src/protocol/panel.js';

const report: Report = {
  schemaVersion: 1,
  tool: { name: 'go-env-doctor', version: '0.1.0' },
  generatedAt: '2026-11-24T18:00:00.000Z',
  durationMs: 812,
  host: { platform: 'linux', release: '6.1.0', arch: 'x64', root: '/' },
  workspaces: ['/work/app'],
  goplsLogs: [],
  causes: [
    {
      id: 'noexec-mount',
      score: 0.97,
      severity: 'error',
      title: 'Go builds test binaries where executing is forbidden',
      explanation: 'x',
      findings: [{ classId: 'noexec-mount', severity: 'error', confidence: 0.97, message: 'GOTMPDIR is on a noexec mount', evidence: [{ source: '/proc/self/mountinfo', excerpt: '36 25 0:31 / /tmp rw,nosuid,nodev,noexec' }], fixes: [] }],
      fixes: [{ id: 'gotmpdir-toolsenv', title: 'Use an exec-able GOTMPDIR', kind: 'setting', key: 'go.toolsEnvVars', value: { GOTMPDIR: '/home/u/.cache/go-tmp' }, target: 'user', merge: true }],
    },
  ],
  probes: [{ id: 'mounts', title: 'Mounts', status: 'fail', durationMs: 3.1, classes: ['noexec-mount'], observed: {}, findingCount: 1 }],
  incomplete: false,
};

describe('webview → extension messages', () => {
  it.each([
    [{ type: 'ready' }],
    [{ type: 'rerun' }],
    [{ type: 'applyFix', causeId: 'noexec-mount', fixId: 'gotmpdir-toolsenv' }],
    [{ type: 'recordTrace' }],
    [{ type: 'checkOnline' }],
    [{ type: 'copyMarkdown' }],
    [{ type: 'saveJson' }],
    [{ type: 'cancel' }],
    [{ type: 'restartGopls' }],
  ])('accepts %j', (m) => {
    expect(parseToExtension(m)).toEqual(m);
  });

  it.each([
    ['null', null],
    ['a string', 'rerun'],
    ['an unknown type', { type: 'runShell', command: 'rm -rf ~' }],
    ['applyFix without a fix id', { type: 'applyFix', causeId: 'noexec-mount' }],
    ['applyFix with an empty fix id', { type: 'applyFix', causeId: 'noexec-mount', fixId: '' }],
    ['applyFix with a class id outside the taxonomy', { type: 'applyFix', causeId: 'shell', fixId: 'x' }],
    ['applyFix carrying the fix itself', { type: 'applyFix', causeId: 'noexec-mount', fixId: 'x', fix: { kind: 'terminal', text: 'rm -rf ~' } }],
    ['applyFix with a numeric fix id', { type: 'applyFix', causeId: 'noexec-mount', fixId: 7 }],
    ['rerun with extra fields', { type: 'rerun', env: { PATH: '/evil' } }],
    ['checkOnline naming its own proxy', { type: 'checkOnline', url: 'https://attacker.example' }],
  ])('rejects %s', (_, m) => {
    expect(parseToExtension(m)).toBeUndefined();
  });
});

describe('extension → webview messages', () => {
  it('accepts a state with a report and a re-check, and progress', () => {
    const state = { type: 'state', report, running: false, restricted: true, restrictedNote: 'n', recheck: { causeId: 'noexec-mount', fixId: 'gotmpdir-toolsenv', result: 'gone', message: 'gone' } };
    expect(parseToWebview(state)).toEqual(state);
    expect(parseToWebview({ type: 'progress', done: 3, total: 10, probe: 'Mounts', status: 'ok' })).toEqual({ type: 'progress', done: 3, total: 10, probe: 'Mounts', status: 'ok' });
    expect(parseToWebview({ type: 'state', report: null, running: true, restricted: false })).toBeDefined();
  });

  it.each([
    ['a state without running', { type: 'state', report: null, restricted: false }],
    ['a report with a cause outside the taxonomy', { type: 'state', running: false, restricted: false, report: { ...report, causes: [{ ...report.causes[0], id: 'bogus' }] } }],
    ['a report whose evidence has no source', { type: 'state', running: false, restricted: false, report: { ...report, causes: [{ ...report.causes[0], findings: [{ ...report.causes[0]!.findings[0], evidence: [{ excerpt: 'x' }] }] }] } }],
    ['a re-check with an unknown result', { type: 'state', report: null, running: false, restricted: false, recheck: { causeId: 'noexec-mount', fixId: 'f', result: 'maybe', message: '' } }],
    ['progress with a negative count', { type: 'progress', done: -1, total: 10, probe: 'x' }],
    ['an unknown type', { type: 'eval', code: 'alert(1)' }],
  ])('rejects %s', (_, m) => {
    expect(parseToWebview(m)).toBeUndefined();
  });
});
