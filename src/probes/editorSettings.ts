// Settings that do nothing (issue 10 item 8): keys under "gopls" checked against what the gopls in
// use documents (`gopls api-json`: its settings, analyzers, code lenses and inlay hints), and
// "go.*" keys against the Go extension's own declared settings when its package.json is at hand.
// A setting gopls marks deprecated is reported with gopls's own replacement text; one it does not
// document is ignored by gopls unless it is an internal option, so a near miss of a documented name
// (a typo, wrong case) is a warning and any other unknown name an info.
import { wrongSettingType } from './goplsSettingTypes.js';
import { closest, distance } from 'fastest-levenshtein';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { EditorSettingsSource, GoExtensionManifest } from '../doctor/settings.js';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { skipped } from './probe.js';
import { readGoplsApi, type GoplsApi } from '../facts/goplsApi.js';
import { findGoExtensionManifest } from '../facts/editorSettings.js';
import { resolveSettingPath } from '../facts/goSettings.js';
import { isExecutableFile } from '../facts/lookPath.js';
import { alternateToolFix, GOPLS_SETTINGS_DOCS, settingFix } from '../fixes/catalog.js';
import { octalMode } from '../host/fileMode.js';
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';

const GO_SETTINGS_DOCS: Fix = { id: 'vscode-go-settings-docs', kind: 'link', title: "The Go extension's settings", url: 'https://github.com/golang/vscode-go/blob/master/docs/settings.md' };
/** The keys whose value is a map of names gopls knows from another list of api-json. */
const NAMED_MAPS: Record<string, 'analyzers' | 'lenses' | 'hints'> = { analyses: 'analyzers', codelenses: 'lenses', codelens: 'lenses', hints: 'hints' };

export interface SettingsFindingsInput {
  sources: readonly EditorSettingsSource[];
  api?: GoplsApi;
  /** "gopls v0.23.0", for the messages. */
  gopls: string;
  apiSource: string;
  manifest?: GoExtensionManifest;
  /** The gopls settings the doctor's own gopls was started with: a refusal of those, gopls itself reports. */
  sent?: Record<string, unknown>;
}

/** A documented name this one is a near miss of (case, or two edits on a name long enough to tell). */
export function nearMiss(name: string, known: readonly string[]): string | undefined {
  const lower = known.find((k) => k.toLowerCase() === name.toLowerCase());
  if (lower) return lower;
  if (!known.length || name.length < 5) return undefined;
  const best = closest(name, known as string[]);
  return distance(name, best) <= 2 ? best : undefined;
}

const show = (v: unknown) => {
  const t = JSON.stringify(v) ?? String(v);
  return t.length > 120 ? `${t.slice(0, 119)}…` : t;
};

function evidence(src: EditorSettingsSource, keyPath: string[], excerpt: string): Evidence {
  const line = src.lines?.[keyPath.join('\u0000')];
  return line !== undefined ? { source: src.source, line, excerpt } : { source: src.source, excerpt };
}

