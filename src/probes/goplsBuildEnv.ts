// gopls runs every go command with its own build.env laid over the environment and its
// build.buildFlags added (gopls/internal/cache/load.go, gocommand): a GOFLAGS=-mod=vendor, a
// GO111MODULE=off or a bad flag there breaks gopls's loads while go in a terminal works, and the
// modules probe, which runs go with the tools' environment, sees nothing wrong. So where go
// accepts the module, ask it once more the way gopls asks it, and when that fails find which of
// the settings makes the difference by leaving each out in turn (measured, not guessed).
// Only the settings the doctor's own gopls ran with (the user's; a workspace's only in a trusted
// editor): a checkout's .vscode/settings.json must not choose the environment go runs in.
import { withSealedGo } from '../host/sealedGo.js';
import type { FindingInput } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import type { GoEnvFact } from '../facts/readGoEnv.js';
import { settingFix } from '../fixes/catalog.js';
import { goplsBuildOf } from '../lsp/goplsBuild.js';

/** At most this many settings are left out in turn to find the one that breaks go. */
const MAX_SUSPECTS = 6;

export async function goplsSettingsGoList(ctx: ProbeContext, goEnv: Extract<GoEnvFact, { ok: true }>, dir: string): Promise<FindingInput[]> {
  const build = goplsBuildOf(ctx.settings.goplsSettings);
  // GOTOOLCHAIN and GOPROXY are the doctor's own (never download): the same here.
  const env = Object.fromEntries(Object.entries(build.env ?? {}).filter(([k]) => k !== 'GOTOOLCHAIN' && k !== 'GOPROXY'));
  const flags = build.buildFlags ?? [];
  if (!Object.keys(env).length && !flags.length) return [];
  // `go list -m` reads go.mod the way every load does (-mod, GO111MODULE, GOFLAGS's parse); a
  // compiled list of one standard package checks the build itself, which gopls's -compiled=true
  // loads need and `go list -m` does not (measured: GOOS=plan10 passes `go list -m` and fails
  // gopls with "unsupported GOOS/GOARCH pair"). 20-50 ms each with a warm cache.
  // Sealed: both lists rewrite a go.mod go would tidy under -mod=mod (gopls's build.env may set it too).
  const run = (e: Record<string, string>, f: readonly string[]) =>
    withSealedGo({ ...ctx.env, ...e, GOPROXY: 'off', GOTOOLCHAIN: 'local' }, dir, goEnv.values, async (env) => {
      const opts = { timeoutMs: Math.max(300, Math.min(3000, ctx.remainingMs() - 500)), signal: ctx.signal, env, cwd: dir, maxBuffer: 256 * 1024 };
      const m = await ctx.host.exec(goEnv.goBinary, ['list', '-m', ...f], opts);
      return m.failed ? m : ctx.host.exec(goEnv.goBinary, ['list', '-e', '-compiled=true', '-f', '{{.Name}}', ...f, 'runtime'], opts);
    });
  const r = await run(env, flags);
  if (!r.failed || r.timedOut || r.canceled || r.errorCode) return [];
  const said = r.stderr.trim().split('\n').slice(0, 6).join('\n');
  // Which one: the first setting whose absence lets go through.
  const suspects: Array<{ what: string; envKey?: string; env: Record<string, string>; flags: string[] }> = [
    ...Object.keys(env).map((k) => ({ what: `build.env ${k}=${env[k]}`, envKey: k, env: Object.fromEntries(Object.entries(env).filter(([x]) => x !== k)), flags })),
    ...(flags.length ? [{ what: `build.buildFlags ${JSON.stringify(flags)}`, env, flags: [] }] : []),
  ].slice(0, MAX_SUSPECTS);
  let culprit: (typeof suspects)[number] | undefined;
  for (const s of suspects) {
    const again = await run(s.env, s.flags);
    if (again.timedOut || again.canceled) break;
    if (!again.failed) {
      culprit = s;
      break;
    }
  }
  const envKey = culprit?.envKey;
  const fixes = envKey && build.envKey
    ? [
        settingFix({
          id: 'gopls-build-env-drop',
          title: `Remove ${envKey} from gopls's build.env`,
          key: 'gopls',
          value: { [build.envKey]: Object.fromEntries(Object.entries(build.env ?? {}).filter(([k]) => k !== envKey)) },
          merge: true,
          detail: 'gopls then runs go with the environment the terminal has; it restarts when the setting changes.',
        }),
      ]
    : [];
  return [
    {
      classId: 'module-resolution',
      severity: 'error',
      // Measured both ways (with the settings and without each): the strongest evidence a run has.
      confidence: culprit ? 0.95 : 0.85,
      message: `With your gopls settings${culprit ? ` (${culprit.what})` : ` (${[...Object.entries(env).map(([k, v]) => `build.env ${k}=${v}`), ...(flags.length ? [`build.buildFlags ${JSON.stringify(flags)}`] : [])].join(', ')})`}, go fails in ${dir} ("${said.split('\n')[0]}"), though it works there without them: gopls runs every go command that way, so its package loads fail and the editor shows no types, completion or diagnostics, while go in a terminal builds.`,
      evidence: [
        { source: `${r.commandLine} with gopls's build.env and build.buildFlags (in ${dir})`, excerpt: said },
        ...(culprit ? [{ source: 'the same without it', excerpt: `${culprit.what} left out: go list -m succeeds` }] : []),
      ],
      fixes,
    },
  ];
}
