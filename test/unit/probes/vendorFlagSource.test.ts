import { describe, expect, it } from 'vitest';
import type { Fix, FindingInput } from '../../../src/doctor/model.js';
import { DROP_MOD_VENDOR_FIX_ID, withGoflagsFixes } from '../../../src/probes/vendorFlagSource.js';

const fix = (id: string, text: string): Fix => ({ id, kind: 'terminal', title: id, text, needsRoot: false });
const vendorFinding = (): FindingInput => ({
  classId: 'module-resolution',
  severity: 'warning',
  confidence: 0.65,
  message: 'go checks vendor/modules.txt.',
  evidence: [{ source: 'log', excerpt: 'not marked as explicit' }],
  fixes: [fix('go-mod-vendor', 'go mod vendor'), fix(DROP_MOD_VENDOR_FIX_ID, 'go env -u GOFLAGS'), fix('show', 'go env GOFLAGS')],
});

describe('withGoflagsFixes', () => {
  it('puts the fixes where GOFLAGS is set in place of go env -u GOFLAGS, in order, with the words and evidence', () => {
    const [f] = withGoflagsFixes([vendorFinding()], [fix('remove-export', "sed -i '3d' ~/.profile")], ' It is set in ~/.profile (line 3).', [{ source: '/h/.profile:3', excerpt: 'export GOFLAGS=-mod=vendor' }]);
    expect(f!.fixes!.map((x) => x.id)).toEqual(['go-mod-vendor', 'remove-export', 'show']);
    expect(f!.message).toBe('go checks vendor/modules.txt. It is set in ~/.profile (line 3).');
    expect(f!.evidence.map((e) => e.source)).toEqual(['log', '/h/.profile:3']);
  });
  it('drops the GOFLAGS fix when nothing here sets the flag, and leaves other findings alone', () => {
    const other: FindingInput = { ...vendorFinding(), fixes: [fix('x', 'y')] };
    const [f, g] = withGoflagsFixes([vendorFinding(), other], [], ' GOFLAGS here (empty) does not ask for vendor mode.', []);
    expect(f!.fixes!.map((x) => (x as { text?: string }).text)).toEqual(['go mod vendor', 'go env GOFLAGS']);
    expect(g).toBe(other);
  });
});