/** Pure: one finding per setting gopls or the Go extension does not know, or has deprecated. */
export function settingsFindings(input: SettingsFindingsInput): FindingInput[] {
  const out: FindingInput[] = [];
  const { api } = input;
  for (const src of input.sources) {
    const gopls = src.values.gopls;
    // A key a JSON error moved under "gopls" was not written there: the error's finding says so.
    const moved = new Set((src.syntaxError?.misplaced ?? []).filter((m) => m.into === 'gopls').map((m) => m.key));
    if (api && gopls && typeof gopls === 'object' && !Array.isArray(gopls)) {
      const optionNames = api.options.map((o) => o.name);
      for (const [key, value] of Object.entries(gopls as Record<string, unknown>)) {
        if (moved.has(key)) continue;
        // gopls keeps only the last segment: "ui.completion.usePlaceholders" is usePlaceholders.
        const name = key.split('.').pop() ?? key;
        const quoted = `"gopls": { ${JSON.stringify(key)}: ${show(value)} }`;
        const typed = api.options.find((o) => o.name === name);
        const want = typed ? wrongSettingType(typed, value) : undefined;
        // Sent as is to the doctor's gopls, whose own "Invalid settings" refusal is reported instead.
        const sent = input.sent !== undefined && key in input.sent && JSON.stringify(input.sent[key]) === JSON.stringify(value);
        if (want && !sent) {
          out.push({
            classId: 'gopls-launch',
            headline: 'ineffective-settings',
            severity: 'warning',
            confidence: 0.6,
            message: `Setting gopls ${key} is ${show(value)}, but ${input.gopls} takes ${want} for it (${typed!.type} in ${input.apiSource}): gopls refuses it when it starts ("Invalid settings: setting option ${JSON.stringify(name)}: invalid …") and runs without it`,
            evidence: [evidence(src, ['gopls', key], quoted)],
            fixes: [GOPLS_SETTINGS_DOCS],
          });
          continue;
        }
        const list = NAMED_MAPS[name];
        if (list && value && typeof value === 'object' && !Array.isArray(value)) {
          const known = api[list];
          for (const [entry, v] of Object.entries(value as Record<string, unknown>)) {
            if (known.includes(entry)) continue;
            const near = nearMiss(entry, known);
            out.push({
              classId: 'gopls-launch',
              headline: 'ineffective-settings',
              severity: 'warning',
              confidence: 0.5,
              message: `Setting gopls ${key}.${entry} names no ${list === 'analyzers' ? 'analyzer' : list === 'lenses' ? 'code lens' : 'inlay hint'} that ${input.gopls} documents (${known.length} in ${input.apiSource}), so it has no effect${near ? `; did you mean "${near}"?` : ''}`,
              evidence: [evidence(src, ['gopls', key, entry], `"gopls": { ${JSON.stringify(key)}: { ${JSON.stringify(entry)}: ${show(v)} } }`)],
              fixes: [GOPLS_SETTINGS_DOCS],
            });
          }
          continue;
        }
        const opt = api.options.find((o) => o.name === name);
        if (opt?.deprecation) {
          out.push({
            classId: 'gopls-launch',
            headline: 'ineffective-settings',
            severity: 'info',
            confidence: 0.5,
            message: `Setting gopls ${key} is deprecated in ${input.gopls}: ${opt.deprecation}`,
            evidence: [evidence(src, ['gopls', key], quoted)],
            fixes: [GOPLS_SETTINGS_DOCS],
          });
        } else if (!opt) {
          const near = nearMiss(name, optionNames);
          const where = (o: string) => api.options.find((x) => x.name === o)?.hierarchy;
          out.push({
            classId: 'gopls-launch',
            headline: 'ineffective-settings',
            severity: near ? 'warning' : 'info',
            confidence: near ? 0.5 : 0.3,
            message: near
              ? `Setting gopls ${key} is not a setting of ${input.gopls}; did you mean "${where(near) ? `${where(near)}.` : ''}${near}"? gopls ignores it and says "unexpected setting" when it starts`
              : `Setting gopls ${key} is not among the ${optionNames.length} settings that ${input.gopls} documents in ${input.apiSource}: gopls ignores it, unless it is one of gopls's internal options; a removed setting makes gopls say "unexpected setting" or "this setting is deprecated" when it starts`,
            evidence: [evidence(src, ['gopls', key], quoted)],
            fixes: [GOPLS_SETTINGS_DOCS],
          });
        }
      }
    }
    const m = input.manifest;
    if (!m) continue;
    for (const [key, value] of Object.entries(src.values)) {
      if (!key.startsWith('go.')) continue;
      const prop = m.properties[key];
      const quoted = `${JSON.stringify(key)}: ${show(value)}`;
      if (prop?.deprecationMessage)
        out.push({ classId: 'gopls-launch', headline: 'ineffective-settings', severity: 'info', confidence: 0.4, message: `Setting ${key} is deprecated by the Go extension ${m.version}: ${prop.deprecationMessage.replace(/\s+/g, ' ').trim()}`, evidence: [evidence(src, [key], quoted)], fixes: [GO_SETTINGS_DOCS] });
      else if (!prop) {
        const near = nearMiss(key, Object.keys(m.properties));
        out.push({
          classId: 'gopls-launch',
          headline: 'ineffective-settings',
          severity: 'info',
          confidence: 0.3,
          message: `Setting ${key} is not a setting of the Go extension ${m.version} (${m.source}), so it has no effect${near ? `; did you mean "${near}"?` : ': the extension removed it or never had it'}`,
          evidence: [evidence(src, [key], quoted)],
          fixes: [GO_SETTINGS_DOCS],
        });
      }
    }
  }
  return out;
}

