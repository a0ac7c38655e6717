// A security policy named in a log explains the "permission denied" (EACCES) refusals beside it
// (src/probes/policyExplainedRefusals.ts): go's own messages for a refused cache or work directory
// are an error of their own, the policy's mention often a warning, and the refusal ranked above
// what explains it. Each refusal is tried in several go messages and beside several policies'
// words; the near-misses are refusals no policy gives (read-only, full) and a policy not in play.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema } from '../../../src/doctor/model.js';
import { policyNamed, refusalOnly } from '../../../src/probes/policyExplainedRefusals.js';

/** The classes a text ranks at warning or above, best first, through the log probe's findings and the ranking. */
const ranked = (text: string) =>
  rankCauses(findingsOf('gopls.log', analyzeText(`${text}\n`)).map((f) => FindingSchema.parse(f)))
    .filter((c) => c.severity !== 'info')
    .map((c) => c.id);

const REFUSALS = [
  'go: could not create module cache: mkdir /home/ann/go/pkg/mod: permission denied',
  'failed to initialize build cache at /srv/ci/.cache/go-build: mkdir /srv/ci/.cache/go-build: permission denied',
  'go: creating work dir: mkdir /var/lib/builder/tmp/go-build2201: permission denied',
  'go: disabling cache (/home/bob/.cache/go-build) due to initialization failure: open /home/bob/.cache/go-build/README: permission denied',
];

const POLICIES = [
  'Dec 01 10:00:00 box setroubleshoot[2001]: SELinux is preventing /usr/local/go/bin/go from write access on the directory pkg. For complete SELinux messages run: sealert -l 1b2c',
  'type=1400 audit(1700000000.000:77): apparmor="DENIED" operation="mknod" class="file" profile="snap.code.code" name="/srv/x" pid=3131 comm="go" requested_mask="c" denied_mask="c" fsuid=1000 ouid=1000',
  'OS: Fedora 39 (SELinux enforcing)',
  "I'm on RHEL 9 with SELinux, podman 5",
  'the job runs under a Landlock ruleset the agent sets up',
  'It works after `setenforce 0`.',
];

describe('a policy named beside an EACCES refusal explains it', () => {
  it.each(REFUSALS)('alone, the refusal is file access: %s', (refusal) => {
    expect(ranked(refusal)[0]).toBe('fs-access');
  });

  for (const refusal of REFUSALS) {
    it.each(POLICIES)(`beside "${refusal.slice(0, 40)}…": %s`, (policy) => {
      for (const text of [`${refusal}\n${policy}`, `${policy}\n${refusal}`]) {
        const order = ranked(text);
        expect(order[0], text).toBe('mac-policy');
        // The refusal is still shown, below what explains it.
        expect(order, text).toContain('fs-access');
      }
    });
  }

  it('a refusal no policy gives keeps its own reading: read-only and full file systems', () => {
    for (const policy of POLICIES.slice(0, 3)) {
      expect(ranked(`go: could not create module cache: mkdir /home/ann/go/pkg/mod: read-only file system\n${policy}`)[0], policy).toBe('fs-access');
      expect(ranked(`failed to initialize build cache at /x/go-build: mkdir /x/go-build: no space left on device\n${policy}`)[0], policy).toBe('fs-access');
    }
  });

  it('a policy said not to be in play explains nothing', () => {
    for (const policy of ['This is a CentOS box without SELinux.', 'SELinux is disabled', "AppArmor is not the cause, I checked", 'AppArmor is enabled on this Ubuntu machine']) {
      expect(ranked(`go: could not create module cache: mkdir /home/ann/go/pkg/mod: permission denied\n${policy}`)[0], policy).toBe('fs-access');
    }
  });

  it('a bare EPERM or a guess from words is no policy named', () => {
    expect(policyNamed([{ classId: 'mac-policy', severity: 'warning', confidence: 0.4, role: 'symptom', symptom: 'not-permitted', message: 'm', evidence: [], fixes: [] }])).toBe(false);
    expect(policyNamed([{ classId: 'mac-policy', severity: 'warning', confidence: 0.3, headline: 'resembles-reports', message: 'm', evidence: [], fixes: [] }])).toBe(false);
    expect(policyNamed([{ classId: 'mac-policy', severity: 'info', confidence: 0.3, message: 'm', evidence: [], fixes: [] }])).toBe(false);
    expect(policyNamed([{ classId: 'mac-policy', severity: 'warning', confidence: 0.5, message: 'm', evidence: [], fixes: [] }])).toBe(true);
  });

  it('only an fs-access cause read from EACCES lines alone is a refusal a policy may explain', () => {
    const cause = { id: 'module-cache-create', classId: 'fs-access', role: undefined } as const;
    expect(refusalOnly(cause, ['go: could not create module cache: mkdir /x: permission denied'])).toBe(true);
    expect(refusalOnly(cause, ['Error: EACCES: permission denied, mkdir \'/x\''])).toBe(true);
    expect(refusalOnly(cause, ['ERROR: could not create /x (error: 13): Permission denied'])).toBe(true);
    expect(refusalOnly(cause, ['go: could not create module cache: mkdir /x: permission denied', 'go: could not create module cache: mkdir /y: read-only file system'])).toBe(false);
    expect(refusalOnly(cause, ['go: could not create module cache: mkdir /x: not a directory'])).toBe(false);
    expect(refusalOnly(cause, [])).toBe(false);
    expect(refusalOnly({ id: 'exec-refused-no-x-bit', classId: 'fs-access' }, ['fork/exec /x: permission denied'])).toBe(false);
    expect(refusalOnly({ id: 'go-file-refused', classId: 'fs-access', role: 'symptom' }, ['open /x: permission denied'])).toBe(false);
    expect(refusalOnly({ id: 'selinux-named', classId: 'mac-policy' }, ['permission denied'])).toBe(false);
  });
});
