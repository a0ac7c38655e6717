// The locale-messages catalog (test/fixtures/locale-messages.jsonl, lane locale): C programs'
// messages as a desktop in another language prints them (glibc's strerror/strsignal, bash's own
// format strings), each row citing the translators' po file its msgstr is in, with an instance
// written for the catalog (names and paths its own) and the class its English original gets.
// Failure rows must name their class first in a raw log, by a rule; fine rows (a localized date,
// the user's own sentence holding the same words) must raise no warning or error.
// test/fixtures/locale-messages.md says how it was built.
import { describe, expect, it } from 'vitest';
import { itNamesEachRow, rankedCauses, readCatalog, type CatalogRow } from '../../support/catalog.js';
import { inEnglish } from '../../../src/goplsLog/localized.js';

interface Row extends CatalogRow {
  id: string;
  lang: string;
  program: string;
}

const rows = readCatalog<Row>('locale-messages');

describe('the locale-messages catalog', () => {
  it('is a catalog: the languages asked, each row citing the po file (or, for coreutils, the Translation Project) its msgstr is in', () => {
    const langs = new Set(rows.filter((r) => r.expect !== 'none').map((r) => r.lang));
    for (const l of ['de', 'fr', 'es', 'it', 'pt_BR', 'ru', 'zh_CN', 'zh_TW', 'ja', 'ko', 'pl', 'nl', 'tr', 'uk', 'cs']) expect(langs, l).toContain(l);
    expect(rows.filter((r) => r.expect === 'none').length).toBeGreaterThanOrEqual(4);
    for (const r of rows) {
      // coreutils keeps no po files in git: its translations are the Translation Project's.
      expect(r.source, r.id).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/blob\/|^https:\/\/translationproject\.org\/domain\/coreutils\.html$/);
      expect(r.format, r.id).toMatch(/^msgid "[^"]+" msgstr "[^"]+"$|^date \(LC_TIME|^the user|^a sentence/);
      expect(r.read, r.id).toBe('source');
    }
  });

  it('every failure row holds a phrase the table reads (the msgstr of its format)', () => {
    for (const r of rows.filter((x) => x.expect !== 'none')) expect(inEnglish(r.instance), r.id).toBeDefined();
  });

  it('every failure row gets the class its English original gets', () => {
    for (const r of rows.filter((x) => x.expect !== 'none')) expect(rankedCauses(inEnglish(r.instance)!, 'gopls.log')[0]?.id, r.id).toBe(r.expect);
  });

  itNamesEachRow(rows, 'gopls.log', (r) => `${r.id} ${r.lang}`, 60);
});