async function runEditorSettings(ctx: ProbeContext): Promise<ProbeOutcome> {
  if (!ctx.host.live) return skipped('not the live machine: settings files are read from the real home directory');
  const sources = await ctx.facts.editorSettings();
  // The extension hands over the Go extension's manifest with the settings; the CLI hands over the
  // settings files it read and no manifest, so it is looked for on disk (a tester's ~/.vscode/
  // extensions/golang.go-0.46.1 was never read: go.* settings went unchecked in every CLI run).
  const manifest = ctx.settings.goExtensionManifest ?? (await findGoExtensionManifest(ctx.env));
  const observed: Record<string, unknown> = {
    sources: sources.map((s) => s.source),
    goplsKeys: sources.reduce((n, s) => n + (s.values.gopls && typeof s.values.gopls === 'object' ? Object.keys(s.values.gopls).length : 0), 0),
    goKeys: sources.reduce((n, s) => n + Object.keys(s.values).filter((k) => k.startsWith('go.')).length, 0),
    goExtension: manifest ? `${manifest.version} (${manifest.source})` : 'not found: go.* settings are not checked',
  };
  const unreadable = sources.filter((s) => s.error).map((s) => `${s.source}: ${s.error}`);
  if (unreadable.length) observed.unreadable = unreadable;
  const needsApi = sources.some((s) => s.values.gopls && typeof s.values.gopls === 'object');
  let api: GoplsApi | undefined;
  let gopls = 'gopls';
  let apiSource = 'gopls api-json';
  if (needsApi) {
    const loc = await ctx.facts.goplsLocation();
    if (loc.found?.executable) {
      const fact = await readGoplsApi(ctx.host, loc.found.path, ctx.env, ctx.signal, Math.max(100, ctx.remainingMs() - 100));
      if (fact.ok) {
        api = fact.api;
        observed.apiJson = fact.from;
        observed.goplsSettings = api.options.length;
      } else observed.apiJson = fact.reason;
      gopls = `gopls (${loc.found.path})`;
    } else observed.apiJson = 'no gopls to ask: "gopls" settings are not checked';
  }
  return { findings: [...unreadableSettingsFindings(sources), ...settingsFindings({ sources, api, gopls, apiSource, manifest, ...(ctx.settings.goplsSettings ? { sent: ctx.settings.goplsSettings } : {}) }), ...(await settingPathFindings(sources, ctx.env))], observed };
}

/**
 * "go.useLanguageServer": false, where it takes effect (the last scope that sets it: a workspace's
 * file over the user's): the Go extension starts no gopls at all, so completion, hover, definition,
 * rename and diagnostics are gone, and gopls's own flags and settings do nothing. A tester's was
 * "no problems found".
 */
export function languageServerOff(sources: readonly EditorSettingsSource[]): FindingInput[] {
  const setting = sources.filter((s) => !s.error && typeof s.values['go.useLanguageServer'] === 'boolean').at(-1);
  if (!setting || setting.values['go.useLanguageServer'] !== false) return [];
  const ws = workspaceOf(setting.source);
  const line = setting.lines?.['go.useLanguageServer'];
  return [
    {
      classId: 'gopls-launch',
      severity: 'warning',
      confidence: 0.9,
      message: `go.useLanguageServer is false in ${setting.source}${line ? ` (line ${line})` : ''}: the Go extension starts no gopls, so there is no completion, hover, go to definition, rename or diagnostics as you type, and gopls's flags and settings do nothing. It is true by default.`,
      evidence: [{ source: `${setting.source}${line ? `:${line}` : ''}`, excerpt: '"go.useLanguageServer": false' }],
      fixes: [settingFix({ id: 'use-language-server', title: 'Let the Go extension start gopls (go.useLanguageServer: true)', key: 'go.useLanguageServer', value: true, target: ws ? 'workspace' : 'user', detail: 'The Go extension starts gopls when the setting changes.' })],
    },
  ];
}

