// wrongSettingType against api-json's types, on values users write; the real gopls v0.23.0's
// refusals of the same shapes are in test/faults/70a-broken-settings-json.test.ts.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { wrongSettingType } from '../../../src/probes/goplsSettingTypes.js';
import { parseGoplsApiJson } from '../../../src/facts/goplsApi.js';

const HOVER = ['FullDocumentation', 'NoDocumentation', 'SingleLine', 'Structured'];

describe('wrongSettingType', () => {
  it.each([
    ['bool', true, undefined],
    ['bool', 'true', 'true or false'],
    ['bool', 0, 'true or false'],
    ['string', 'github.com/me', undefined],
    ['string', 5, 'a string'],
    ['int64', 1048576, undefined],
    ['int64', 1.5, 'a whole number'],
    ['int64', '10', 'a whole number'],
    ['[]string', ['-tags=x', '-race'], undefined],
    ['[]string', [], undefined],
    ['[]string', '-tags=x', 'a list of strings'],
    ['[]string', ['-tags', 1], 'a list of strings'],
    ['time.Duration', '100ms', undefined],
    ['time.Duration', '1m30s', undefined],
    ['time.Duration', '0', undefined],
    ['time.Duration', '1.5h', undefined],
    ['time.Duration', 100, 'a duration string such as "100ms" or "1s"'],
    ['time.Duration', '100', 'a duration string such as "100ms" or "1s"'],
    ['time.Duration', 'fast', 'a duration string such as "100ms" or "1s"'],
    ['time.Duration', ' 1s', 'a duration string such as "100ms" or "1s"'],
    ['time.Duration', '250ms\n', 'a duration string such as "100ms" or "1s"'],
    ['map[string]string', { GOFLAGS: '-tags=x' }, undefined],
    ['map[string]string', ['GOFLAGS=-tags=x'], 'an object of strings'],
    ['map[string]string', { CGO_ENABLED: 0 }, 'an object of strings'],
    ['map[string]bool', { shadow: true, unusedparams: false }, undefined],
    ['map[string]bool', { unusedparams: 'off' }, 'an object of true/false values'],
    ['map[enum]bool', { generate: true }, undefined],
    ['map[enum]bool', 'generate', 'an object of true/false values'],
    ['map[string]any', 'x', 'an object'],
    ['map[string]any', { a: 1 }, undefined],
    ['func()', 'anything', undefined],
  ] as const)('%s given %j: %s', (type, value, want) => {
    expect(wrongSettingType({ type }, value)).toBe(want);
  });

  it('enums: any case of a listed value (gopls compares without case), else the list; no list, any string', () => {
    expect(wrongSettingType({ type: 'enum', enumValues: HOVER }, 'singleline')).toBeUndefined();
    expect(wrongSettingType({ type: 'enum', enumValues: HOVER }, 'FullDocumentation')).toBeUndefined();
    expect(wrongSettingType({ type: 'enum', enumValues: HOVER }, 'Loud')).toBe('one of "FullDocumentation", "NoDocumentation", "SingleLine", "Structured"');
    expect(wrongSettingType({ type: 'enum', enumValues: ['Fuzzy', 'CaseSensitive'] }, true)).toBe('one of "Fuzzy", "CaseSensitive"');
    expect(wrongSettingType({ type: 'enum' }, 'anything')).toBeUndefined();
  });

  it('an enum of JSON literals (linksInHover: false, true, "gopls"): the booleans as booleans, as gopls takes them', () => {
    // api-json's own shape: each Value is JSON text.
    const api = parseGoplsApiJson(JSON.stringify({ Options: { User: [{ Name: 'linksInHover', Type: 'enum', EnumValues: [{ Value: 'false' }, { Value: 'true' }, { Value: '"gopls"' }] }] } }))!;
    const opt = api.options[0]!;
    expect(opt.enumValues).toEqual([false, true, 'gopls']);
    expect(wrongSettingType(opt, false)).toBeUndefined();
    expect(wrongSettingType(opt, true)).toBeUndefined();
    expect(wrongSettingType(opt, 'gopls')).toBeUndefined();
    // gopls v0.23.0: `invalid value false; expect false, true, or "gopls"` for the string.
    expect(wrongSettingType(opt, 'false')).toBe('one of false, true, "gopls"');
    expect(wrongSettingType(opt, 1)).toBe('one of false, true, "gopls"');
  });

  it("the real gopls's api-json: every enum's default is a value it takes", () => {
    const text = execFileSync(path.resolve('.tools/bin/gopls'), ['api-json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const raw = JSON.parse(text) as { Options: { User: Array<{ Name: string; Type: string; Default: string }> } };
    const api = parseGoplsApiJson(text)!;
    const enums = api.options.filter((o) => o.type === 'enum');
    expect(enums.map((o) => o.name)).toContain('linksInHover');
    for (const o of enums) {
      const def = JSON.parse(raw.Options.User.find((u) => u.Name === o.name)!.Default) as unknown;
      expect(wrongSettingType(o, def), o.name).toBeUndefined();
    }
  });

  it('an option of no known type (an older cache without types) is never judged', () => {
    expect(wrongSettingType({}, 'x')).toBeUndefined();
  });
});
