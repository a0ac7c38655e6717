// A security policy named in a log beside a file operation refused with "permission denied"
// explains that refusal (issue 11, mac-policy): EACCES is what file modes AND a Linux security module
// answer (SELinux, AppArmor, Landlock all refuse with EACCES), so a go message that says "could not
// create module cache: mkdir …: permission denied" tells THAT the directory was refused, not by what.
// Where the same log names the policy (an AVC record, setroubleshoot's "SELinux is preventing …", a
// :z relabel, an AppArmor profile, a container's security options), the policy is the cause and the
// refusal its symptom, whatever severities the two rules carry: read alone, the go message's rule is
// an error and the policy's mention a warning, and the symptom outranked what explains it.
// Refusals of another kind (a read-only or full file system, a quota) and a refusal whose file modes
// the text itself shows (exec-refused-no-x-bit) are no policy's and keep their own reading.
import type { FindingInput } from '../doctor/model.js';
import type { Rule, RuleId } from '../goplsLog/rules.js';

/** EACCES in strerror's and Go's words, its name, and Java's, Rust's and bazel's renderings of errno 13. */
const EACCES_WORDS = /permission denied|\bEACCES\b|\berror[=:] ?13\b|\bos error 13\b|Access is denied/i;
/** Words of a refusal no security policy gives: the disk, the mount, a quota. */
const OTHER_REFUSAL = /read-only file system|no space left|quota exceeded|disk is full|not a directory|no such file|too many (?:open files|links)/i;
/** fs-access rules whose reading rests on the file's own modes shown in the text. */
const MODES_SHOWN: ReadonlySet<RuleId> = new Set(['exec-refused-no-x-bit']);

/**
 * Is this fs-access cause rule's reading, on these lines, only an EACCES refusal a policy may have
 * given? Pure.
 */
export function refusalOnly(rule: Pick<Rule, 'id' | 'classId' | 'role'>, lines: readonly string[]): boolean {
  if (rule.classId !== 'fs-access' || rule.role === 'symptom' || MODES_SHOWN.has(rule.id) || !lines.length) return false;
  return lines.every((t) => EACCES_WORDS.test(t) && !OTHER_REFUSAL.test(t));
}

/**
 * Does the log's reading hold a security policy named as such: a mac-policy cause a rule found
 * (not a bare EPERM, which is a symptom, nor a guess from a line's words or a mechanism it names,
 * which are hints), at least a warning? Pure.
 */
export function policyNamed(findings: readonly FindingInput[]): boolean {
  return findings.some((f) => f.classId === 'mac-policy' && f.role !== 'symptom' && !f.headline && f.severity !== 'info');
}

/**
 * The findings with each refusal-only fs-access cause (`refused`) turned into the access-denied
 * symptom it is when the same log names a policy; unchanged otherwise. Pure.
 */
export function withPolicyExplainedRefusals(findings: readonly FindingInput[], refused: ReadonlySet<FindingInput>): FindingInput[] {
  if (!refused.size || !policyNamed(findings)) return [...findings];
  return findings.map((f) =>
    refused.has(f)
      ? {
          ...f,
          role: 'symptom' as const,
          symptom: 'access-denied' as const,
          message: `${f.message.replace(/\.$/, '')}; the refusal is "permission denied" (EACCES), which a security policy named in the same log gives whatever the file modes allow.`,
        }
      : f,
  );
}
