import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { logFoldersOf } from '../../../src/goplsLog/logFolders.js';

const F = path.resolve('test/fixtures/logs');

describe('logFoldersOf: the folders a gopls log was written for', () => {
  it.each([
    // Lines as real gopls v0.23.0 sessions wrote them (a tester's captures, 2026-12-05).
    ['a trace: initialize rootUri and workspaceFolders', `[Trace - 06:39:40.001 AM] Sending request 'initialize - (0)'.\nParams: {"processId":1,"rootUri":"file:///work/sc/novendor","workspaceFolders":[{"uri":"file:///work/sc/novendor","name":"novendor"},{"uri":"file:///work/sc/other%20dir","name":"o"}]}`, ['/work/sc/novendor', '/work/sc/other dir']],
    ["a trace's logMessage body, newlines escaped", String.raw`Params: {"type":3,"message":"2026/12/05 06:39:40 Created View (#1)\n\tdirectory=/work/sc/novendor\n\tview_type=\"GoMod\""}`, ['/work/sc/novendor']],
    ["the editor's gopls (server) channel", '[Info  - 6:39:40 AM] 2026/12/05 06:39:40 Created View (#1)\n\tdirectory=/work/sc/novendor\n\tview_type="GoMod"', ['/work/sc/novendor']],
    ['gopls v0.12-v0.14: folder=', '[Info  - 1:02:03 PM] 2023/06/01 13:02:03 Created View (#1)\n\tfolder=/home/ann/src/app\n\tmodule=/home/ann/src/app', ['/home/ann/src/app']],
    ['nothing names a folder', '[Error - 1:02:03 PM] gopls: no views', []],
    ['a relative or non-file URI is no folder', '"rootUri":"untitled:Untitled-1" directory=relative', []],
  ])('%s', (_, text, want) => {
    expect(logFoldersOf(text)).toEqual(want);
  });

  it('the real healthy trace of the fixtures names its workspace once', () => {
    const folders = logFoldersOf(readFileSync(path.join(F, 'trace-healthy.rpc.log'), 'utf8'));
    expect(folders).toEqual(['/tmp/gedlog/mod']);
  });
});
