// The editor settings gopls and the Go extension read, as the CLI finds them: VS Code's user
// settings.json (desktop, Insiders, VSCodium), the machine settings of Remote-SSH and code-server,
// and each workspace's .vscode/settings.json. They are JSONC (comments, trailing commas), parsed
// with jsonc-parser, which also gives each key's line for the evidence. Inside VS Code the
// extension passes the live configuration instead (src/vscode/doctorSession.ts).
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { CAP, readUserFile } from '../host/readUserFile.js';
import type { EditorSettingsSource, GoExtensionManifest } from '../doctor/settings.js';
import { manifestFromPackageJson } from './goExtensionManifest.js';
import { homeDirOf } from '../host/paths.js';

/** Pure: top-level values of a settings.json and the line of each key under "gopls" and "go.*". */
export function parseSettingsJsonc(text: string, source: string): EditorSettingsSource {
  // jsonc-parser recurses per level: a file nested some 6000 deep (any cloned repository's
  // .vscode/settings.json) overflowed the stack and ended the whole run (a tester's). No settings
  // file nests like that; it is reported unread and the run goes on.
  if (nestedDeeperThan(text, MAX_SETTINGS_DEPTH)) return { source, values: {}, error: `nested deeper than ${MAX_SETTINGS_DEPTH} levels: not read` };
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  try {
    tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (e) {
    return { source, values: {}, error: `could not be parsed (${(e as Error).message})` };
  }
  // An empty file (or comments alone) is how VS Code leaves settings.json after "clear all": no settings, no error.
  if (!tree && !stripJsoncComments(text).trim()) return { source, values: {} };
  if (!tree || tree.type !== 'object') return { source, values: {}, error: errors.length ? `not a JSON object (parse error at offset ${errors[0]!.offset})` : 'not a JSON object' };
  const lineOf = lineCounter(text);
  const values: Record<string, unknown> = {};
  const lines: Record<string, number> = {};
  for (const prop of tree.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (!k || !v || typeof k.value !== 'string') continue;
    values[k.value] = valueOf(v);
    if (k.value === 'gopls' || k.value.startsWith('go.')) lines[k.value] = lineOf(k.offset);
    // A go.* object's own keys on their lines ("go.alternateTools": { "gopls": … } written over
    // several): the evidence quoted a child's text at its parent's line (a tester's).
    if (k.value.startsWith('go.') && v.type === 'object')
      for (const sub of v.children ?? []) if (typeof sub.children?.[0]?.value === 'string') lines[`${k.value}\u0000${sub.children[0].value}`] = lineOf(sub.children[0].offset);
    if (k.value === 'gopls' && v.type === 'object')
      for (const sub of v.children ?? []) {
        const sk = sub.children?.[0];
        if (typeof sk?.value !== 'string') continue;
        lines[`gopls\u0000${sk.value}`] = lineOf(sk.offset);
        const inner = findNodeAtLocation(v, [sk.value]);
        if (inner?.type === 'object') for (const leaf of inner.children ?? []) if (typeof leaf.children?.[0]?.value === 'string') lines[`gopls\u0000${sk.value}\u0000${leaf.children[0].value}`] = lineOf(leaf.children[0].offset);
      }
  }
  const first = errors[0];
  if (first) {
    const line = lineOf(first.offset);
    const misplaced = printParseErrorCode(first.error) === 'CloseBraceExpected' ? misplacedKeys(text, tree, first.offset, lineOf) : [];
    return { source, values, lines, syntaxError: { line, code: printParseErrorCode(first.error), text: (text.split('\n')[line - 1] ?? '').trim().slice(0, 200), ...(misplaced.length ? { misplaced } : {}) } };
  }
  return { source, values, lines };
}

/**
 * Pure: the keys a missing `}` moved into a top-level object. An object left open ("gopls": { …
 * with its `}` forgotten) runs on to the file's own closing brace, which the parser takes as the
 * object's; the file then ends with a brace expected. Every key after the forgotten brace is read
 * as the object's own: VS Code's parser (the same jsonc-parser) does the same, so gopls is sent
 * "go.toolsEnvVars" and refuses it, and the Go extension never sees it. Of that object's keys, those
 * set out where a top-level key is (no deeper indented than the object's own key, on a line of
 * their own) or written in a form only a top-level key has ("go.*", "[go]", "gopls") are the moved
 * ones; with neither sign there is nothing to tell them by, and none is named.
 */
export function misplacedKeys(text: string, tree: Node, errorOffset: number, lineOf: (offset: number) => number): Array<{ into: string; key: string; line: number }> {
  const props = tree.children ?? [];
  const last = props.at(-1);
  const [owner, value] = last?.children ?? [];
  if (!owner || !value || value.type !== 'object' || typeof owner.value !== 'string') return [];
  // The open object is the last top-level value and reaches the error: only blanks and comments between.
  if (stripJsoncComments(text.slice(value.offset + value.length, errorOffset)).trim()) return [];
  const columnOf = (offset: number) => {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    const lead = text.slice(start, offset);
    return /^[ \t]*$/.test(lead) ? lead.replace(/\t/g, '    ').length : undefined;
  };
  const ownerColumn = columnOf(owner.offset);
  const out: Array<{ into: string; key: string; line: number }> = [];
  for (const p of value.children ?? []) {
    const k = p.children?.[0];
    if (typeof k?.value !== 'string') continue;
    const col = columnOf(k.offset);
    const atTopIndent = ownerColumn !== undefined && col !== undefined && col <= ownerColumn;
    if (atTopIndent || /^(go\.|\[.+\]$|gopls$)/.test(k.value)) out.push({ into: owner.value, key: k.value, line: lineOf(k.offset) });
  }
  return out;
}

/** Pure: the text without its line and block comments (strings kept), to tell an empty file from a broken one. */
function stripJsoncComments(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m) => (m.startsWith('"') ? m : ''));
}

