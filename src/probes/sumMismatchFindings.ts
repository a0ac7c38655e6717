// What to say when go refuses a module because its hash differs from go.sum. Two ways to meet it:
// the module cache already holds a copy that differs (the module-downloads probe compares them
// offline), or go has just downloaded the module and refused the bytes (gopls's package load says
// so, go's own "verifying m@v: checksum mismatch … SECURITY ERROR"). Either way the network worked
// and nothing here can tell which side is wrong, so the fixes compare first and never tell the
// user to delete go.sum: that would accept whatever was served.
import path from 'node:path';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { SumMismatch } from './checksumMismatch.js';
import { escapeModulePath, matchPrefixPatterns } from './goproxyConfig.js';
import { quoteForDisplay } from '../host/shellQuote.js';

const at = (m: SumMismatch) => `${m.module}@${m.version}${m.what === 'go.mod' ? '/go.mod' : ''}`;
const others = (ms: readonly SumMismatch[]) => (ms.length > 1 ? ` (and ${ms.length - 1} more: ${ms.slice(1, 4).map(at).join(', ')})` : '');

/** Both ways go refuses a module for its hash: a module-resolution cause, titled by it. */
const REFUSED_FOR_HASH = {
  classId: 'module-resolution',
  headline: 'sum-mismatch',
  // What it blocks (a load, a fetch of that module) is its own class's symptom.
  explains: ['module-resolution'],
  severity: 'error',
  confidence: 0.9,
} as const satisfies Partial<FindingInput>;

/** go.sum and the module cache disagree: go refuses the module, and nothing here can say which side is wrong. */
export function mismatchFinding(dir: string, ms: SumMismatch[], evidence: Evidence): FindingInput {
  const m = ms[0]!;
  return {
    ...REFUSED_FOR_HASH,
    explains: [...REFUSED_FOR_HASH.explains],
    message:
      `go.sum in ${dir} records ${m.goSum} for ${at(m)}, but the copy in the module cache hashes to ${m.cached}${others(ms)}: go refuses it ("verifying ${at(m)}: checksum mismatch", a SECURITY ERROR), ` +
      `so go build, go test and gopls fail in every package that ${m.what === 'go.mod' ? 'loads the module graph' : 'imports it'}. One of the two is not what was published: a go.sum line edited by hand or mangled by a merge (\`git log -p go.sum\` shows how it changed), or a cached copy changed in place or served differently by a proxy. ` +
      `Do not delete the go.sum line to make the error go away: that accepts whatever the cache holds.`,
    evidence: [evidence],
    fixes: [mismatchVerifyFix(dir)],
  };
}

function mismatchVerifyFix(dir: string): Fix {
  return { id: 'go-mod-verify-mismatch', kind: 'terminal', title: 'Check the cached copies against what go recorded at download', text: 'go mod verify', needsRoot: false, cwd: dir, detail: 'Says whether a cached module changed after it was downloaded. If it did, or go.sum matches what your teammates and the checksum database have, remove the cache (go clean -modcache deletes all of it) and download again; if go.sum is the one that changed, restore it from version control.' };
}

/** The Go variables that decide whether the checksum database vouches for a module. */
export interface SumdbSettings {
  GOSUMDB?: string;
  GONOSUMDB?: string;
  GOPRIVATE?: string;
}

/**
 * go downloaded the module and refused it: what it got hashes otherwise than go.sum says. Not a
 * download that failed (a tester got "go could not download it" and a `go mod download` fix that
 * stopped with the same SECURITY ERROR). `moduleDir` holds the go.sum; `said` is go's own lines.
 */
