// Where a Go variable that makes go fail is set, and the fix there. A tester's GOROOT, relative
// GOPATH and GOPATH equal to GOROOT came with no fix at all, under the launcher's title, though
// each fails in every terminal too: the value is fixed where it is set, in a start-up file (its
// line removed), in go's env file (go env -u, started so go can run), or, for the Go tools alone,
// in go.toolsEnvVars (never an empty value where the file holds one: go would read the file's).
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Evidence, Fix } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import { exportSites } from '../facts/exportSites.js';
import { removeExportFix, toolsEnvFix } from '../fixes/catalog.js';
import { homeShown } from './loginShell.js';
import { CAP, readUserText } from '../host/readUserFile.js';
import { goEnvFileOf } from './goEnvFile.js';
import { bootstrapFor, fileValueFix, goVarSource, type GoVarSource } from './goVarSource.js';

export interface WhereSet {
  /** A sentence to append to the finding's message. */
  words: string;
  evidence: Evidence[];
  fixes: Fix[];
  /** Where go takes the value from (goVarSource.ts). */
  source: GoVarSource['kind'];
}

/** The root of the go that runs, for a command that must start go despite the file's GOROOT. */
async function ownGoroot(ctx: Pick<ProbeContext, 'facts'>): Promise<string | undefined> {
  const fact = await ctx.facts.goEnv();
  if (!fact.goBinary) return undefined;
  const real = await fs.realpath(fact.goBinary).catch(() => fact.goBinary!);
  return path.basename(path.dirname(real)) === 'bin' ? path.dirname(path.dirname(real)) : undefined;
}

/**
 * `replacement`: the value the Go tools should get instead ('' lets go choose its own default,
 * as an unset variable does); undefined offers no setting. `goenvFile`: go env GOENV (else the
 * file go would read, from the environment: go env cannot say when it fails).
 */
export async function whereGoVarIsSet(ctx: Pick<ProbeContext, 'env' | 'facts' | 'settings'>, name: string, replacement: string | undefined, goenvFile: string | undefined): Promise<WhereSet> {
  const file = goenvFile && path.isAbsolute(goenvFile) ? goenvFile : goEnvFileOf(ctx.env);
  const fileText = file ? await readUserText(file, CAP.smallConfig) : undefined;
  const source = goVarSource(name, ctx.env, ctx.settings.toolsEnvVarsKeys ?? [], fileText);
  // An empty value cannot hide the file's (go reads the file wherever the variable is empty).
  const fileHolds = goVarSource(name, {}, [], fileText).kind === 'file';
  const settingWorks = replacement !== undefined && (replacement !== '' || !fileHolds);
  const setting = !settingWorks ? [] : [toolsEnvFix(`toolsenv-${name.toLowerCase()}-fixed`, replacement ? `Set ${name}=${replacement} for the Go tools` : `Unset ${name} for the Go tools`, { [name]: replacement! }, `go.toolsEnvVars reaches only what the editor runs; fix it where it is set too, for terminals.`)];
  const fileFix = async () => fileValueFix(name, file!, bootstrapFor(name, { goroot: name === 'GOROOT' ? await ownGoroot(ctx) : undefined, home: ctx.env.HOME && path.isAbsolute(ctx.env.HOME) ? ctx.env.HOME : undefined }));
  if (source.kind === 'file') {
    const blank = source.blankSetting ? ` go.toolsEnvVars sets ${name} to an empty value, which go takes as unset: it reads the file's.` : '';
    return {
      source: source.kind,
      words: ` It is set in your go env file (${file}, line ${source.line}, written by go env -w), which go reads in every terminal too: go fails there the same way.${blank}`,
      evidence: [{ source: `${file}:${source.line}`, excerpt: source.text }],
      // Only the file's own fix: a setting would mend the editor alone (an empty one not even that).
      fixes: [await fileFix()],
    };
  }
  if (source.kind === 'setting') return { source: source.kind, words: ` It comes from go.toolsEnvVars in your editor settings.`, evidence: [], fixes: setting };
  if (source.kind === 'default') return { source: source.kind, words: '', evidence: [], fixes: setting };
  // Exported, and the file holds a value too: once the export is gone the file's applies.
  const held = goVarSource(name, {}, [], fileText);
  const underneath = held.kind === 'file' ? [await fileFix()] : [];
  const alsoFile = held.kind === 'file' ? ` Your go env file (${file}, line ${held.line}) sets ${name}=${held.value} too, which go reads once the variable is gone.` : '';
  const alsoEv: Evidence[] = held.kind === 'file' ? [{ source: `${file}:${held.line}`, excerpt: held.text }] : [];
  const login = await ctx.facts.loginShellEnv();
  const shell = (login.ok ? login.shell : undefined) ?? ctx.env.SHELL ?? '/bin/sh';
  const home = ctx.env.HOME;
  const sites = home ? await exportSites(name, shell, login.ok ? login.env : ctx.env, home) : [];
  const shown = (f: string) => homeShown(f, home);
  if (sites.length) {
    return {
      source: source.kind,
      words: ` It is set in ${sites.map((s) => `${shown(s.file)} (line ${s.line})`).join(', ')}, which terminals read too: go fails there the same way.${alsoFile}`,
      evidence: [...sites.map((s) => ({ source: `${s.file}:${s.line}`, excerpt: s.text })), ...alsoEv],
      fixes: [...sites.slice(0, 2).map((s) => removeExportFix(s, name, home)), ...underneath, ...setting],
    };
  }
  return {
    source: source.kind,
    words: ` It is in the environment the tools were started with, and none of your shell start-up files sets it: a terminal started from the same session (or container) has it too. Look in /etc/environment, ~/.pam_environment, the systemd user environment (systemctl --user show-environment) or a container's ENV.${alsoFile}`,
    evidence: [{ source: 'environment', excerpt: `${name}=${ctx.env[name]}` }, ...alsoEv],
    fixes: [...setting, ...underneath],
  };
}
