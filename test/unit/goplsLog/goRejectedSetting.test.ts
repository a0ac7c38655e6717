// Which setting go refused, in go's own words, as real gopls v0.23.0 logs carry it (the fixtures
// trace-goenv-*.rpc.log) and as cmd/go prints it.
import { describe, expect, it } from 'vitest';
import { rejectedSettingIn, settingText } from '../../../src/goplsLog/goRejectedSetting.js';

describe('rejectedSettingIn', () => {
  const rows: Array<{ name: string; in: string; variable: string; value?: string; said: string }> = [
    {
      name: "gopls's showMessage: the view's go env failed (an invalid go env file value)",
      in: String.raw`Params: {"type":1,"message":"Error loading workspace folders (expected 1, got 0)\nfailed to load view for file:///tmp/h2/depmiss: err: exit status 1: stderr: go: unknown environment setting GO111MODULE=maybe\n\n"}`,
      variable: 'GO111MODULE',
      value: 'maybe',
      said: 'go: unknown environment setting GO111MODULE=maybe',
    },
    {
      name: 'a -mod in GOFLAGS go does not know: go names no variable',
      in: String.raw`"message":"Error loading packages: err: exit status 1: stderr: -mod=vendr not supported (can be '', 'mod', 'readonly', or 'vendor')\n"}}`,
      variable: 'GOFLAGS',
      value: '-mod=vendr',
      said: "-mod=vendr not supported (can be '', 'mod', 'readonly', or 'vendor')",
    },
    { name: 'GOTOOLCHAIN, printed', in: 'go: invalid GOTOOLCHAIN "go1.26.8+bogus": only version suffixes are +auto and +path', variable: 'GOTOOLCHAIN', value: 'go1.26.8+bogus', said: 'go: invalid GOTOOLCHAIN "go1.26.8+bogus": only version suffixes are +auto and +path' },
    { name: 'GOTOOLCHAIN, JSON-escaped', in: String.raw`stderr: go: invalid GOTOOLCHAIN \"gobogus\"\n"}`, variable: 'GOTOOLCHAIN', value: 'gobogus', said: 'go: invalid GOTOOLCHAIN "gobogus"' },
    { name: 'a flag GOFLAGS names, with a value go refuses', in: 'go: invalid boolean value "maybe" for flag -modcacherw (from $GOFLAGS): parse error', variable: 'GOFLAGS', value: '-modcacherw=maybe', said: 'go: invalid boolean value "maybe" for flag -modcacherw (from $GOFLAGS): parse error' },
    { name: 'GOFLAGS with a word that is no flag', in: 'go: parsing $GOFLAGS: non-flag "vendor"', variable: 'GOFLAGS', value: 'vendor', said: 'go: parsing $GOFLAGS: non-flag "vendor"' },
    { name: 'GOFLAGS with a flag go does not know, inside a JSON string', in: String.raw`"message":"go/packages.Load #1: err: exit status 1: stderr: go: parsing $GOFLAGS: unknown flag -bogus
"`, variable: 'GOFLAGS', value: '-bogus', said: 'go: parsing $GOFLAGS: unknown flag -bogus' },
    { name: 'GOFLAGS named with no value', in: 'go: flag needs an argument: -mod (from $GOFLAGS)', variable: 'GOFLAGS', said: 'go: flag needs an argument: -mod (from $GOFLAGS)' },
    { name: 'GOOS/GOARCH', in: 'cmd/go: unsupported GOOS/GOARCH pair linux/arm99', variable: 'GOOS/GOARCH', value: 'linux/arm99', said: 'cmd/go: unsupported GOOS/GOARCH pair linux/arm99' },
    { name: 'GOPROXY', in: 'go: GOPROXY list is not the empty string, but contains no entries', variable: 'GOPROXY', said: 'go: GOPROXY list is not the empty string, but contains no entries' },
    { name: 'GOSUMDB', in: 'verifying module: missing GOSUMDB', variable: 'GOSUMDB', said: 'verifying module: missing GOSUMDB' },
  ];
  for (const r of rows)
    it(r.name, () => {
      expect(rejectedSettingIn(r.in)).toEqual({ variable: r.variable, ...(r.value ? { value: r.value } : {}), said: r.said });
    });
  it('a line where go refused nothing is none', () => {
    expect(rejectedSettingIn('go: downloading github.com/fatih/structtag v1.2.0')).toBeUndefined();
    expect(rejectedSettingIn('GO111MODULE=on')).toBeUndefined();
  });
});

describe('settingText', () => {
  it('NAME=value, a flag beside its variable, or the name alone', () => {
    expect(settingText({ variable: 'GO111MODULE', value: 'maybe', said: '' })).toBe('GO111MODULE=maybe');
    expect(settingText({ variable: 'GOFLAGS', value: '-mod=vendr', said: '' })).toBe('GOFLAGS (-mod=vendr)');
    expect(settingText({ variable: 'GOSUMDB', said: '' })).toBe('GOSUMDB');
  });
});
