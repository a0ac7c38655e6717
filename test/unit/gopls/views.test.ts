import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parseCreatedView } from '../../../src/lsp/views.js';
import { NO_VIEW } from '../../../src/lsp/session.js';

const session = (name: string) => JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/gopls/sessions', `${name}.json`), 'utf8'));
const logMessages = (name: string): string[] =>
  session(name).notifications.filter((n: { method: string }) => n.method === 'window/logMessage').map((n: { params: { message: string } }) => n.params.message);

describe('parseCreatedView', () => {
  it('reads the GoMod view of a healthy module from the real log message', () => {
    const s = session('healthy');
    const views = logMessages('healthy').map(parseCreatedView).filter(Boolean);
    expect(views).toEqual([{ id: 1, directory: s.workspace, viewType: 'GoMod', rootDir: `file://${s.workspace}`, goVersion: 'go version go1.26.8 linux/amd64' }]);
  });

  it('reads the AdHoc view of a folder without go.mod', () => {
    const views = logMessages('no-go-mod').map(parseCreatedView).filter(Boolean);
    expect(views.map((v) => v!.viewType)).toEqual(['AdHoc']);
  });

  it.each([
    ['2026/11/24 18:14:48 go/packages.Load #1\n\tview_id="1"\n\tsnapshot=0\n'],
    ['Created View (#1)\n\tview_type="GoMod"\n'],
    [''],
  ])('ignores other messages: %j', (m) => {
    expect(parseCreatedView(m)).toBeUndefined();
  });
});

describe('NO_VIEW', () => {
  const real = readFileSync(path.join(__dirname, '../../fixtures/gopls/no-views-messages.txt'), 'utf8').trim().split('\n');
  it.each(real)('matches the reported message %j', (m) => {
    expect(NO_VIEW.test(m)).toBe(true);
  });

  it('matches what gopls v0.23 says when go is missing', () => {
    const msgs: string[] = session('go-not-on-path').result.messages.map((m: { message: string }) => m.message);
    expect(msgs.some((m) => NO_VIEW.test(m))).toBe(true);
  });

  it.each(['could not import a (no required module provides package "a")', 'Created View (#1)', 'views are fine'])('does not match %j', (m) => {
    expect(NO_VIEW.test(m)).toBe(false);
  });
});
