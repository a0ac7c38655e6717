import { describe, expect, it } from 'vitest';
import { parseCodeWorkspace } from '../../../src/facts/codeWorkspace.js';

describe('parseCodeWorkspace', () => {
  it('folders relative to the file, absolute, and file:// URIs; remote ones left out; its settings as a source', () => {
    const text = `{
  // two modules and a shared one
  "folders": [
    { "path": "api" },
    { "name": "web", "path": "../web" },
    { "path": "/srv/shared" },
    { "uri": "file:///home/ann/lib%20x" },
    { "uri": "vscode-remote://ssh-remote+box/home/ann/x" },
  ],
  "settings": { "gopls": { "build.buildFlags": ["-tags=integration"] }, "go.languageServerFlags": ["-logfile", "/nope/g.log"] },
}`;
    const w = parseCodeWorkspace(text, '/home/ann/proj/all.code-workspace');
    expect(w.error).toBeUndefined();
    expect(w.folders).toEqual(['/home/ann/proj/api', '/home/ann/web', '/srv/shared', '/home/ann/lib x']);
    expect(w.settings).toEqual({ source: '/home/ann/proj/all.code-workspace', values: { gopls: { 'build.buildFlags': ['-tags=integration'] }, 'go.languageServerFlags': ['-logfile', '/nope/g.log'] } });
  });

  it('no folders or settings, or not a workspace file at all', () => {
    expect(parseCodeWorkspace('{}', '/w/x.code-workspace')).toEqual({ folders: [], settings: { source: '/w/x.code-workspace', values: {} } });
    expect(parseCodeWorkspace('[1]', '/w/x.code-workspace').error).toContain('not a JSON object');
  });
});
