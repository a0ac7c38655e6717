// The remote-messages catalog (test/fixtures/remote-messages.jsonl) is the spec for how the words of
// remote-development layers are named (issue 11): VS Code's server, remote CLI, terminal and
// extension service, the Dev Containers CLI, code-server, WSL, tmux, and sudo, sudo-rs, doas and
// su, which hand a command another environment than the caller's. Each row is a format string read
// in the program's own source (the file it cites), with an instance as that program prints it
// when the Go tools end up broken on the remote side (test/fixtures/remote-messages.md says how it
// was built). Rows that say something failed must name their class first in a raw log, by a rule;
// rows that say all is well (a server started, a client disconnected, a probe that is only slow,
// WSL's and tmux's chatter) must raise no warning or error at all.
import { describe, expect, it } from 'vitest';
import { CLASS_IDS } from '../../../src/doctor/model.js';
import { itNamesEachRow, readCatalog, rankedCauses, type CatalogRow } from '../../support/catalog.js';

interface Row extends CatalogRow {
  product: string;
}

const rows = readCatalog<Row>('remote-messages');

const causesOf = (text: string) => rankedCauses(text, 'remote.log');

const failures = rows.filter((r) => r.expect !== 'none');
const fine = rows.filter((r) => r.expect === 'none');

describe('the remote-messages catalog', () => {
  it('is a catalog: many programs, each row citing the upstream file its format is in', () => {
    expect(new Set(rows.map((r) => r.product.split(' ')[0])).size).toBeGreaterThanOrEqual(12);
    expect(failures.length).toBeGreaterThanOrEqual(40);
    expect(fine.length).toBeGreaterThanOrEqual(15);
    for (const r of rows) {
      expect(r.source, r.instance).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/blob\//);
      expect(r.format.length, r.instance).toBeGreaterThan(10);
      expect(['source', 'rule', 'notes'], r.instance).toContain(r.read);
      expect([...CLASS_IDS, 'none'], r.instance).toContain(r.expect);
    }
  });

  itNamesEachRow(rows, 'remote.log', (r) => r.product);

  it('a remote layer that only saw a process die stays a warning-level symptom', () => {
    for (const r of failures) {
      const c = causesOf(r.instance)[0]!;
      if (c.id === 'memory-limit' || c.id === 'process-limit') {
        expect(c.severity, r.instance).toBe('warning');
        expect(c.findings.every((f) => (f as { role?: string }).role === 'symptom'), r.instance).toBe(true);
      }
    }
  });
  // The rules read these programs' failure words only: the same programs' other outcomes (a live
  // server's bad answer, a lifecycle command's own error, an ordinary exit, a release directory
  // merely named) must not be taken for them.
  it.each([
    ['the remote CLI reached a live server that answered badly', 'Unable to connect to VS Code server: Error in response.'],
    ['a lifecycle command failed with its own error', 'postCreateCommand failed with exit code 1. Skipping any further user-provided commands.'],
    ['the shell server exited with 1 (the container stopped)', '[1170 ms] Shell server terminated (code: 1, signal: null)'],
    ['the remote extension host exited with 1', '2025-03-14 10:02:11.904 [error] Extension host (Remote) terminated unexpectedly. Code: 1, Signal: null'],
    ["a missing file under the server's extensions directory", "/home/dana/.vscode-server/extensions/golang.go-0.46.1/dist/goMain.js:2:1043 ENOENT: no such file or directory, open '/home/dana/src/app/go.work'"],
    ["a PATH that names a server release", 'export PATH=/home/dana/.vscode-server/bin/1a5daa3a0231a0fbba4f14db7ec463cf99d7768e/bin/remote-cli:/usr/local/go/bin:/usr/bin:/bin'],
    ['a terminal closed with Ctrl-C', 'The terminal process "/bin/bash" terminated with exit code: 130.'],
  ] as const)('%s names nothing', (_name, text) => {
    expect(causesOf(text)).toEqual([]);
  });
});
