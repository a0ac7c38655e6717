// A Go setting go refused, told as what go said: the variable and go's own words head the cause,
// not "The editor does not see the environment your shell sees", which a log cannot show (a
// tester's real gopls v0.23.0 log of an invalid go env file value was headlined so). The fix is
// where the value is set; on this machine the go env file is asked whether it holds it.
import type { Fix, FindingInput } from '../doctor/model.js';
import { rejectedSettingIn, settingText, type RejectedSetting } from '../goplsLog/goRejectedSetting.js';
import { goEnvFileOf, parseGoEnvFile } from './goEnvFile.js';
import { CAP, readUserText } from '../host/readUserFile.js';
import { bootstrapFor, goEnvUnsetText, goflagsFileFix } from './goVarSource.js';
import { goFlagsWithout } from './goFailure.js';
import { dropGoworkLineFix } from '../fixes/catalog.js';

const GO_ENV_DOCS: Fix = { id: 'go-env-docs', kind: 'link', title: "go's settings: the environment and go env's file", url: 'https://pkg.go.dev/cmd/go#hdr-Print_Go_environment_information' };

/** The first refusal the finding's lines tell of. Pure. */
export function rejectedIn(lines: ReadonlyArray<{ text?: string; excerpt?: string }>): RejectedSetting | undefined {
  for (const l of lines) {
    const r = rejectedSettingIn(l.text ?? l.excerpt ?? '');
    if (r) return r;
  }
  return undefined;
}

/** The variables `go env -u` takes for the refused setting. */
function variablesOf(r: RejectedSetting): string[] {
  return r.variable === 'GOOS/GOARCH' ? ['GOOS', 'GOARCH'] : [r.variable];
}

/** `go env -u` of the setting, for a value go env -w wrote. */
export function unsetInGoEnvFileFix(r: RejectedSetting, file?: string): Fix {
  // go env -u refuses GOWORK, and cannot start while the file's GOWORK is invalid (measured with
  // go1.26.8 and GOWORK=go.work in the file: exit 1), so the line is deleted; GOWORK=off, which the
  // environment's value makes go take over the file's, lets go env say where the file is.
  if (r.variable === 'GOWORK') {
    const drop = dropGoworkLineFix(file ?? 'GOENV');
    return file || drop.kind !== 'terminal' ? drop : { ...drop, title: "Remove the GOWORK line from go's env file, if it holds one", text: `sed -i '/^GOWORK=/d' "$(GOWORK=off go env GOENV)"` };
  }
  const names = variablesOf(r).join(' ');
  return {
    id: `go-env-unset-${variablesOf(r).join('-').toLowerCase()}`,
    kind: 'terminal',
    title: file ? `Remove ${names} from go's env file (${file})` : `Remove ${names} from go's env file, if go env -w put it there`,
    // go cannot start at all with a GOTOOLCHAIN it cannot parse, go env -u included (measured).
    text: goEnvUnsetText(names, r.variable === 'GOTOOLCHAIN' ? bootstrapFor('GOTOOLCHAIN', {}) : undefined),
    needsRoot: false,
    detail: `go env -u removes what go env -w wrote; go env -w ${variablesOf(r)[0]}=… writes a value go accepts instead${r.variable === 'GOFLAGS' ? ' (go env -u GOFLAGS drops every flag it holds: go env -w GOFLAGS=… keeps the others)' : ''}. A value exported by a shell start-up file or set in go.toolsEnvVars wins over the file: correct it there.`,
  };
}

/**
 * Pure: GOFLAGS of go env's file without the one flag go refused, when others remain: go env -u
 * GOFLAGS would drop them too (a tester's -buildvcs=false).
 */
export function keptFlagsFix(r: RejectedSetting, held: string | undefined, file: string): Fix | undefined {
  if (r.variable !== 'GOFLAGS' || !held || !r.value?.startsWith('-')) return undefined;
  const rest = goFlagsWithout(held, r.value.replace(/^--?/, '').split('=')[0]!);
  return rest && rest !== held ? goflagsFileFix(rest, file) : undefined;
}

/** `base`: the go-env-invalid rule's finding; `events`: its lines; `n`: how many lines said it. Pure. */
export function goRejectsSettingFinding(base: FindingInput, events: ReadonlyArray<{ text: string }>, n: number, name: string): FindingInput {
  const r = rejectedIn(events);
  if (!r) return { ...base, headline: 'go-rejects-setting' };
  const setting = settingText(r);
  return {
    ...base,
    message: `go refuses ${setting} and stops before doing anything ("${r.said}"): every go command fails, and gopls, which runs go env and go list, loads no package (${n} ${n === 1 ? 'line' : 'lines'} in ${name}). The log does not say where the value was set: go env's file, a shell start-up file or the editor's go.toolsEnvVars.`,
    headline: 'go-rejects-setting',
    headlineText: `go refuses ${setting}: "${r.said}"`,
    fixes: [unsetInGoEnvFileFix(r), GO_ENV_DOCS],
  };
}

/**
 * On this machine: does go env's file hold the refused value? Then the fix is certain and names the
 * file; when it does not and the environment the doctor runs with has the variable, go env -u would
 * do nothing, and the finding says where the value is instead.
 */
export async function withGoEnvFileOrigin(findings: readonly FindingInput[], env: NodeJS.ProcessEnv): Promise<FindingInput[]> {
  if (!findings.some((f) => f.headline === 'go-rejects-setting')) return [...findings];
  const file = goEnvFileOf(env);
  const text = file ? await readUserText(file, CAP.smallConfig) : undefined;
  const values = text !== undefined ? parseGoEnvFile(text) : undefined;
  return findings.map((f) => {
    if (f.headline !== 'go-rejects-setting') return f;
    const r = rejectedIn(f.evidence);
    if (!r || !file) return f;
    const held = variablesOf(r).filter((v) => values?.has(v) && (!r.value || r.variable === 'GOOS/GOARCH' || values.get(v)!.includes(r.value)));
    if (held.length) {
      return {
        ...f,
        message: `${f.message} Here go env's file ${file} sets ${held.map((v) => `${v}=${values!.get(v)}`).join(', ')}: ${r.variable === 'GOWORK' ? 'deleting its line removes it (go env -u refuses GOWORK).' : 'go env -u removes it.'}`,
        evidence: [...f.evidence, { source: file, excerpt: held.map((v) => `${v}=${values!.get(v)}`).join('\n') }],
        fixes: [keptFlagsFix(r, values!.get('GOFLAGS'), file) ?? unsetInGoEnvFileFix(r, file), ...(f.fixes ?? []).filter((x) => !x.id.startsWith('go-env-unset-'))],
      };
    }
    const exported = variablesOf(r).filter((v) => env[v] !== undefined && (!r.value || r.variable === 'GOOS/GOARCH' || env[v]!.includes(r.value)));
    if (!exported.length) return f;
    return {
      ...f,
      message: `${f.message} Here go env's file ${file} does not set it, and the environment the doctor was started with has ${exported.map((v) => `${v}=${env[v]}`).join(', ')}: a shell start-up file or the editor's go.toolsEnvVars sets it.`,
      evidence: [...f.evidence, { source: 'environment (this run)', excerpt: exported.map((v) => `${v}=${env[v]}`).join('\n') }],
      fixes: (f.fixes ?? []).filter((x) => !x.id.startsWith('go-env-unset-')),
    };
  });
}
