// The vendor fix where go runs in workspace mode: go refuses `go mod vendor` there ("'go mod vendor'
// cannot be run in workspace mode. Run 'go work vendor'"), a tester's go.work workspace got it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vendorCommand } from '../../../src/probes/modules.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'vendor-cmd-'));
const plain = mkdtempSync(path.join(os.tmpdir(), 'vendor-cmd-plain-'));
writeFileSync(path.join(dir, 'go.work'), 'go 1.26\n\nuse ./a\n');
afterAll(() => [dir, plain].forEach((d) => rmSync(d, { recursive: true, force: true })));
const env = (values: Record<string, string>) => ({ ok: true as const, values, goBinary: 'go', goBinaryReal: 'go', commandLine: 'go env -json' }) as unknown as Parameters<typeof vendorCommand>[1];

describe('vendorCommand', () => {
  it('a folder whose go.work go uses: go work vendor', () => expect(vendorCommand(dir, env({ GOWORK: path.join(dir, 'go.work') }))).toBe('go work vendor'));
  it('the same with GOWORK=off: go mod vendor', () => expect(vendorCommand(dir, env({ GOWORK: 'off' }))).toBe('go mod vendor'));
  it('a module folder without a go.work: go mod vendor', () => expect(vendorCommand(plain, env({ GOWORK: '' }))).toBe('go mod vendor'));
});
