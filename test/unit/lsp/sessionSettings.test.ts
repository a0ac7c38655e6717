import { describe, expect, it } from 'vitest';
import { sessionSettings } from '../../../src/lsp/handshake.js';
import { goplsBuildOf } from '../../../src/lsp/goplsBuild.js';

describe("sessionSettings: the user's gopls settings as the doctor's gopls gets them", () => {
  it.each([
    ['no settings: gopls defaults', undefined, {}],
    ['kept as they are', { 'build.env': { GOFLAGS: '-tags=it' }, 'ui.semanticTokens': true }, { 'build.env': { GOFLAGS: '-tags=it' }, 'ui.semanticTokens': true }],
    ['build.env cannot switch toolchains (a download)', { 'build.env': { GOTOOLCHAIN: 'go1.99.0', GOFLAGS: '-x' } }, { 'build.env': { GOTOOLCHAIN: 'local', GOFLAGS: '-x' } }],
    ['nor can env, the same setting to gopls (last dotted segment)', { env: { GOTOOLCHAIN: 'auto' } }, { env: { GOTOOLCHAIN: 'local' } }],
  ])('%s', (_, given, want) => {
    expect(sessionSettings(given as Record<string, unknown> | undefined)).toEqual(want);
  });
  it('does not change the object it was given', () => {
    const given = { 'build.env': { GOTOOLCHAIN: 'auto' } };
    sessionSettings(given);
    expect(given['build.env'].GOTOOLCHAIN).toBe('auto');
  });
});

describe('goplsBuildOf: build.env and build.buildFlags of one gopls settings object', () => {
  it.each([
    ['dotted', { 'build.env': { GOOS: 'js', N: 1 }, 'build.buildFlags': ['-tags=x', 2] }, { env: { GOOS: 'js' }, envKey: 'build.env', buildFlags: ['-tags=x'] }],
    ['bare names (gopls keeps the last segment)', { env: { A: 'b' }, buildFlags: ['-race'] }, { env: { A: 'b' }, envKey: 'env', buildFlags: ['-race'] }],
    ['nested', { build: { env: { A: 'b' } } }, { env: { A: 'b' } }],
    ['wrong types', { 'build.env': 'GOOS=js', 'build.buildFlags': '-race' }, { envKey: 'build.env' }],
    ['nothing', undefined, {}],
  ])('%s', (_, given, want) => {
    expect(goplsBuildOf(given as Record<string, unknown> | undefined)).toEqual(want);
  });
});
