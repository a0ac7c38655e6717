import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args.js';

describe('parseArgs', () => {
  it('takes the contract flags, repeatable ones repeated', () => {
    const r = parseArgs(['diagnose', '--workspace', 'a', '--workspace=b', '--gopls-log', 'l1', '--json', '--timeout-ms', '2500'], 8000);
    expect(r).toEqual({ ok: true, args: expect.objectContaining({ workspaces: ['a', 'b'], goplsLogs: ['l1'], format: 'json', timeoutMs: 2500 }) });
  });
  it('defaults to text, the given timeout and no workspace (the CLI adds cwd)', () => {
    expect(parseArgs(['diagnose'], 8000)).toEqual({ ok: true, args: expect.objectContaining({ format: 'text', timeoutMs: 8000, workspaces: [] }) });
  });
  it('--gopls-issue prints the pre-filled gopls issue link instead of a report', () => {
    expect(parseArgs(['diagnose', '--gopls-issue', '--workspace', 'w'], 8000)).toEqual({ ok: true, args: expect.objectContaining({ format: 'gopls-issue', workspaces: ['w'] }) });
  });
  const bad: Array<[string[], RegExp]> = [
    [['diagnose', '--json', '--markdown'], /cannot be combined/],
    [['diagnose', '--gopls-issue', '--json'], /cannot be combined/],
    [['diagnose', '--gopls-issue=1'], /takes no value/],
    [['diagnose', '--timeout-ms', 'soon'], /whole number/],
    [['diagnose', '--timeout-ms', '5'], /timeoutMs/],
    [['diagnose', '--workspace'], /needs a value/],
    [['diagnose', '--file'], /needs a value/],
    [['diagnose', '--file='], /file/],
    [['diagnose', '--frobnicate'], /unknown flag/],
    [['diagnose', '--json=yes'], /takes no value/],
    [['fix'], /unknown command/],
  ];
  for (const [argv, msg] of bad) {
    it(`refuses ${argv.join(' ')}`, () => {
      const r = parseArgs(argv, 8000);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(msg);
    });
  }
  it('--file names the Go file open in the editor, in both spellings', () => {
    expect(parseArgs(['diagnose', '--file', 'pkg/x_windows.go'], 8000)).toEqual({ ok: true, args: expect.objectContaining({ file: 'pkg/x_windows.go' }) });
    expect(parseArgs(['diagnose', '--file=tagged.go', '--json'], 8000)).toEqual({ ok: true, args: expect.objectContaining({ file: 'tagged.go', format: 'json' }) });
  });
  it('--no-cache asks for the login shell afresh; without it the cache may answer', () => {
    expect(parseArgs(['diagnose', '--no-cache', '--json'], 8000)).toEqual({ ok: true, args: expect.objectContaining({ noCache: true, format: 'json' }) });
    const plain = parseArgs(['diagnose'], 8000);
    expect(plain.ok && 'args' in plain && plain.args.noCache).toBeFalsy();
    expect(parseArgs(['diagnose', '--no-cache=1'], 8000)).toMatchObject({ ok: false, error: expect.stringMatching(/takes no value/) });
  });
  it('answers help and version', () => {
    expect(parseArgs([], 1)).toEqual({ ok: true, help: true });
    expect(parseArgs(['diagnose', '--workspace', '/x', '--help'], 1)).toEqual({ ok: true, help: true });
    expect(parseArgs(['diagnose', '-h'], 1)).toEqual({ ok: true, help: true });
    expect(parseArgs(['--version'], 1)).toEqual({ ok: true, version: true });
  });
});
