import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import {
  buildLag,
  goMinor,
  goplsSupportMessage,
  isForeignElf,
  parseElfHeader,
  parseGoVersionM,
  parseGoVersionOutput,
  parseGoplsVersionJson,
  parseGoplsVersionText,
} from '../../../src/lsp/goplsBinary.js';

const fx = (f: string) => readFileSync(path.join(__dirname, '../../fixtures/gopls', f));
const text = (f: string) => fx(f).toString('utf8');

/** A minimal ELF64 header as a cross-compiled gopls would start, for e_machine `machine`. */
function elf64(machine: number, littleEndian = true): Uint8Array {
  const b = new Uint8Array(64);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, littleEndian ? 1 : 2, 1]);
  if (littleEndian) b.set([2, 0, machine & 0xff, machine >> 8], 16);
  else b.set([0, 2, machine >> 8, machine & 0xff], 16);
  return b;
}

describe('gopls version output', () => {
  it.each([
    ['gopls-version-v0.23.0.txt', { path: 'golang.org/x/tools/gopls', version: 'v0.23.0', goVersion: undefined }],
    ['gopls-version-v0.6.0-issue43256.txt', { path: 'golang.org/x/tools/gopls', version: 'v0.6.0', goVersion: undefined }],
    ['gopls-version-devel-issue63803.txt', { path: 'golang.org/x/tools/gopls', version: '(devel)', goVersion: 'go1.21.3' }],
  ])('parses plain %s', (file, want) => {
    expect(parseGoplsVersionText(text(file))).toEqual(want);
  });

  it.each([['', undefined], ['flag provided but not defined: -json\n', undefined], ['Build info\n----------\n', undefined]])('rejects %j', (input, want) => {
    expect(parseGoplsVersionText(input)).toEqual(want);
  });

  it('parses version -json, the same JSON gopls puts in serverInfo.version', () => {
    expect(parseGoplsVersionJson(text('gopls-version-v0.23.0.json'))).toEqual({ version: 'v0.23.0', goVersion: 'go1.26.8', path: 'golang.org/x/tools/gopls' });
    const session = JSON.parse(text('sessions/healthy.json'));
    expect(parseGoplsVersionJson(session.result.serverInfo.version)?.version).toBe('v0.23.0');
  });

  it.each([['not json'], ['[]'], ['{}'], ['null']])('returns undefined for %j', (input) => {
    expect(parseGoplsVersionJson(input)).toBeUndefined();
  });

  it.each([
    ['go-version-m-gopls.txt', 'go1.26.8'],
    ['go-version-m-issue43256.txt', 'go1.16beta1'],
  ])('reads the build Go from %s', (file, want) => {
    expect(parseGoVersionM(text(file))).toBe(want);
  });

  it('reads go version', () => {
    expect(parseGoVersionOutput('go version go1.26.8 linux/amd64\n')).toBe('go1.26.8');
    expect(parseGoVersionOutput('bash: go: command not found')).toBeUndefined();
  });

  it.each([
    ['go1.26.8', 26],
    ['go1.21rc2', 21],
    ['go1.16beta1', 16],
    ['devel +abc', undefined],
    [undefined, undefined],
  ])('goMinor(%j) = %j', (v, want) => {
    expect(goMinor(v)).toBe(want);
  });
});

describe("gopls's Go support rule", () => {
  it('says what gopls says for an unsupported build Go', () => {
    const m = goplsSupportMessage(18, true)!;
    expect(m.unsupported).toBe(true);
    expect(m.message).toBe(
      "Gopls was built with Go version 1.18, which is not supported by this version of gopls. Please upgrade to Go 1.21 or later and reinstall gopls. If you can't upgrade and want this message to go away, please install gopls v0.14.2. See https://go.dev/s/gopls-support-policy for more details.",
    );
  });

  it('warns, not errors, for a deprecated go command', () => {
    const m = goplsSupportMessage(20, false)!;
    expect(m.unsupported).toBe(false);
    expect(m.message.startsWith('Found Go version 1.20, which will be unsupported by gopls v0.17.0.')).toBe(true);
  });

  it.each([21, 22, 26, undefined])('is silent for go1.%s', (minor) => {
    expect(goplsSupportMessage(minor, true)).toBeUndefined();
  });

  it.each([
    ['go1.25.3', 'go1.26.8', 1],
    ['go1.26.8', 'go1.26.1', 0],
    ['go1.26.8', 'go1.25.0', -1],
    [undefined, 'go1.26.8', undefined],
  ])('build lag of %s under %s is %s', (built, inUse, want) => {
    expect(buildLag(built, inUse)).toBe(want);
  });
});

describe('ELF header', () => {
  it('reads the real x86-64 header of /bin/true', () => {
    const h = parseElfHeader(fx('elf-x86-64-bin-true.head'))!;
    expect(h).toMatchObject({ bits: 64, littleEndian: true, machine: 62, machineName: 'x86-64' });
    expect(isForeignElf(h, 'x64')).toBe(false);
    expect(isForeignElf(h, 'arm64')).toBe(true);
  });

  it.each([
    [183, 'x64', true, 'aarch64'],
    [183, 'arm64', false, 'aarch64'],
    [3, 'x64', false, 'x86 (i386)'],
    [243, 'x64', true, 'riscv'],
  ])('e_machine %i on %s: foreign=%s', (machine, arch, foreign, name) => {
    const h = parseElfHeader(elf64(machine))!;
    expect(h.machineName).toBe(name);
    expect(isForeignElf(h, arch)).toBe(foreign);
  });

  it('reads big-endian headers', () => {
    expect(parseElfHeader(elf64(22, false))?.machine).toBe(22);
  });

  it.each([
    ['a shell script', new TextEncoder().encode('#!/bin/sh\nsleep 600\n')],
    ['too short', new Uint8Array([0x7f, 0x45, 0x4c, 0x46])],
    ['bad class', (() => { const b = elf64(62); b[4] = 9; return b; })()],
  ])('is undefined for %s', (_name, bytes) => {
    expect(parseElfHeader(bytes)).toBeUndefined();
  });
});