/** Far deeper than any settings file nests, far shallower than what overflows the parser (~6000). */
export const MAX_SETTINGS_DEPTH = 256;

/**
 * Pure: does JSONC text open more than `limit` arrays or objects inside each other? Brackets in
 * strings and comments do not count; a scan, no recursion, stopping as soon as it knows.
 */
export function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92 /* \ */) i++;
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth = Math.max(0, depth - 1);
    }
  }
  return false;
}

function valueOf(n: Node): unknown {
  switch (n.type) {
    case 'object':
      return Object.fromEntries((n.children ?? []).flatMap((p) => (p.children?.length === 2 && typeof p.children[0]!.value === 'string' ? [[p.children[0]!.value as string, valueOf(p.children[1]!)]] : [])));
    case 'array':
      return (n.children ?? []).map(valueOf);
    default:
      return n.value;
  }
}

function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Where VS Code and its remote and browser variants keep user and machine settings on Linux. */
export function userSettingsFiles(env: NodeJS.ProcessEnv): string[] {
  const home = homeDirOf(env);
  const config = env.XDG_CONFIG_HOME || (home && path.join(home, '.config'));
  const data = env.XDG_DATA_HOME || (home && path.join(home, '.local', 'share'));
  return [
    ...(config ? ['Code', 'Code - Insiders', 'VSCodium', 'Code - OSS'].map((d) => path.join(config, d, 'User', 'settings.json')) : []),
    ...(home ? [path.join(home, '.vscode-server', 'data', 'Machine', 'settings.json'), path.join(home, '.vscode-server-insiders', 'data', 'Machine', 'settings.json')] : []),
    ...(data ? [path.join(data, 'code-server', 'User', 'settings.json'), path.join(data, 'code-server', 'Machine', 'settings.json')] : []),
  ];
}

/** Every settings file that exists, user ones first, then each workspace's. */
export async function readEditorSettings(env: NodeJS.ProcessEnv, workspaces: readonly string[]): Promise<EditorSettingsSource[]> {
  const files = [...userSettingsFiles(env), ...workspaces.map((w) => path.join(w, '.vscode', 'settings.json'))];
  const out: EditorSettingsSource[] = [];
  for (const f of files) {
    const r = await readUserFile(f, CAP.smallConfig);
    if (r.ok) out.push(parseSettingsJsonc(r.text, f));
  }
  return out;
}

/** The newest installed golang.go extension's settings schema (its package.json), where VS Code variants install extensions. */
export async function findGoExtensionManifest(env: NodeJS.ProcessEnv): Promise<GoExtensionManifest | undefined> {
  const home = homeDirOf(env);
  const data = env.XDG_DATA_HOME || (home && path.join(home, '.local', 'share'));
  const roots = [...(home ? [path.join(home, '.vscode', 'extensions'), path.join(home, '.vscode-server', 'extensions'), path.join(home, '.vscode-insiders', 'extensions')] : []), ...(data ? [path.join(data, 'code-server', 'extensions')] : [])];
  const found: Array<{ dir: string; version: number[] }> = [];
  for (const r of roots) {
    const names = await fs.readdir(r).catch(() => [] as string[]);
    for (const n of names) {
      const m = /^golang\.go-(\d+)\.(\d+)\.(\d+)/.exec(n);
      if (m) found.push({ dir: path.join(r, n), version: [Number(m[1]), Number(m[2]), Number(m[3])] });
    }
  }
  found.sort((a, b) => b.version[0]! - a.version[0]! || b.version[1]! - a.version[1]! || b.version[2]! - a.version[2]!);
  for (const f of found) {
    const r = await readUserFile(path.join(f.dir, 'package.json'), 4 * CAP.smallConfig);
    if (!r.ok) continue;
    const m = manifestFromPackageJson(r.text, path.join(f.dir, 'package.json'));
    if (m) return m;
  }
  return undefined;
}
