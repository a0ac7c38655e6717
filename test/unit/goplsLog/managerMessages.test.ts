// The manager-messages catalog (test/fixtures/manager-messages.jsonl) is the spec for how the Go
// version managers (goenv, asdf and asdf-golang, mise, gvm, g, gimme), CI's actions/setup-go, direnv,
// VS Code's shell-environment resolution and cmd/go's own toolchain switching are named when the
// editor or a tool ends up with the wrong Go or none (issue 11): each row is a format string read in
// the printing program's source (the file it cites), with an instance as that program prints it
// (test/fixtures/manager-messages.md says how it was built and what each field means). Rows that
// say something failed must name their class first in a raw log, by a rule; rows that say all is
// well (a version selected, a Go installed or switched to, an .envrc loaded) must raise no warning
// or error at all.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLASS_IDS } from '../../../src/doctor/model.js';
import { itNamesEachRow, readCatalog, rankedCauses, type CatalogRow } from '../../support/catalog.js';
import { diagnoseText, FORMS } from '../../corpus/corpus.js';

interface Row extends CatalogRow {
  program: string;
}

const rows = readCatalog<Row>('manager-messages');

const causesOf = (text: string) => rankedCauses(text, 'manager.log');

const failures = rows.filter((r) => r.expect !== 'none');
const fine = rows.filter((r) => r.expect === 'none');

describe('the manager-messages catalog', () => {
  it('is a catalog: many programs, each row citing the upstream file its format is in, at a tag or commit', () => {
    expect(new Set(rows.map((r) => r.program.split(' ')[0])).size).toBeGreaterThanOrEqual(10);
    expect(failures.length).toBeGreaterThanOrEqual(50);
    expect(fine.length).toBeGreaterThanOrEqual(15);
    for (const r of rows) {
      // A blob URL pinned to a tag (go1.22.5) or a commit, so the format can be found again as read.
      expect(r.source, r.instance).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/blob\/(?:[0-9a-f]{40}|go1[\w.]*)\//);
      expect(r.format.length, r.instance).toBeGreaterThan(10);
      expect(['source', 'rule', 'notes'], r.instance).toContain(r.read);
      expect([...CLASS_IDS, 'none'], r.instance).toContain(r.expect);
    }
  });

  itNamesEachRow(rows, 'manager.log', (r) => r.program);

  // The new families are read for Go's own tools only: the same managers' words for another
  // language's tool, a stale rehash lock, or the test main's source quoted in a paste, raise no
  // error (the warning-level shim and resemblance fallbacks may still speak; they did before).
  it.each([
    'mise ERROR Tool not installed for shim: node\nMissing tool version: node@20.11.0\nInstall all missing tools with: mise install',
    'mise ERROR node is installed but not activated — it is not in any config file.',
    'mise ERROR node@20.11.0 not installed',
    'mise ERROR cargo:ripgrep@14.1.0 not installed',
    'version 3.12.1 of python is set for the current directory, but it is not installed\nasdf install python 3.12.1',
    'No executable pip found for current version. Please select a different version or install pip manually for the current version',
    'version 20.11.0 is not installed for nodejs',
    "pyenv: version `3.11.4' is not installed (set by /home/dana/src/app/.python-version)",
    'goenv: cannot rehash: /home/dana/.goenv/shims/.goenv-shim exists',
    '\tm := testing.MainStart(testdeps.TestDeps{}, tests, benchmarks, fuzzTargets, examples)',
  ])('%s raises no error', (text) => {
    expect(causesOf(text).filter((c) => c.severity === 'error')).toEqual([]);
  });

  // The go command's "go tool compile: exit status 2" says only that asking the tool for -V=full
  // failed; when the tool crashed there (no thread could be created), that is the cause, and no
  // GOROOT mix-up is claimed.
  it('a tool that crashed answering -V=full is not taken for an older GOROOT', () => {
    const text = 'go tool compile: exit status 2\nruntime: failed to create new OS thread (have 5 already; errno=11)\nruntime: may need to increase max user processes (ulimit -u)\nfatal error: newosproc';
    const causes = causesOf(text);
    expect(causes[0]?.id).toBe('process-limit');
    expect(causes.map((c) => c.id)).not.toContain('env-inheritance');
  });

  // The corpus runner's two forms too (the VS Code channel with the client's connection-closed line
  // appended, and a raw -logfile), through the whole doctor: a manager's words must still come first
  // when the editor also reports that gopls went away, and a fine row must raise no error there.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'manager-messages-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  for (const form of FORMS) {
    it.each(rows.map((r) => [r.instance.split('\n')[0]!.slice(0, 90), r] as const))(`${form}: %s`, async (_title, r) => {
      const causes = await diagnoseText(r.instance, form, scratch);
      if (r.expect === 'none') expect(causes.filter((c) => c.severity === 'error').map((c) => c.id)).toEqual([]);
      else expect(causes[0]?.id).toBe(r.expect);
    });
  }
});
