import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { amd64Level, missingForLevel, parseCpuFlags } from '../../../src/procfs/cpuinfo.js';

const fixture = (f: string) => readFileSync(path.resolve('test/fixtures/cpuinfo', f), 'utf8');

describe('parseCpuFlags and amd64Level on real /proc/cpuinfo files', () => {
  it.each([
    ['qemu-1.5.3.txt', 'QEMU Virtual CPU version 1.5.3', 1, ['ssse3', 'sse4_1', 'sse4_2', 'popcnt']],
    ['ryzen-3800x.txt', 'AMD Ryzen 7 3800X 8-Core Processor', 3, ['avx512f', 'avx512dq', 'avx512cd', 'avx512bw', 'avx512vl']],
    ['epyc-avx512-vm.txt', 'AMD EPYC', 4, []],
  ])('%s: %s is x86-64-v%i', (file, model, level, missing) => {
    const cpu = parseCpuFlags(fixture(file))!;
    expect(cpu.model).toBe(model);
    expect(amd64Level(cpu.flags)).toEqual({ level, missingForNext: missing });
  });
});

describe('parseCpuFlags', () => {
  it('keeps only the flags every processor lists', () => {
    const cpu = parseCpuFlags('processor\t: 0\nflags\t\t: pni ssse3 avx2\n\nprocessor\t: 1\nflags\t\t: pni avx2\n')!;
    expect([...cpu.flags].sort()).toEqual(['avx2', 'pni']);
    expect(cpu.processors).toBe(2);
  });
  it.each([
    // arm64 lists "Features", not "flags": no x86 level to speak of.
    ['processor\t: 0\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics\n'],
    [''],
  ])('%j → undefined', (text) => expect(parseCpuFlags(text)).toBeUndefined());
});

describe('missingForLevel', () => {
  const qemu = parseCpuFlags(fixture('qemu-1.5.3.txt'))!.flags;
  it.each([
    [1, []],
    [2, ['ssse3', 'sse4_1', 'sse4_2', 'popcnt']],
    [3, ['ssse3', 'sse4_1', 'sse4_2', 'popcnt', 'fma', 'movbe', 'avx', 'f16c', 'abm', 'bmi1', 'avx2', 'bmi2']],
  ])('QEMU 1.5.3 for v%i lacks %j', (want, missing) => expect(missingForLevel(qemu, want)).toEqual(missing));
});