/**
 * A settings file with a JSON error, or one not read at all: VS Code reads around an error (as the
 * doctor does) but refuses to write to the file ("Unable to write into user settings. Please open
 * the user settings to correct errors/warnings in it"), so every fix that sets a setting fails
 * there; a file not read at all may hold what explains the rest. A tester's broken settings.json
 * was not mentioned.
 */
export function unreadableSettingsFindings(sources: readonly EditorSettingsSource[]): FindingInput[] {
  const out: FindingInput[] = [];
  for (const src of sources) {
    if (src.error) {
      out.push({
        classId: 'gopls-launch',
        headline: 'ineffective-settings',
        severity: 'warning',
        confidence: 0.4,
        message: `${src.source} could not be read as settings (${src.error}): whatever Go settings it holds were not checked, and the editor cannot save settings to it until it is a JSON object again.`,
        evidence: [{ source: src.source, excerpt: src.error }],
        fixes: [],
      });
    } else if (src.syntaxError) {
      const e = src.syntaxError;
      const base = path.basename(src.source);
      // Keys a missing "}" moved under "gopls" are sent to gopls, which refuses them (gopls.ts makes
      // that refusal a symptom this finding explains), and are lost where they belong.
      const moved = (e.misplaced ?? []).filter((m) => m.into === 'gopls');
      const names = moved.map((m) => JSON.stringify(m.key)).join(', ');
      // The brace belongs before the first moved key, which is where the file is opened; the
      // parser's own error is where the file ends.
      const at = moved[0]?.line ?? e.line;
      out.push({
        classId: 'gopls-launch',
        headline: 'ineffective-settings',
        severity: 'warning',
        confidence: moved.length ? 0.8 : 0.45,
        message: moved.length
          ? `${src.source} has a JSON error at line ${e.line} (${e.code}): the "gopls" object is not closed, so ${names} (line ${moved.map((m) => m.line).join(', ')}) ${moved.length > 1 ? 'are' : 'is'} read as gopls's own setting${moved.length > 1 ? 's' : ''}, as the editor reads ${moved.length > 1 ? 'them' : 'it'} too: gopls is sent ${moved.length > 1 ? 'them' : 'it'} and refuses ${moved.length > 1 ? 'them' : 'it'}, and ${moved.length > 1 ? 'they take' : 'it takes'} no effect where ${moved.length > 1 ? 'they belong' : 'it belongs'}. Close "gopls" with a "}" before line ${at}. The editor will not save settings to the file until it is corrected, so a fix that sets a setting there fails ("Unable to write into … settings").`
          : `${src.source} has a JSON error at line ${e.line} (${e.code}): the editor reads the settings around it, as this run did, but will not save settings to the file until it is corrected, so a fix that sets a setting there fails ("Unable to write into … settings").`,
        evidence: [{ source: `${src.source}:${e.line}`, excerpt: e.text || e.code }, ...moved.map((m) => ({ source: `${src.source}:${m.line}`, excerpt: `${JSON.stringify(m.key)} read inside "gopls"` }))],
        ...(moved.length ? { explains: ['gopls-launch' as const], explainsKinds: ['setting-refused' as const], headlineText: `${base} has a JSON error: ${names} ${moved.length > 1 ? 'are read as gopls settings' : 'is read as a gopls setting'} and refused` } : {}),
        fixes: [
          {
            id: `open-settings-${src.source}-line-${at}`,
            kind: 'openFile',
            title: moved.length ? `Open ${base} at line ${at}, where "gopls" should be closed` : `Open ${base} at line ${e.line}, where its JSON error is`,
            path: src.source,
            line: at,
          },
        ],
      });
    }
  }
  return out;
}

/** The folder a workspace's .vscode/settings.json belongs to, for ${workspaceFolder}; undefined for a user's file. */
function workspaceOf(source: string): string | undefined {
  return source.endsWith(`${path.sep}.vscode${path.sep}settings.json`) ? path.dirname(path.dirname(source)) : undefined;
}

/**
 * Settings that name a directory or a program that is not there: go.goroot without a bin/go, a
 * go.alternateTools entry naming a missing file. Only looked at (stat), never run, so a checkout's
 * own .vscode/settings.json is checked too: the CLI does not apply it (as in Restricted Mode), but
 * the editor does once the workspace is trusted. Measured: `"go.goroot": "/opt/go-missing"` in a
 * workspace's settings gave a report with no problem at all.
 */
