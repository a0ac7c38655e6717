// What the log rules read in a go command's own failure (gopls's view errors and package loads,
// `go env` failing at start): the same rules that read any pasted log, kept to the classes that
// name a mechanism outside module resolution. Shared by the gopls and go-env probes. Guesses from
// words (a named mechanism, a resemblance) are the log's hints, not readings of a live failure.
import type { ClassId, FindingInput } from '../doctor/model.js';
import { analyzeText } from '../goplsLog/analyzer.js';
import { capitalize, findingsOf } from './goplsLogs.js';
import { ruleById } from '../goplsLog/rules.js';
import { isHint } from '../doctor/explain.js';

/** The classes a go failure's reading may name: a task, memory or descriptor limit, a refused file, a policy, the environment, a mount. */
export const GO_FAILURE_CLASSES: readonly ClassId[] = ['process-limit', 'memory-limit', 'fs-access', 'mac-policy', 'env-inheritance', 'noexec-mount'];
const CLASSES: ReadonlySet<ClassId> = new Set(GO_FAILURE_CLASSES);

/**
 * The log rules' readings of what a go command said when it failed, that name a mechanism outside
 * module resolution (a task, memory or descriptor limit, a refused file, a policy, the
 * environment). Pure.
 *
 * moduleCauses: also the module-resolution causes the rules name ("verifying m@v: checksum
 * mismatch", "invalid version"), for a caller whose own finding says only that the load failed.
 */
export function goFailureReadings(errors: readonly string[], source: string, opts: { moduleCauses?: boolean } = {}): FindingInput[] {
  const summary = analyzeText(errors.join('\n'));
  return findingsOf(source, summary).filter(
    (f) => (CLASSES.has(f.classId) || (opts.moduleCauses && f.classId === 'module-resolution' && f.role !== 'symptom')) && !f.unclassified && !isHint(f) && !f.message.startsWith(SPAWN_OUT_OF_FILES_SAYS),
  );
}

/**
 * A go command gopls could not start for want of descriptors, seen live: the process-limits probe
 * judges RLIMIT_NOFILE in the same run, and the failure is its out-of-files symptom (gopls.ts), not
 * a reading that blames the limit whatever it measured.
 */
const SPAWN_OUT_OF_FILES_SAYS = capitalize(ruleById('spawn-out-of-files').says);
