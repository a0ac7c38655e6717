// The container-messages catalog (test/fixtures/container-messages.jsonl) is the spec for how the
// doctor reads what container runtimes and Linux security layers print when they refuse, kill or
// limit a Go tool (issue 11): runc, containerd, dockerd and the docker CLI, podman and go-selinux,
// kubelet, the kernel's OOM killer, pids controller and audit records, setroubleshoot,
// bubblewrap, snap-confine and CI runners. Each row is a format string read in the printing
// program's own source (the file it cites), with an instance as users paste it
// (test/fixtures/container-messages.md says how it was built and what each field means). Rows that
// say something was refused, killed or limited must name their class first in a raw log, by a
// rule; rows of ordinary runtime chatter (a container started, exited 0, an image pulled, a
// normal stop) must raise no warning or error at all.
import { describe, expect, it } from 'vitest';
import { itNamesEachRow, readCatalog, type CatalogRow } from '../../support/catalog.js';

interface Row extends CatalogRow {
  program: string;
}

const rows = readCatalog<Row>('container-messages');

const failures = rows.filter((r) => r.expect !== 'none');
const fine = rows.filter((r) => r.expect === 'none');
const CLASSES = ['memory-limit', 'process-limit', 'noexec-mount', 'fs-access', 'mac-policy'];

describe('the container-messages catalog', () => {
  it('is a catalog: many programs, each row citing the upstream file its format is in', () => {
    expect(new Set(rows.map((r) => r.source.split('/blob/')[0])).size).toBeGreaterThanOrEqual(15);
    expect(failures.length).toBeGreaterThanOrEqual(60);
    expect(fine.length).toBeGreaterThanOrEqual(20);
    for (const r of rows) {
      expect(r.source, r.instance).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/blob\/[0-9a-f]{40}\//);
      expect(r.format.length, r.instance).toBeGreaterThan(10);
      expect(['source', 'rule', 'notes'], r.instance).toContain(r.read);
      expect([...CLASSES, 'none'], r.instance).toContain(r.expect);
    }
  });

  itNamesEachRow(rows, 'container.log', (r) => r.program, 120);
});