export function downloadRefusedFinding(moduleDir: string, ms: SumMismatch[], said: Evidence, sumdb: SumdbSettings): FindingInput {
  const m = ms[0]!;
  const goSum = path.join(moduleDir, 'go.sum');
  const db = sumdbFor(m.module, sumdb);
  return {
    ...REFUSED_FOR_HASH,
    explains: [...REFUSED_FOR_HASH.explains],
    message:
      `go downloaded ${at(m)} and refused it: ${goSum} records ${m.goSum}, but what was downloaded hashes to ${m.cached}${others(ms)} ("verifying ${at(m)}: checksum mismatch", a SECURITY ERROR). ` +
      `The download itself worked; go refuses the bytes, so go build, go mod download and gopls fail the same way in every package that ${m.what === 'go.mod' ? 'loads the module graph' : 'imports it'}, wherever they run. ` +
      `Either the go.sum line is wrong (edited by hand, mangled in a merge or a rebase) or the module is not what was published under that version (changed upstream, or served differently by a proxy or mirror). ` +
      `Compare before changing anything${db ? `: ${db} records what everyone else downloaded` : ''}. Do not delete go.sum to make the error go away: that accepts whatever was served.`,
    evidence: [said, { source: goSum, excerpt: ms.slice(0, 4).map((x) => `${x.module} ${x.version}${x.what === 'go.mod' ? '/go.mod' : ''} ${x.goSum}`).join('\n') }],
    fixes: downloadRefusedFixes(moduleDir, m, db),
  };
}

/** The checksum database go asks for this module, or undefined when none vouches for it (GONOSUMDB, GOPRIVATE, GOSUMDB=off). */
function sumdbFor(module: string, s: SumdbSettings): string | undefined {
  const name = (s.GOSUMDB ?? '').trim() || 'sum.golang.org';
  if (name === 'off') return undefined;
  if (matchPrefixPatterns(s.GONOSUMDB || s.GOPRIVATE || '', module)) return undefined;
  return name.split(/\s+/)[0]!.split('+')[0];
}

function downloadRefusedFixes(moduleDir: string, m: SumMismatch, db: string | undefined): Fix[] {
  const fixes: Fix[] = [
    {
      id: 'go-sum-history',
      kind: 'terminal',
      title: `See how go.sum's line for ${m.module} ${m.version} came to be`,
      text: 'git log -p -- go.sum',
      needsRoot: false,
      cwd: moduleDir,
      detail: 'A line changed by hand or in a merge is the usual cause: then restore go.sum from the commit that had it right (git checkout <commit> -- go.sum).',
    },
  ];
  // The public database's own page: only for the database go would ask, never for a private module.
  if (db === 'sum.golang.org') {
    fixes.push({
      id: 'go-sum-lookup',
      kind: 'link',
      title: `Compare with the checksum database's record of ${m.module}@${m.version}`,
      url: `https://sum.golang.org/lookup/${escapeModulePath(m.module)}@${escapeModulePath(m.version)}`,
      detail: `The h1: line it shows is what go.sum should hold. If it equals the downloaded ${m.cached}, go.sum is what is wrong; if it equals go.sum's ${m.goSum}, something between you and the module served other bytes.`,
    });
  }
  // A regex of the module's own lines (its content and its go.mod); '#' is in no module path or version.
  const re = `^${m.module.replace(/[.[\]*^$\\]/g, '\\$&')} ${m.version.replace(/[.[\]*^$\\]/g, '\\$&')}[ /]`;
  fixes.push({
    id: 'go-sum-rewrite-module',
    kind: 'terminal',
    title: `Only if you trust the source: remove go.sum's lines for ${m.module} ${m.version} and let go mod tidy write them again`,
    text: `sed -i ${quoteForDisplay(`\\#${re}#d`)} go.sum && go mod tidy`,
    needsRoot: false,
    cwd: moduleDir,
    detail: db
      ? `go mod tidy downloads the module again and checks it against ${db} before writing the line: if the source changed what it serves under that version, it stops with a SECURITY ERROR of its own rather than record it. Only these lines go, never the whole go.sum.`
      : `Nothing checks this module against a checksum database (GONOSUMDB, GOPRIVATE or GOSUMDB=off): go mod tidy records whatever the source serves now. Do it only if you know the module was re-published on purpose. Only these lines go, never the whole go.sum.`,
  });
  return fixes;
}
