// A go env -w fix where the variable is exported: go refuses to let the file override the export,
// so the export is removed first (src/probes/exportedBeatsGoEnvWrite.ts). Table tests on strings.
import { describe, expect, it } from 'vitest';
import { goEnvWriteOf, unexportThenWrite } from '../../../src/probes/exportedBeatsGoEnvWrite.js';

describe('a go env -w an exported variable overrides', () => {
  it.each([
    { text: 'mkdir -p /x && go env -w GOTMPDIR=/x', want: 'GOTMPDIR' },
    { text: "go env -w 'GOFLAGS=-a -b'", want: 'GOFLAGS' },
    { text: 'go env -w GOCACHE="$HOME/.cache/go-build"', want: 'GOCACHE' },
    { text: 'go env -u GOFLAGS', want: undefined },
  ])('$text → $want', ({ text, want }) => {
    expect(goEnvWriteOf(text)).toBe(want);
  });
  it('the export is removed first, in one command, and the detail says why', () => {
    const f = unexportThenWrite(
      { id: 'remove-export-gotmpdir:/h/.profile:3', kind: 'terminal', title: 'Remove the GOTMPDIR setting from ~/.profile (line 3)', text: "sed -i '3{/GOTMPDIR/d}' /h/.profile", needsRoot: false, detail: 'Deletes line 3.' },
      { id: 'noexec-gotmpdir-go-env', kind: 'terminal', title: 'Set GOTMPDIR=/h/t for every go command (go env -w)', text: 'mkdir -p /h/t && go env -w GOTMPDIR=/h/t', needsRoot: false },
      'GOTMPDIR',
    );
    expect(f).toMatchObject({ id: 'noexec-gotmpdir-go-env-unexported:/h/.profile:3', text: "sed -i '3{/GOTMPDIR/d}' /h/.profile && mkdir -p /h/t && go env -w GOTMPDIR=/h/t", needsRoot: false });
    expect(f.title).toBe('Remove the GOTMPDIR setting from ~/.profile (line 3), then set GOTMPDIR=/h/t for every go command (go env -w)');
    expect(f.kind === 'terminal' && f.detail).toMatch(/does not override conflicting OS environment variable/);
  });
});
