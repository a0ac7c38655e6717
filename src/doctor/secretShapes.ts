// Token shapes from a maintained rule set: secretlint's recommended preset (AWS, GCP, GitHub, npm,
// Slack, SendGrid, Shopify, OpenAI, Linear, 1Password, basic-auth URLs, private keys). It is
// async, so it runs once over all of a report's strings at the end of a run, after the
// synchronous rules of redact.ts.
import { lintSource } from '@secretlint/core';
import { rules } from '@secretlint/secretlint-rule-preset-recommend';
import { makeRedactor, redactDeep } from './redact.js';

const MASK = '***';
// Strings are joined for one lint; no token shape spans this separator.
const SEP = '\n\u0000\n';

// filter-comments obeys "secretlint-disable" comments in the linted text: a hostile log line could
// switch detection off for everything after it.
const RULES = rules.filter((r) => !r.meta.id.endsWith('/secretlint-rule-filter-comments')).map((rule) => ({ id: rule.meta.id, rule }));

/** Each string with every secret secretlint finds in it replaced by `***`. */
export async function maskSecretShapes(texts: readonly string[]): Promise<string[]> {
  if (!texts.length) return [];
  const content = texts.join(SEP);
  const result = await lintSource({
    source: { content, filePath: 'report.txt', ext: '.txt', contentType: 'text' },
    options: { config: { rules: RULES }, noPhysicFilePath: true },
  });
  if (!result.messages.length) return [...texts];
  // Back from the joined text to each string: offsets of each string's start.
  const starts: number[] = [];
  let at = 0;
  for (const t of texts) {
    starts.push(at);
    at += t.length + SEP.length;
  }
  const ranges = texts.map(() => [] as Array<[number, number]>);
  for (const m of result.messages) {
    const [from, to] = m.range;
    for (let i = 0; i < texts.length; i++) {
      const s = starts[i]!;
      const e = s + texts[i]!.length;
      if (to > s && from < e) ranges[i]!.push([Math.max(from, s) - s, Math.min(to, e) - s]);
    }
  }
  return texts.map((t, i) => {
    // Overlapping findings merge into one mask; applied right to left so offsets hold.
    const merged: Array<[number, number]> = [];
    for (const r of ranges[i]!.sort((a, b) => a[0] - b[0])) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    let out = t;
    for (const [from, to] of merged.reverse()) out = out.slice(0, from) + MASK + out.slice(to);
    return out;
  });
}

/** Applies maskSecretShapes to every string inside a JSON-like value, keys included. */
export async function maskSecretShapesDeep<T>(value: T): Promise<T> {
  const strings = new Set<string>();
  const collect = (v: unknown): void => {
    if (typeof v === 'string') strings.add(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        strings.add(k);
        collect(x);
      }
  };
  collect(value);
  const list = [...strings];
  const masked = await maskSecretShapes(list);
  const map = new Map(list.map((s, i) => [s, masked[i]!]));
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return map.get(v) ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [map.get(k) ?? k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/**
 * The one redaction of everything that leaves the doctor (a report, a crash verdict): secret
 * values of these environments and the patterns of redact.ts, then secretlint's token shapes.
 */
export async function redactAll<T>(value: T, ...envs: Array<Record<string, string | undefined> | undefined>): Promise<T> {
  return maskSecretShapesDeep(redactDeep(value, makeRedactor(...envs)));
}
