// The catalog of the Go toolchain's own words (test/fixtures/go-messages.jsonl, written from the
// sources of cmd/go, gopls, vscode-go, cgo and Delve, see go-messages.md): every instance, in both
// corpus forms, through the same engine the corpus runner uses. A positive must come first as its
// class; a fine state ("go: downloading …", "go: added …", a compile error) must name no error.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLASS_IDS, type ClassId } from '../../../src/doctor/model.js';
import { diagnoseText, FORMS } from '../../corpus/corpus.js';

interface Entry {
  program: string;
  source: string;
  format: string;
  instance: string;
  class: ClassId | 'negative';
  note?: string;
}

const FILE = path.resolve('test/fixtures/go-messages.jsonl');
const ENTRIES: Entry[] = readFileSync(FILE, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Entry);

const scratch = mkdtempSync(path.join(os.tmpdir(), 'go-messages-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the Go toolchain\'s own words (go-messages.jsonl)', () => {
  it('is well-formed: a known class, a source, a format and an instance on every line', () => {
    expect(ENTRIES.length).toBeGreaterThan(150);
    for (const e of ENTRIES) {
      expect([...CLASS_IDS, 'negative']).toContain(e.class);
      expect(e.program && e.source && e.format && e.instance).toBeTruthy();
    }
    expect(ENTRIES.filter((e) => e.class === 'negative').length).toBeGreaterThanOrEqual(15);
  });

  for (const form of FORMS) {
    it.each(ENTRIES.map((e) => [e.instance.split('\n')[0]!.slice(0, 90), e] as const))(`${form}: %s`, async (_title, e) => {
      const causes = await diagnoseText(e.instance, form, scratch);
      if (e.class === 'negative') {
        expect(causes.filter((c) => c.severity === 'error').map((c) => c.id)).toEqual([]);
      } else {
        const first = causes[0];
        expect(first && first.severity !== 'info' ? first.id : undefined).toBe(e.class);
      }
    });
  }
});
