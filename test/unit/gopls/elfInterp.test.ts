// PT_INTERP read from a real binary of this machine (a dynamically linked one names its loader).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { parseElfInterp } from '../../../src/lsp/goplsBinary.js';

const head = (p: string) => readFileSync(p).subarray(0, 4096);

describe('parseElfInterp', () => {
  it.skipIf(!existsSync('/bin/true'))('a dynamically linked system binary names its loader, which exists', () => {
    const interp = parseElfInterp(head('/bin/true'));
    expect(interp).toMatch(/^\/lib.*\/ld-.*\.so/);
    expect(existsSync(interp!)).toBe(true);
  });
  it('not ELF, or cut short: nothing', () => {
    expect(parseElfInterp(Buffer.from('#!/bin/sh\necho hi\n'))).toBeUndefined();
    expect(parseElfInterp(head('/bin/true').subarray(0, 80))).toBeUndefined();
  });
});
