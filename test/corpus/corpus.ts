// The real-report corpus (test/fixtures/corpus/items/*.jsonl) run through the real engine: each
// text becomes a log file in two forms, the gopls-logs probe alone reads it in runDoctor (no other
// probe, a fixture host, no live machine reads), and the ranked causes are scored against the
// label. Used by `npm run test:corpus` (the table) and by corpus.test.ts (the floor in npm test).
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLASS_IDS, type Cause, type ClassId } from '../../src/doctor/model.js';
import { runDoctor } from '../../src/engine/pipeline.js';
import { Host } from '../../src/host/host.js';
import { goplsLogsProbe } from '../../src/probes/goplsLogs.js';

/** Relative to the repository root, where npm and vitest run. */
export const CORPUS_DIR = path.resolve('test/fixtures/corpus/items');

export const LABELS = [...CLASS_IDS, 'negative'] as const;
export type Label = (typeof LABELS)[number];
export const SPLITS = ['tuning', 'test'] as const;
export type Split = (typeof SPLITS)[number];
const TEXT_FORMS = ['gopls-log', 'vscode-output', 'go-command', 'kernel', 'shell', 'other'] as const;

export interface CorpusItem {
  id: string;
  url: string;
  repo: string;
  issue: number;
  label: Label;
  text: string;
  why: string;
  form: (typeof TEXT_FORMS)[number];
  split: Split;
  /** Where it was read from, "file:line". */
  at: string;
}

/** corpus.md's rule, decided per issue before any rule was written. */
export function splitOf(repo: string, issue: number): Split {
  return createHash('sha256').update(`${repo}#${issue}`).digest()[0]! % 2 === 0 ? 'tuning' : 'test';
}

export interface LoadedCorpus {
  items: CorpusItem[];
  /** Every malformed line, duplicate id or wrong split, as "file:line: what". */
  errors: string[];
}

export function loadCorpus(dir = CORPUS_DIR): LoadedCorpus {
  const items: CorpusItem[] = [];
  const errors: string[] = [];
  const seen = new Map<string, string>();
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  } catch (e) {
    return { items, errors: [`${dir}: ${(e as Error).message}`] };
  }
  for (const file of files) {
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
    lines.forEach((raw, i) => {
      if (!raw.trim()) return;
      const at = `${file}:${i + 1}`;
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(raw) as Record<string, unknown>;
      } catch (e) {
        errors.push(`${at}: not JSON (${(e as Error).message})`);
        return;
      }
      const bad = itemProblems(o, file);
      if (bad.length) {
        errors.push(...bad.map((b) => `${at}: ${typeof o.id === 'string' ? o.id + ': ' : ''}${b}`));
        return;
      }
      const item = { ...(o as unknown as CorpusItem), at };
      const dup = seen.get(item.id);
      if (dup) errors.push(`${at}: id ${item.id} also at ${dup}`);
      seen.set(item.id, at);
      items.push(item);
    });
  }
  return { items, errors };
}

function itemProblems(o: Record<string, unknown>, file: string): string[] {
  const p: string[] = [];
  const str = (k: string) => typeof o[k] === 'string' && (o[k] as string).length > 0;
  for (const k of ['id', 'url', 'repo', 'text', 'why']) if (!str(k)) p.push(`${k} missing or empty`);
  if (!Number.isInteger(o.issue) || (o.issue as number) <= 0) p.push('issue is not a positive integer');
  if (!LABELS.includes(o.label as Label)) p.push(`label ${JSON.stringify(o.label)} is not a class id or "negative"`);
  if (!TEXT_FORMS.includes(o.form as (typeof TEXT_FORMS)[number])) p.push(`form ${JSON.stringify(o.form)} is not one of ${TEXT_FORMS.join('|')}`);
  if (!SPLITS.includes(o.split as Split)) p.push(`split ${JSON.stringify(o.split)} is not tuning|test`);
  if (p.length) return p;
  const want = splitOf(o.repo as string, o.issue as number);
  if (o.split !== want) p.push(`split is ${String(o.split)} but sha256("${String(o.repo)}#${String(o.issue)}") says ${want}`);
  if (!(o.id as string).startsWith(`${String(o.repo)}#${String(o.issue)}.`)) p.push(`id does not start with "${String(o.repo)}#${String(o.issue)}."`);
  const fileLabel = file.split('.')[0];
  if (fileLabel !== o.label) p.push(`label ${String(o.label)} in a file for ${fileLabel}`);
  return p;
}

// --- the two log forms -------------------------------------------------------------------

export const FORMS = ['vscode', 'logfile'] as const;
export type LogForm = (typeof FORMS)[number];

/**
 * vscode-languageclient 9's words when the server's connection drops and it restarts it
 * (client.js handleConnectionClosed → this.info(...)), as its logOutputMessage writes them:
 * `[${name.padEnd(5)} - ${new Date().toLocaleTimeString()}] ${message}`.
 */