export async function settingPathFindings(sources: readonly EditorSettingsSource[], env: NodeJS.ProcessEnv): Promise<FindingInput[]> {
  const out: FindingInput[] = [...languageServerOff(sources)];
  const isFile = (p: string) => fs.stat(p).then((st) => st.isFile(), () => false);
  for (const src of sources) {
    if (src.error) continue;
    const ws = workspaceOf(src.source);
    const where = (key: string) => `${src.source}${src.lines?.[key] ? `:${src.lines[key]}` : ''}`;
    const trustNote = ws ? ' (the editor applies a workspace\'s own setting once the workspace is trusted; this run did not)' : '';
    const goroot = src.values['go.goroot'];
    if (typeof goroot === 'string' && goroot) {
      const dir = resolveSettingPath(goroot, env, ws);
      const isDir = await fs.stat(dir).then((st) => st.isDirectory(), () => false);
      if (path.isAbsolute(dir) && !isDir) {
        // vscode-go's setGOROOTEnvVar: a go.goroot that is not a directory is ignored, with a warning;
        // GOROOT stays as it was and go is looked up as if the setting were not there.
        out.push({
          classId: 'env-inheritance',
          severity: 'warning',
          confidence: 0.4,
          message: `go.goroot is ${JSON.stringify(goroot)}, which does not exist: the Go extension ignores it (it says "go.goroot setting is ignored. ${dir} is not a valid GOROOT directory.") and runs the go it finds on PATH, so the Go this setting names is not the one used${trustNote}. Point it at a Go installation or remove it.`,
          evidence: [{ source: where('go.goroot'), excerpt: `"go.goroot": ${JSON.stringify(goroot)}` }, { source: `stat ${dir}`, excerpt: 'ENOENT' }],
          fixes: [],
        });
      } else if (path.isAbsolute(dir) && !(await isFile(path.join(dir, 'bin', 'go')))) {
        out.push({
          classId: 'env-inheritance',
          severity: 'warning',
          confidence: 0.7,
          message: `go.goroot is ${JSON.stringify(goroot)}, and ${path.join(dir, 'bin', 'go')} does not exist: the Go extension sets GOROOT to it and runs go from there, so every go command and gopls's package loads fail${trustNote}.`,
          evidence: [{ source: where('go.goroot'), excerpt: `"go.goroot": ${JSON.stringify(goroot)}` }, { source: `stat ${path.join(dir, 'bin', 'go')}`, excerpt: 'ENOENT' }],
          fixes: [],
        });
      }
    }
    // gopls hands each build.buildFlags entry to go as one argument: "-tags integration" is one
    // word go rejects ("flag provided but not defined: -tags integration"), and every package load
    // fails. Measured: the report said nothing, and its build-tags fix kept the broken entry.
    const goplsObj = src.values.gopls;
    const flags = goplsObj && typeof goplsObj === 'object' && !Array.isArray(goplsObj) ? ((goplsObj as Record<string, unknown>)['build.buildFlags'] ?? ((goplsObj as Record<string, unknown>).build as Record<string, unknown> | undefined)?.buildFlags) : undefined;
    if (Array.isArray(flags)) {
      const bad = flags.filter((f): f is string => typeof f === 'string' && /^--?[A-Za-z][\w.-]*\s+\S/.test(f.trim()));
      if (bad.length) {
        const split = flags.map((f) => (typeof f === 'string' && bad.includes(f) ? f.trim().replace(/\s+/, '=') : f));
        out.push({
          classId: 'module-resolution',
          severity: 'error',
          confidence: 0.85,
          message: `gopls's build.buildFlags holds ${bad.map((b) => JSON.stringify(b)).join(', ')}, a flag and its value in one entry: gopls passes each entry to go as one argument, and go rejects it ("flag provided but not defined: ${bad[0]!.trim()}"), so every package load fails and gopls gives no completion, types or diagnostics. Write ${split.filter((f, i) => f !== flags[i]).map((f) => JSON.stringify(f)).join(', ')} instead${trustNote}.`,
          evidence: [{ source: where('gopls'), excerpt: `"build.buildFlags": ${JSON.stringify(flags)}` }],
          fixes: [
            settingFix({
              id: 'gopls-build-flags-split',
              title: 'Write each flag and its value as one -flag=value entry (gopls build.buildFlags)',
              key: 'gopls',
              value: { 'build.buildFlags': split },
              merge: true,
              target: ws ? 'workspace' : 'user',
              detail: 'go reads "-tags=integration" as the flag and its value; gopls restarts when the setting changes.',
            }),
          ],
        });
      }
    }
    const tools = src.values['go.alternateTools'];
    if (tools && typeof tools === 'object' && !Array.isArray(tools)) {
      for (const [tool, value] of Object.entries(tools as Record<string, unknown>).slice(0, 30)) {
        // gopls and go only: what the language server and every build run. A missing linter or debugger is its own feature's failure.
        if ((tool !== 'gopls' && tool !== 'go') || typeof value !== 'string' || !value.includes('/')) continue;
        const file = resolveSettingPath(value, env, ws);
        if (!path.isAbsolute(file)) continue;
        const state = await programState(file);
        if (state.kind === 'program') continue;
        // A folder given where the program is meant (a tester's "/usr/local/go/bin"): the program
        // in it is what was meant, when it is there.
        const inside = state.kind === 'directory' && (await isExecutableFile(path.join(file, tool))) ? path.join(file, tool) : undefined;
        out.push({
          classId: tool === 'gopls' ? 'gopls-launch' : 'env-inheritance',
          severity: 'warning',
          confidence: 0.7,
          // vscode-go's getBinPathWithPreferredGopathGorootWithExplanation takes an absolute
          // alternate tool only when it is an executable file; otherwise it looks the tool up by name.
          message: `go.alternateTools.${tool} is ${JSON.stringify(value)}, ${state.says}: the Go extension passes over it and runs the ${tool} it finds the usual way (GOBIN, GOPATH/bin, GOROOT/bin, PATH), so the ${tool} this setting names is not the one used${trustNote}.${inside ? ` ${inside} is the program in that folder.` : ''}`,
          evidence: [{ source: src.lines?.[`go.alternateTools\u0000${tool}`] ? `${src.source}:${src.lines[`go.alternateTools\u0000${tool}`]}` : where('go.alternateTools'), excerpt: `"${tool}": ${JSON.stringify(value)}` }, { source: `stat ${file}`, excerpt: state.evidence }],
          fixes: inside ? [alternateToolFix(tool, inside)] : [],
        });
      }
    }
  }
  return out;
}

