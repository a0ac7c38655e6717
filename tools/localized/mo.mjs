// GNU gettext's compiled catalogs (.mo), read for the generators here, and what both generators share.
import fs from 'node:fs';

/** The languages both tables are generated for. */
export const LANGS = ['de', 'fr', 'es', 'it', 'pt_BR', 'pt', 'ru', 'uk', 'pl', 'cs', 'nl', 'tr', 'zh_CN', 'zh_TW', 'ja', 'ko'];

/** Letters of a phrase, not counting spaces and punctuation. */
export const letters = (p) => [...p].filter((c) => /\p{L}/u.test(c)).length;

/** A .mo file's msgid → msgstr (GNU gettext's format: little- or big-endian, tables of [length, offset]). */
export function readMo(file) {
  const b = fs.readFileSync(file);
  const magic = b.readUInt32LE(0);
  const le = magic === 0x950412de;
  if (!le && b.readUInt32BE(0) !== 0x950412de) throw new Error(`${file}: not a .mo file`);
  const u32 = (o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const n = u32(8), orig = u32(12), trans = u32(16);
  const str = (t, i) => b.subarray(u32(t + 8 * i + 4), u32(t + 8 * i + 4) + u32(t + 8 * i)).toString('utf8');
  const out = new Map();
  for (let i = 0; i < n; i++) {
    // A plural entry's msgid is "one\0other": the singular is the key; msgctxt entries are skipped.
    const id = str(orig, i);
    if (id.includes('\u0004')) continue;
    out.set(id.split('\0')[0], str(trans, i).split('\0')[0]);
  }
  return out;
}
