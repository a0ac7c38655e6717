// The runtime-messages catalog (test/fixtures/runtime-messages.jsonl, lane limits): how each
// program that runs, refuses or kills a program says so, enumerated from that program's own source
// (the `source` field names the repository and file), with a realistic instance written for the
// catalog (paths, pids and numbers are its own, not any corpus text's) and the class the taxonomy
// gives it. An instance whose line does not name the mechanism is expected as a warning-level
// symptom; `negative` rows (a non-blocking EAGAIN, a cancellation, the user's own exit) must name
// no error at all. Each instance is read in both corpus forms: as a raw gopls -logfile, and as the
// Go extension's channel with the client's connection-closed line after it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocationSize, analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { CLASS_IDS, FindingSchema } from '../../../src/doctor/model.js';

interface Row {
  id: string;
  program: string;
  source: string;
  format: string;
  instance: string;
  class: (typeof CLASS_IDS)[number] | 'negative';
  severity?: 'error' | 'warning';
  note?: string;
}

const CATALOG = path.resolve('test/fixtures/runtime-messages.jsonl');
const rows: Row[] = readFileSync(CATALOG, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);

const CLOSED = '[Info  - 10:15:12 AM] Connection to server got closed. Server will restart.';
const ranked = (text: string) =>
  rankCauses(findingsOf('gopls.log', analyzeText(`${text}\n`)).map((f) => FindingSchema.parse(f))).filter((c) => c.severity !== 'info');
const forms = (r: Row) => [
  ['logfile', r.instance],
  ['channel', `${r.instance}\n${CLOSED}`],
] as const;

describe('the runtime-messages catalog', () => {
  it('is well formed: every row names its program, source, format and a known class', () => {
    expect(rows.length).toBeGreaterThanOrEqual(100);
    const ids = new Set<string>();
    for (const r of rows) {
      expect(r.id).toMatch(/^rt\d{3}$/);
      expect(ids.has(r.id)).toBe(false);
      ids.add(r.id);
      expect(r.program && r.source && r.format && r.instance).toBeTruthy();
      expect([...CLASS_IDS, 'negative']).toContain(r.class);
    }
    // Every family of the lane is there, with negatives beside it.
    for (const c of ['noexec-mount', 'mac-policy', 'memory-limit', 'process-limit', 'negative'] as const) {
      expect(rows.filter((r) => r.class === c).length).toBeGreaterThanOrEqual(10);
    }
  });

  describe.each(rows.filter((r) => r.class !== 'negative'))('$id $program: $format', (r) => {
    it.each(forms(r))('%s form puts its class first', (_form, text) => {
      const top = ranked(text)[0];
      expect(top?.id).toBe(r.class);
      if (r.severity) expect(top?.severity).toBe(r.severity);
    });
  });

  describe.each(rows.filter((r) => r.class === 'negative'))('$id $program (negative): $format', (r) => {
    it.each(forms(r))('%s form names no error', (_form, text) => {
      expect(ranked(text).filter((c) => c.severity === 'error').map((c) => c.id)).toEqual([]);
    });
  });
});

// os_linux.go newosproc prints the clone's errno and then throws "fatal error: newosproc" whatever
// it was. EINVAL (22) is what qemu-user gives a Go binary emulated for another architecture: no
// limit, so neither the throw nor the words of the errno line may blame one.
describe('newosproc after a clone refused', () => {
  const qemu = 'runtime: failed to create new OS thread (have 2 already; errno=22)\nfatal error: newosproc';
  const eagain = 'runtime: failed to create new OS thread (have 11 already; errno=11)\nruntime: may need to increase max user processes (ulimit -u)\nfatal error: newosproc';
  it.each([
    ['logfile', qemu],
    ['channel', `${qemu}\n${CLOSED}`],
  ])('with EINVAL (%s form) names no process or thread limit at any level', (_form, text) => {
    expect(ranked(text).map((c) => c.id)).not.toContain('process-limit');
  });
  it('with EAGAIN names the limit as an error', () => {
    expect(ranked(eagain)[0]).toMatchObject({ id: 'process-limit', severity: 'error' });
  });
});

describe('out of memory after an allocation no machine could grant: the program, not a limit', () => {
  // Sizes as the runtime prints them (runtime/mheap.go, tracebacks of mallocgc and sysMap), other
  // values and programs than the corpus's: a length read from corrupt input asks for 96 GiB or 2 TiB.
  it.each([
    ['runtime.mallocgc(0x1800000000, 0x4a5b20, 0x1)', 0x1800000000],
    ['runtime.mallocgc(0x20, 0x0?, 0x0?)', 0x20],
    ['runtime.sysMapOS(0xc000800000, 0x20000000000?)', 0x20000000000],
    ['runtime.sysMap(0xc000400000, 0x4000000, 0x5a1f58)', 0x4000000],
    ['runtime.(*mheap).sysAlloc(0x1a00000000, 0x0?, 0x7f3c2a1f0000?)', 0x1a00000000],
    ['runtime: out of memory: cannot allocate 103079215104-byte block (1048576 in use)', 103079215104],
    ['main.decode(0x1800000000)', undefined],
    ['goroutine 1 [running]:', undefined],
  ] as const)('%s asks for %s bytes', (line, size) => {
    expect(allocationSize(line)).toBe(size);
  });

  const trace = (frame: string) => `fatal error: runtime: out of memory\n\ngoroutine 1 [running]:\n${frame}\n\truntime/malloc.go:1129 +0x5c\nmain.readRecords(...)\n\t/src/app/records.go:41\n`;
  it('a 96 GiB request in the frames below takes the reading back: no memory-limit cause', () => {
    expect(ranked(trace('runtime.mallocgc(0x1800000000, 0x4a5b20, 0x1)')).map((c) => c.id)).not.toContain('memory-limit');
    expect(ranked('runtime: out of memory: cannot allocate 103079215104-byte block (1048576 in use)\nfatal error: out of memory\n').map((c) => c.id)).not.toContain('memory-limit');
  });
  // Still only what the program saw: memory first, as a symptom, until a probe finds the limit.
  it('an ordinary request (64 MiB, a 4 MiB block), or a huge one too far below, stays memory-limit first', () => {
    expect(ranked(trace('runtime.mallocgc(0x4000000, 0x4a5b20, 0x1)'))[0]).toMatchObject({ id: 'memory-limit', severity: 'warning' });
    expect(ranked('runtime: out of memory: cannot allocate 4194304-byte block (3221225472 in use)\nfatal error: out of memory\n')[0]).toMatchObject({ id: 'memory-limit', severity: 'warning' });
    const far = `fatal error: runtime: out of memory\n${'\tsome/frame.go:1\n'.repeat(14)}runtime.mallocgc(0x1800000000, 0x0, 0x1)\n`;
    expect(ranked(far)[0]).toMatchObject({ id: 'memory-limit', severity: 'warning' });
  });
});