export const CONNECTION_CLOSED_LINE = '[Info  - 10:15:12 AM] Connection to server got closed. Server will restart.';

/**
 * (a) The Go extension's "gopls (server)" channel as VS Code persists a plain output channel
 * (output_logging_<ts>/<N>-gopls (server).log): the text as appended — gopls's stderr and the
 * client's own lines — then the client's connection-closed line. (b) A raw `gopls -logfile`: the
 * text alone, nothing the client adds.
 */
export function asLogFile(text: string, form: LogForm): { name: string; content: string } {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return form === 'vscode' ? { name: path.join('output_logging_20261201T101500', '1-gopls (server).log'), content: `${body}${CONNECTION_CLOSED_LINE}\n` } : { name: 'gopls.log', content: body };
}

/** A host with an empty root and no way to spawn: the probe can only read the log it is given. */
function inertHost(root: string): Host {
  return new Host({
    root,
    exec: () => Promise.reject(new Error('the corpus runner runs nothing')),
  });
}

/** The ranked causes the engine gives for one text in one form. */
export async function diagnoseText(text: string, form: LogForm, scratch: string): Promise<Cause[]> {
  const f = asLogFile(text, form);
  const dir = mkdtempSync(path.join(scratch, 'item-'));
  try {
    const file = path.join(dir, f.name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, f.content);
    const root = path.join(dir, 'root');
    mkdirSync(root);
    const report = await runDoctor({ host: inertHost(root), probes: [goplsLogsProbe], workspaces: [], goplsLogs: [file], env: {}, settings: {}, timeoutMs: 20_000 });
    return report.causes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The texts of `items` read right bare in the raw -logfile form, for the guards that change a text
 * and expect the same reading (wrappings.test.ts, substitutions.test.ts): positives read right by a
 * rule, a named mechanism or a crash (a text read only because the word model's table holds it nearly
 * verbatim is diluted by any change and says nothing about it), and negatives that get no cause at
 * all and pass `keepNegative`.
 */
export async function readRightBare(items: readonly CorpusItem[], keepNegative: (item: CorpusItem) => boolean = () => true): Promise<CorpusItem[]> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'ged-bare-'));
  const out: CorpusItem[] = [];
  try {
    for (const item of items) {
      const causes = await diagnoseText(item.text, 'logfile', scratch);
      const r = score(item, 'logfile', causes);
      if (item.label === 'negative' ? r.top === undefined && keepNegative(item) : r.ok && !causes[0]!.findings.some((f) => f.headline === 'resembles-reports')) out.push(item);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return out;
}

// --- scoring -----------------------------------------------------------------------------

export interface ItemResult {
  id: string;
  label: Label;
  split: Split;
  form: LogForm;
  /** causes[0].id when it is at least a warning; an info-only top cause names nothing. */
  top?: ClassId;
  /** Positives: top is the label. Negatives: no error-severity cause. */
  ok: boolean;
  errorClasses: ClassId[];
  /** Where the label stands among the warning-or-error causes (0 = first), if at all. */
  labelAt?: number;
}

export function score(item: Pick<CorpusItem, 'id' | 'label' | 'split'>, form: LogForm, causes: readonly Cause[]): ItemResult {
  const first = causes[0];
  const top = first && first.severity !== 'info' ? first.id : undefined;
  const errorClasses = causes.filter((c) => c.severity === 'error').map((c) => c.id);
  const ok = item.label === 'negative' ? errorClasses.length === 0 : top === item.label;
  const at = causes.findIndex((c) => c.id === item.label && c.severity !== 'info');
  return { id: item.id, label: item.label, split: item.split, form, ...(top ? { top } : {}), ok, errorClasses, ...(at >= 0 ? { labelAt: at } : {}) };
}

export async function measure(items: readonly CorpusItem[], forms: readonly LogForm[] = FORMS): Promise<ItemResult[]> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'ged-corpus-'));
  const out: ItemResult[] = [];
  try {
    for (const item of items) {
      for (const form of forms) out.push(score(item, form, await diagnoseText(item.text, form, scratch)));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return out;
}

export interface Cell {
  n: number;
  ok: number;
}

export interface Summary {
  byLabel: Record<string, Record<LogForm, Cell>>;
  /** Positives only: top-1 accuracy. */
  positives: Record<LogForm, Cell>;
  /** Negatives only: share with no error-severity cause. */
  negatives: Record<LogForm, Cell>;
  /** Every item: positives right at top-1 and negatives without an error. */
  all: Record<LogForm, Cell>;
  /**
   * Misses by what came first instead (a confusion table: label → form → top class, or
   * "(nothing)"; for a negative, its first error class). Counts only, never ids or texts.
   */
  missedAs: Record<string, Record<LogForm, Record<string, number>>>;
  /**
   * How much a positive's miss costs the user, beside top-1 (positives only): the label among the
   * first two causes; nothing named at all (the report lists the unclassified lines and the
   * checks); or a wrong class named as an error first, the one miss that sends a user confidently
   * down the wrong road.
   */
  positivesTop2: Record<LogForm, Cell>;
  positivesNothing: Record<LogForm, Cell>;
  positivesWrongError: Record<LogForm, Cell>;
}

export function summarize(results: readonly ItemResult[]): Summary {
  const cell = (): Record<LogForm, Cell> => ({ vscode: { n: 0, ok: 0 }, logfile: { n: 0, ok: 0 } });
  const s: Summary = { byLabel: {}, positives: cell(), negatives: cell(), all: cell(), missedAs: {}, positivesTop2: cell(), positivesNothing: cell(), positivesWrongError: cell() };
  for (const r of results) {
    if (r.label !== 'negative') {
      const kinds: Array<[Record<LogForm, Cell>, boolean]> = [
        [s.positivesTop2, r.labelAt !== undefined && r.labelAt <= 1],
        [s.positivesNothing, r.top === undefined],
        [s.positivesWrongError, r.top !== undefined && r.top !== r.label && r.errorClasses.includes(r.top)],
      ];
      for (const [c, yes] of kinds) {
        c[r.form].n++;
        if (yes) c[r.form].ok++;
      }
    }
    if (!r.ok) {
      const got = r.label === 'negative' ? `error: ${r.errorClasses[0]}` : `${r.top ?? '(nothing)'}${r.labelAt !== undefined && r.labelAt > 0 ? ` (label #${r.labelAt + 1})` : ''}`;
      const row = (s.missedAs[r.label] ??= { vscode: {}, logfile: {} })[r.form];
      row[got] = (row[got] ?? 0) + 1;
    }
    const rows = [(s.byLabel[r.label] ??= cell()), r.label === 'negative' ? s.negatives : s.positives, s.all];
    for (const row of rows) {
      row[r.form].n++;
      if (r.ok) row[r.form].ok++;
    }
  }
  return s;
}

export const pct = (c: Cell): number => (c.n ? (100 * c.ok) / c.n : NaN);

const fmt = (c: Cell | undefined) => (c && c.n ? `${pct(c).toFixed(0).padStart(3)}% (${c.ok}/${c.n})` : '—');

/** The Markdown table the runner prints and the README carries. */
export function formatTable(s: Summary): string {
  const rows: string[] = ['| class | items | VS Code channel form | raw -logfile form |', '|---|---:|---:|---:|'];
  for (const l of LABELS) {
    const c = s.byLabel[l];
    if (!c) continue;
    rows.push(`| ${l === 'negative' ? 'negative (no error cause)' : l} | ${c.vscode.n || c.logfile.n} | ${fmt(c.vscode)} | ${fmt(c.logfile)} |`);
  }
  rows.push(`| **all positives, top-1** | ${s.positives.vscode.n || s.positives.logfile.n} | ${fmt(s.positives.vscode)} | ${fmt(s.positives.logfile)} |`);
  rows.push(`| **negatives, no error** | ${s.negatives.vscode.n || s.negatives.logfile.n} | ${fmt(s.negatives.vscode)} | ${fmt(s.negatives.logfile)} |`);
  rows.push(`| **overall** | ${s.all.vscode.n || s.all.logfile.n} | ${fmt(s.all.vscode)} | ${fmt(s.all.logfile)} |`);
  return rows.join('\n');
}

/**
 * Beside top-1, what the positives' misses cost (Summary.positivesTop2 and the rest): three lines,
 * each with both forms, counts and shares only.
 */
export function formatMissKinds(s: Summary): string {
  const line = (what: string, c: Record<LogForm, Cell>) => `  ${what}: ${fmt(c.vscode).trim()} VS Code form, ${fmt(c.logfile).trim()} -logfile form`;
  return [
    line('the label among the first two causes (top-2)', s.positivesTop2),
    line('nothing named (no warning or error cause)', s.positivesNothing),
    line('a wrong class named first, as an error', s.positivesWrongError),
  ].join('\n');
}

/** The misses' confusion, one line per label and form: "gopls-launch logfile: 9 (nothing), 2 env-inheritance". */
export function formatMissedAs(s: Summary): string {
  const out: string[] = [];
  for (const l of LABELS) {
    const m = s.missedAs[l];
    if (!m) continue;
    for (const f of FORMS) {
      const row = Object.entries(m[f]).sort((a, b) => b[1] - a[1]);
      if (row.length) out.push(`  ${l} ${f}: ${row.map(([k, n]) => `${n} ${k}`).join(', ')}`);
    }
  }
  return out.join('\n');
}
