// A cause's title and story. The class title ("gopls cannot start or keeps dying") is right when
// the cause's findings are what the class is about; findings filed under a class for another reason
// (a stale linter, a misspelt setting, both found by probes of gopls-launch) carry a headline
// (model.ts), and a cause made only of such findings is titled by them, so a reader is not told
// gopls is dying when it runs fine.
import { type ClassId, type Finding, type HeadlineId, type Severity } from './model.js';
import { HEADLINES, SYMPTOM_HEADINGS, TAXONOMY } from './taxonomy.js';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * The environment class's own title tells of a desktop launcher that did not pass the shell's
 * environment on, which a log cannot show: a log shows go or gopls failing for what it was started
 * with. A tester read "The editor does not see the environment your shell sees" over a log's
 * GOTOOLCHAIN refusal and a missing C compiler, neither a difference between shell and editor.
 * Only when every leading finding was read in a log; a probe's own finding keeps the class's story.
 */
const LOG_ENVIRONMENT: Heading = {
  title: 'go or gopls failed because of the environment it was started with',
  explanation:
    "The log tells of go or gopls failing for what it was started with: PATH, GOROOT, GOPATH, GOFLAGS or another Go setting, the dynamic loader's variables, a sandbox. A log cannot say whether a terminal differs: where the log was written on this machine, the environment checks of the same run (go-env, login-shell) say that.",
};

const readInLog = (f: Finding): boolean => f.probeId === 'gopls-logs';

export interface Heading {
  title: string;
  explanation: string;
  /** The headlines the title was made from; absent when it is the class's own. */
  headlines?: HeadlineId[];
}

/**
 * `findings` in the cause's display order, `severity` the cause's. Only findings at the cause's
 * severity or above lead (the others are hidden in the default text report): when every one of
 * them has a headline, the distinct headlines in that order make the title; else the class's.
 */
export function headingOf(id: ClassId, findings: readonly Finding[], severity: Severity): Heading {
  const atSeverity = findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[severity]);
  // A symptom a finding of this very cause explains is told by that finding: titling the cause by
  // it too read "gopls cannot place your files in a module" above a go.sum go refused (a tester's).
  const toldHere = (f: Finding) => f.role === 'symptom' && (f.explainedBy?.includes(id) ?? false);
  const leading = atSeverity.some((f) => !toldHere(f)) ? atSeverity.filter((f) => !toldHere(f)) : atSeverity;
  // Only symptoms, led by a kind that has a heading of its own (beside what that kind produces, a
  // load that failed): say what was observed.
  if (leading.length && leading.every((f) => f.role === 'symptom' && !f.headline && f.symptom)) {
    const kinds = new Set(leading.map((f) => f.symptom!));
    for (const k of kinds) {
      const observed = SYMPTOM_HEADINGS[k];
      if (observed && (!observed.unexplainedOnly || leading.every((f) => !f.explainedBy?.length)) && [...kinds].every((o) => o === k || observed.over.includes(o))) return { title: observed.title, explanation: observed.explanation };
    }
  }
  // A symptom of a kind with a heading of its own (a download that failed) lends its headline
  // beside headlined causes, so a failed download under an online check's finding keeps the
  // download's title instead of falling back to the class's story of views and go.mod.
  const kinds = leading.flatMap((f) => (f.role === 'symptom' && f.symptom ? [f.symptom] : []));
  const lent = (f: Finding): HeadlineId | undefined => {
    if (f.headline || f.role !== 'symptom' || !f.symptom) return f.headline;
    const own = SYMPTOM_HEADINGS[f.symptom]?.headline;
    if (own) return own;
    const over = kinds.map((k) => SYMPTOM_HEADINGS[k]).find((h) => h?.headline && h.over.includes(f.symptom!));
    return over?.headline;
  };
  if (!leading.length || leading.some((f) => !lent(f))) {
    if (id === 'env-inheritance' && leading.length && leading.every(readInLog)) return LOG_ENVIRONMENT;
    // Information only: the class's title tells of a failure that did not happen.
    return { title: severity === 'info' ? TAXONOMY[id].noteTitle : TAXONOMY[id].title, explanation: TAXONOMY[id].explanation };
  }
  const headlines = [...new Set(leading.map((f) => lent(f)!))];
  // go's refusal of a setting says what the go-environment headline says in general (the value
  // fails in terminals too): its words title the cause, the other's story stays in the explanation.
  const titled = headlines.includes('go-rejects-setting') ? headlines.filter((h) => h !== 'go-environment') : headlines;
  // One headline told in a finding's own words (go's) says more than its fixed title.
  const own = titled.length === 1 ? leading.find((f) => f.headlineText)?.headlineText : undefined;
  return {
    title: own ?? titled.map((h) => HEADLINES[h].title).join(' · '),
    explanation: headlines.map((h) => HEADLINES[h].explanation).join(' '),
    headlines,
  };
}
