// Fuzzing the parsers of what child processes print and what users type: `go env -json`
// (parseGoEnvJson, parseGoVersion), the login shell's env dump (parseEnvDump), gopls's version
// output and ELF headers (src/lsp/goplsBinary.ts), gopls's "Created View" message, and the CLI's
// flags (parseArgs). NUM_RUNS inputs each; values or error values, never a throw or a hang.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGoEnvJson, parseGoVersion } from '../../src/facts/readGoEnv.js';
import { LOGIN_SHELL_SCRIPT, parseEnvDump } from '../../src/facts/readLoginShellEnv.js';
import { parseArgs } from '../../src/cli/args.js';
import { parseElfHeader, parseGoplsVersionJson, parseGoplsVersionText, parseGoVersionM, parseGoVersionOutput } from '../../src/lsp/goplsBinary.js';
import { parseCreatedView } from '../../src/lsp/views.js';
import { FIXTURES, HANG_MS, NUM_RUNS, check, hostileText, samplesMatching, timed } from './lib/hostileText.js';

const opts = { numRuns: NUM_RUNS };
const guard = <T>(name: string, f: () => T): T => {
  const { value, ms } = timed(f);
  if (ms > HANG_MS) throw new Error(`${name} took ${Math.round(ms)} ms`);
  return value;
};

/** Real `go env -json` of this VM's Go 1.26 (test/fixtures/hostile/go-env.json). */
const goEnvJson = readFileSync(path.join(FIXTURES, 'hostile', 'go-env.json'), 'utf8');
/** Real output of LOGIN_SHELL_SCRIPT from `bash -l -i` on this VM (test/fixtures/hostile/login-shell-env.dump). */
const envDump = readFileSync(path.join(FIXTURES, 'hostile', 'login-shell-env.dump'), 'latin1');

// 10,000 runs of CPU-bound properties: under a loaded 2-core CI the default 60 s per test is not enough (a budget, not a speed claim).
describe('fuzz: go env, login shell, gopls version, CLI flags', { timeout: 300_000 }, () => {
  it('the real samples parse (so "never throws" is not "never parses")', () => {
    const env = parseGoEnvJson(goEnvJson);
    expect(env.ok && env.values.GOROOT).toBe('/usr/local/go');
    expect(parseEnvDump(envDump)?.SHELL).toBe('/bin/bash');
    expect(LOGIN_SHELL_SCRIPT).toContain('env -0');
  });

  it('parseGoEnvJson and parseGoVersion', () => {
    const versions = ['go1.26.8', '1.22', 'go1.21rc2', 'go1.23beta1', 'devel go1.27-abcdef', ''];
    fc.assert(
      fc.property(hostileText([goEnvJson, ...versions]), (s) => {
        const r = guard('parseGoEnvJson', () => parseGoEnvJson(s));
        check(r.ok === true || (r.ok === false && typeof r.error === 'string' && r.error.length > 0), 'ok or an error message');
        if (r.ok) check(Object.values(r.values).every((v) => typeof v === 'string'), 'string values');
        const v = guard('parseGoVersion', () => parseGoVersion(s));
        check(v === undefined || (Number.isInteger(v.major) && Number.isInteger(v.minor)), 'a version or undefined');
      }),
      opts,
    );
  });

  it('parseEnvDump', () => {
    fc.assert(
      fc.property(hostileText([envDump, `motd\n${envDump}\nbye`, envDump.replaceAll('\0', '\n')]), (s) => {
        const r = guard('parseEnvDump', () => parseEnvDump(s));
        check(r === undefined || Object.entries(r).every(([k, v]) => k.length > 0 && typeof v === 'string'), 'an env or undefined');
      }),
      opts,
    );
  });

  it('gopls version output, ELF headers and Created View messages', () => {
    const samples = [
      ...samplesMatching(/gopls.*version.*\.(txt|json)$|version-.*\.txt$/),
      'golang.org/x/tools/gopls v0.23.0\n',
      'Build info\n----------\ngolang.org/x/tools/gopls v0.23.0\n    golang.org/x/tools/gopls@v0.23.0 h1:abc=\n    github.com/BurntSushi/toml@v1.4.1 h1:x=\n\nGo info\n-------\ngo version go1.26.8 linux/amd64\n',
      '{"GoVersion":"go1.26.8","Path":"golang.org/x/tools/gopls","Main":{"Path":"golang.org/x/tools/gopls","Version":"v0.23.0"},"Deps":[]}',
      'Created View (#1)\n\tdirectory=/tmp/x\n\tview_type="GoMod"\n\troot_dir=/tmp/x\n\tgo_version="go1.26.8"\n',
    ];
    fc.assert(
      fc.property(hostileText(samples), (s) => {
        guard('parseGoplsVersionJson', () => parseGoplsVersionJson(s));
        guard('parseGoplsVersionText', () => parseGoplsVersionText(s));
        guard('parseGoVersionM', () => parseGoVersionM(s));
        guard('parseGoVersionOutput', () => parseGoVersionOutput(s));
        guard('parseCreatedView', () => parseCreatedView(s));
      }),
      opts,
    );
    const elf = Buffer.from('7f454c460201010000000000000000000200b70001000000', 'hex');
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 128 }), fc.tuple(fc.nat({ max: 24 }), fc.uint8Array({ maxLength: 64 })).map(([n, tail]) => Uint8Array.from([...elf.subarray(0, n), ...tail]))), (b) => {
        const h = guard('parseElfHeader', () => parseElfHeader(b));
        check(h === undefined || typeof h === 'object', 'a header or undefined');
      }),
      opts,
    );
  });

  it('parseArgs on hostile argv', () => {
    const flags = ['diagnose', '--workspace', '--gopls-log', '--json', '--markdown', '--timeout-ms', '--gopls', '--record-trace', '--verbose', '--no-color', '--help', '-h', '--version', '--timeout-ms=5', '--workspace=', '--json=1', '--', '-'];
    const word = fc.oneof(
      { arbitrary: fc.constantFrom(...flags), weight: 5 },
      { arbitrary: hostileText(['/tmp/ws', '8000', '1e9', '-1', '0x10', '99999999999999999999', '$(touch /tmp/x)', 'a b', '\n'], { hugeLine: false }), weight: 3 },
      { arbitrary: fc.string({ unit: 'binary', maxLength: 50 }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.boolean(), (argv, lead) => {
        const r = guard('parseArgs', () => parseArgs(lead ? ['diagnose', ...argv] : argv, 8000));
        check(r.ok === true || (r.ok === false && typeof r.error === 'string' && r.error.length > 0), 'ok or an error message');
        if (r.ok && 'args' in r) check(r.args.timeoutMs >= 100 && r.args.timeoutMs <= 600_000, 'timeout within bounds');
      }),
      opts,
    );
  });
});
