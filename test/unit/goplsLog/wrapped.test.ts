// Messages pasted inside another program's quoting (wrapped.ts): the rules know a message as its
// own program prints it, so the analyzer reads the lines inside a Lua/JSON string, a Python bytes
// repr or an ANSI-coloured capture. Wrappers written for this test in each program's documented
// shape (Neovim's lsp.log, zap's JSON encoder, Python's bytes repr, SGR colour codes); the
// messages are cmd/go's, the shell's and the Go extension's own formats.
import { describe, expect, it } from 'vitest';
import { unwrapMessage } from '../../../src/goplsLog/wrapped.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema, type ClassId } from '../../../src/doctor/model.js';

describe('unwrapMessage', () => {
  it.each<[string, string[] | undefined]>([
    ['plain text with "quotes"', undefined],
    ['a Windows path C:\\Users\\dev\\go', undefined],
    ['"stderr"\t"Cannot find \\"go\\" in PATH\\n"', ['"stderr"\t"Cannot find "go" in PATH', '"']],
    ["b'line one\\nline two\\n'", ["b'line one", 'line two', "'"]],
    ['\x1b[31mKilled\x1b[0m', ['Killed']],
    ['a\\n\\n\\nb', ['a', 'b']],
  ])('%j', (text, want) => {
    expect(unwrapMessage(text)).toEqual(want);
  });

  it('bounds what it returns', () => {
    expect(unwrapMessage('x\\n'.repeat(500), 64)).toHaveLength(64);
  });
});

const topOf = (text: string): ClassId | undefined =>
  rankCauses(findingsOf('/logs/x.log', analyzeText(`${text}\n`)).map((f) => FindingSchema.parse(f))).find((c) => c.severity !== 'info')?.id;

describe('a wrapped message names the class its plain form names', () => {
  const CASES: Array<[string, string, ClassId]> = [
    ['a Neovim lsp.log stderr entry', '[ERROR][2026-01-02 10:00:00] .../vim/lsp/rpc.lua:770\t"rpc"\t"go-tool"\t"stderr"\t"warning: x\\nCannot find \\"go\\" in PATH\\n"', 'env-inheritance'],
    ['escaped lines joined into one', 'step 1 ok\\nstep 2 ok\\n/usr/bin/env: ‘go’: No such file or directory\\nexit', 'env-inheritance'],
    ['a zap JSON error field', '{"level":"error","msg":"build failed","error":"compile: version \\"go1.21.0\\" does not match go tool version \\"go1.22.1\\""}', 'env-inheritance'],
    ['an ANSI-coloured terminal capture', '\x1b[1;31mKilled\x1b[0m', 'memory-limit'],
    ['a Python bytes repr', "ValueError: ('install error', b'go: could not create module cache: mkdir /go/pkg/mod: permission denied\\n', 'returncode', 1)", 'fs-access'],
  ];
  it.each(CASES)('%s', (_, text, want) => {
    expect(topOf(text)).toBe(want);
  });

  it('an LSP record body is read as it is, not unwrapped again', () => {
    // A trace's didOpen body is the user's code; gopls's own bodies are read raw by the rules.
    const trace = ['[Trace - 10:00:00 AM] Sending notification \'textDocument/didOpen\'.', 'Params: {"text":"package main\\n// bash: fork: retry: Resource temporarily unavailable\\n"}', ''].join('\n');
    expect(topOf(trace)).toBeUndefined();
  });
});
