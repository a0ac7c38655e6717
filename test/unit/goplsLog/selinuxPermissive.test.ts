// SELinux records logged with permissive=1 (lane loose, session s10). The kernel ends an audited
// denial with " permissive=%u", printed as result ? 0 : 1 (security/selinux/avc.c
// avc_audit_post_callback): 1 means the access was granted, SELinux or the domain being permissive.
// Such a record of a Go tool is a warning, unless the log also shows a refusal. Records are this
// test's own.
import { describe, expect, it } from 'vitest';
import { matchRules } from '../../../src/goplsLog/rules.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema } from '../../../src/doctor/model.js';

const avc = (comm: string, permissive: 0 | 1) =>
  `type=AVC msg=audit(1714650311.442:1207): avc:  denied  { execmem } for  pid=51234 comm="${comm}" scontext=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023 tcontext=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023 tclass=process permissive=${permissive}`;
const ids = (line: string) => matchRules(line, {}).map((r) => r.id).filter((id) => id.startsWith('selinux'));
const causes = (text: string) => rankCauses(findingsOf('audit.log', analyzeText(`${text}\n`)).map((f) => FindingSchema.parse(f))).filter((c) => c.severity !== 'info');

describe('selinux-avc-permissive', () => {
  it('reads a Go tool\'s record by its permissive field', () => {
    expect(ids(avc('gopls', 1))).toEqual(['selinux-avc-permissive']);
    expect(ids(avc('gopls', 0))).toEqual(['selinux-avc-denied']);
    // Another program's record stays another program's, whatever the mode.
    expect(ids(avc('httpd', 1))).toEqual(['selinux-avc-denied-other']);
    // setroubleshoot's summary does not say the mode: an enforced denial, as before.
    expect(ids('SELinux is preventing /usr/local/go/bin/go from write access on the directory go-build.')).toEqual(['selinux-avc-denied']);
  });

  it('alone, a permissive record is a warning: logged, not refused', () => {
    const [top] = causes(avc('gopls', 1));
    expect(top).toMatchObject({ id: 'mac-policy', severity: 'warning' });
    expect(causes(avc('gopls', 0))[0]).toMatchObject({ id: 'mac-policy', severity: 'error' });
  });

  it('beside a refusal it is the error an enforced denial is', () => {
    for (const refusal of ['go: creating work dir: mkdir /home/dana/.cache/go-build/tmp-4455: permission denied', 'open /home/dana/go/pkg/mod/cache/lock: operation not permitted']) {
      const [top] = causes(`${avc('go', 1)}\n${refusal}`);
      expect(top, refusal).toMatchObject({ id: 'mac-policy', severity: 'error' });
      expect(top!.findings[0]!.message).toMatch(/also shows an operation refused/);
    }
  });

  it('other lines that only mention denials do not count as a refusal', () => {
    const text = `${avc('gopls', 1)}\n${avc('gopls', 1).replace('execmem', 'execstack')}\nsetenforce 0 was run to collect the records`;
    expect(causes(text)[0]).toMatchObject({ id: 'mac-policy', severity: 'warning' });
  });
});

// "avc:  granted" is the kernel auditing an access it allowed (an auditallow rule, setenforce,
// load_policy): its contexts and tool names are SELinux's words, but nothing was refused.
describe('selinux-avc-granted', () => {
  const granted = [
    'type=AVC msg=audit(1714650311.442:1208): avc:  granted  { setenforce } for  pid=51240 comm="setenforce" scontext=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023 tcontext=system_u:object_r:security_t:s0 tclass=security',
    'May 02 13:45:11 fedora kernel: audit: type=1400 audit(1714650311.442:1209): avc:  granted  { load_policy } for  pid=1 comm="systemd" scontext=system_u:system_r:init_t:s0 tcontext=system_u:object_r:security_t:s0 tclass=security',
  ];
  it.each(granted)('alone names no policy at warning or above: %s', (line) => {
    expect(ids(line)).toEqual(['selinux-avc-granted']);
    expect(causes(line)).toEqual([]);
  });
  it('a denial beside it is still the error', () => {
    expect(causes(`${granted[0]}\n${avc('go', 0)}`)[0]).toMatchObject({ id: 'mac-policy', severity: 'error' });
  });
});
