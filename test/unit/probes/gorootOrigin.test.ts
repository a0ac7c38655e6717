// Where the GOROOT gopls's go failed on was set, in place of the log rule's guess (probes/gorootOrigin.ts).
import { describe, expect, it } from 'vitest';
import { gorootOrigin, gorootOriginWords, LOG_GUESS } from '../../../src/probes/gorootOrigin.js';
import { ruleById } from '../../../src/goplsLog/rules.js';

describe('gorootOrigin', () => {
  it.each([
    ['go.goroot in effect (applied after go.toolsEnvVars, so it wins)', { GOROOT: '/opt/go' }, { goroot: '/opt/go', toolsEnvVarsKeys: ['GOROOT'] }, 'GOROOT=/usr/lib/go\n', 'go.goroot'],
    ['go.toolsEnvVars', { GOROOT: '/opt/go' }, { toolsEnvVarsKeys: ['GOROOT'] }, undefined, 'setting'],
    ['exported', { GOROOT: '/opt/go' }, {}, 'GOROOT=/usr/lib/go\n', 'environment'],
    ['go.goroot set but the environment holds another value (the setting was not applied)', { GOROOT: '/opt/go' }, { goroot: '/srv/go' }, undefined, 'environment'],
    ['the go env file, the last line winning', {}, {}, 'GOROOT=/a\nGOPATH=/g\nGOROOT=/b\n', 'file'],
    ['an empty exported value: go reads the file', { GOROOT: '' }, {}, 'GOROOT=/b\n', 'file'],
    ['nowhere', {}, {}, 'GOPATH=/g\n', 'default'],
  ] as Array<[string, Record<string, string>, { goroot?: string; toolsEnvVarsKeys?: string[] }, string | undefined, string]>)('%s', (_n, env, settings, fileText, kind) => {
    expect(gorootOrigin(env, settings, fileText).kind).toBe(kind);
  });

  it.each([
    [{ kind: 'go.goroot', value: '/opt/go' }, 'GOROOT=/opt/go comes from the go.goroot setting, which the Go extension gives go and gopls'],
    [{ kind: 'setting', value: '/opt/go' }, 'GOROOT=/opt/go comes from go.toolsEnvVars in your editor settings'],
    [{ kind: 'environment', value: '/opt/go' }, 'GOROOT=/opt/go is exported in the environment the tools were started with, not set by go.goroot or go.toolsEnvVars'],
    [{ kind: 'file', value: '/b', line: 3, text: 'GOROOT=/b' }, 'GOROOT=/b is set in your go env file /h/.config/go/env at line 3, written by go env -w, which go reads in terminals too'],
    [{ kind: 'default' }, 'GOROOT is set nowhere: go takes the installation its own binary lies in'],
  ] as const)('words for %j', (origin, want) => expect(gorootOriginWords(origin, '/h/.config/go/env')).toBe(want));

  it("the guess replaced is the log rule's own words", () => {
    expect(ruleById('goroot-invalid').says).toContain(LOG_GUESS);
  });
});