/** What a path a setting names as a program is: one the Go extension would run, or why not (stat and access(2) X_OK). */
export async function programState(file: string): Promise<{ kind: 'program' } | { kind: 'missing' | 'directory' | 'not-executable' | 'other'; says: string; evidence: string }> {
  const st = await fs.stat(file).catch((e: NodeJS.ErrnoException) => e.code ?? 'EIO');
  if (typeof st === 'string') return { kind: 'missing', says: st === 'ENOENT' ? 'which does not exist' : `which cannot be looked at (${st})`, evidence: st };
  if (st.isDirectory()) return { kind: 'directory', says: 'a directory, not the program', evidence: 'a directory' };
  if (!st.isFile()) return { kind: 'other', says: 'not a regular file', evidence: 'not a regular file' };
  const x = await fs.access(file, fsConstants.X_OK).then(() => true, () => false);
  return x ? { kind: 'program' } : { kind: 'not-executable', says: `a file without execute permission (mode ${octalMode(st.mode)})`, evidence: `a file, mode ${octalMode(st.mode)}, not executable (access X_OK)` };
}

export const editorSettingsProbe: Probe = {
  id: 'editor-settings',
  title: 'gopls and Go extension settings',
  // env-inheritance: go.goroot or a go.alternateTools entry naming what is not there (settingPathFindings);
  // module-resolution: a build.buildFlags entry go rejects, which fails every package load.
  classes: ['gopls-launch', 'env-inheritance', 'module-resolution'],
  // A first gopls api-json (300 KB of JSON) on a loaded machine can pass the default 5 s; later runs
  // read the cache. The run's deadline stays the cap.
  timeoutMs: 20_000,
  run: runEditorSettings,
};
