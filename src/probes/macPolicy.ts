// SELinux mode and this process's context, its AppArmor profile, its seccomp mode, and recent
// denials of the Go tools or the editor in the audit or kernel log. A policy is only a cause
// with a denial to show for it; being enforced alone is reported as information.
import { promises as fs } from 'node:fs';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { skipped } from './probe.js';
import type { Evidence, FindingInput } from '../doctor/model.js';
import type { Host } from '../host/host.js';
import { quoteForDisplay as sh } from '../host/exec.js';
import {
  cleanAttr,
  isEditorComm,
  isGoToolComm,
  looksLikeSelinuxContext,
  parseAppArmorLabel,
  parseDenials,
  parsePtraceScope,
  parseSelinuxEnforce,
  parseSeccompStatus,
  type AppArmorLabel,
  type Denial,
  type SeccompState,
  type SelinuxMode,
} from '../procfs/lsm.js';

export const ENFORCE = '/sys/fs/selinux/enforce';
export const ATTR_CURRENT = '/proc/self/attr/current';
export const ATTR_APPARMOR = '/proc/self/attr/apparmor/current';
export const STATUS = '/proc/self/status';
export const PTRACE_SCOPE = '/proc/sys/kernel/yama/ptrace_scope';
/** Read from the end: the newest records are what matter, and these files grow large. */
export const LOGS = ['/var/log/audit/audit.log', '/var/log/kern.log', '/var/log/syslog', '/var/log/messages'];
const TAIL_BYTES = 512 * 1024;
/** On the live machine, a denial older than this is history, not the cause of today's trouble. */
export const RECENT_DAYS = 14;

export interface MacState {
  selinux: SelinuxMode;
  selinuxContext?: string;
  apparmor?: AppArmorLabel;
  /** Which file the AppArmor label came from. */
  apparmorSource?: string;
  seccomp: SeccompState;
  /** Relevant denials (Go tools or the editor), newest last, with the log they came from. */
  denials: Array<Denial & { source: string }>;
  /** Yama's ptrace_scope, when the kernel has Yama. */
  ptraceScope?: 0 | 1 | 2 | 3;
}

function denialEvidence(d: Denial & { source: string }): Evidence {
  return { source: d.source, excerpt: d.raw.length > 600 ? `${d.raw.slice(0, 600)}…` : d.raw, line: d.line };
}

function denialWords(d: Denial): string {
  const what = d.lsm === 'selinux' ? `{ ${d.operation} }${d.tclass ? ` on a ${d.tclass}` : ''}` : `${d.operation ?? 'an operation'}`;
  return `${d.lsm === 'selinux' ? 'SELinux' : 'AppArmor'} ${d.enforced ? 'denied' : 'logged (not enforced)'} ${what}${d.target ? ` of ${d.target}` : ''} for ${d.comm}${d.subject ? ` (${d.subject})` : ''}`;
}

/** Pure: findings from the state read. */
export function assessMac(s: MacState): FindingInput[] {
  const findings: FindingInput[] = [];
  const links = {
    selinux: { id: 'mac-selinux-troubleshoot', kind: 'link' as const, url: 'https://docs.fedoraproject.org/en-US/quick-docs/selinux-troubleshooting/', title: 'Troubleshooting SELinux denials' },
    apparmor: { id: 'mac-apparmor-docs', kind: 'link' as const, url: 'https://ubuntu.com/server/docs/security-apparmor', title: 'AppArmor profiles and complain mode' },
  };
  const enforceEvidence: Evidence = { source: ENFORCE, excerpt: s.selinux === 'enforcing' ? '1' : s.selinux === 'permissive' ? '0' : 'absent' };

  const tools = s.denials.filter((d) => isGoToolComm(d.comm));
  const editor = s.denials.filter((d) => isEditorComm(d.comm));
  // A Go tool blocked: the class's proof. SELinux records say themselves whether they were enforced.
  const enforcedTool = tools.filter((d) => d.enforced && (d.lsm === 'apparmor' || s.selinux !== 'permissive'));
  const loggedTool = tools.filter((d) => !enforcedTool.includes(d));
  if (enforcedTool.length) {
    const last = enforcedTool[enforcedTool.length - 1]!;
    const lsm = last.lsm;
    findings.push({
      classId: 'mac-policy',
      severity: 'error',
      confidence: 0.88,
      message: `${denialWords(last)}${enforcedTool.length > 1 ? ` (and ${enforcedTool.length - 1} more denial${enforcedTool.length > 2 ? 's' : ''} of Go tools)` : ''}: the operation fails with "permission denied" although the file modes allow it.`,
      evidence: [...(lsm === 'selinux' ? [enforceEvidence] : []), ...enforcedTool.slice(-3).map(denialEvidence)],
      fixes:
        lsm === 'selinux'
          ? [
              { id: 'mac-selinux-restorecon', kind: 'terminal', text: `restorecon -Rv ${last.target && last.target.startsWith('/') ? sh(last.target) : '~/go ~/.cache'}`, needsRoot: false, title: 'Restore the default SELinux labels', detail: 'Files moved (not copied) into your home keep the label of where they came from.' },
              { id: 'mac-selinux-audit2why', kind: 'terminal', text: `sudo ausearch -m avc -c ${sh(last.comm ?? 'go')} -ts recent | audit2why`, needsRoot: true, title: 'Explain the denial' },
              links.selinux,
            ]
          : [{ id: 'mac-apparmor-logs', kind: 'terminal', text: `sudo journalctl -k --grep 'apparmor="DENIED"' --since today`, needsRoot: true, title: 'Show the AppArmor denials' }, links.apparmor],
    });
  }
  if (loggedTool.length) {
    const last = loggedTool[loggedTool.length - 1]!;
    findings.push({
      classId: 'mac-policy',
      severity: 'warning',
      confidence: 0.4,
      message: `${denialWords(last)}: not blocked now (permissive), but it will fail with "permission denied" once the policy is enforced.`,
      evidence: [...(last.lsm === 'selinux' ? [enforceEvidence] : []), ...loggedTool.slice(-3).map(denialEvidence)],
      fixes: [last.lsm === 'selinux' ? links.selinux : links.apparmor],
    });
  }
  if (editor.length) {
    const enforced = editor.filter((d) => d.enforced && (d.lsm === 'apparmor' || s.selinux !== 'permissive'));
    const shown = enforced.length ? enforced : editor;
    const last = shown[shown.length - 1]!;
    findings.push({
      classId: 'mac-policy',
      severity: enforced.length ? 'warning' : 'info',
      confidence: enforced.length ? 0.5 : 0.2,
      message: `${denialWords(last)}${shown.length > 1 ? ` (${shown.length} such records)` : ''}: the editor itself is confined, so what it starts (go, gopls) may be too.`,
      evidence: shown.slice(-3).map(denialEvidence),
      fixes: [last.lsm === 'selinux' ? links.selinux : links.apparmor],
    });
  }

  if (s.selinux === 'enforcing' && !enforcedTool.length && !loggedTool.length) {
    findings.push({
      classId: 'mac-policy',
      severity: 'info',
      confidence: 0.1,
      message: `SELinux is enforcing${s.selinuxContext ? ` and this process runs as ${s.selinuxContext}` : ''}; no denial of a Go tool was found in the logs that could be read.`,
      evidence: [enforceEvidence, ...(s.selinuxContext ? [{ source: ATTR_CURRENT, excerpt: s.selinuxContext }] : [])],
      fixes: [links.selinux],
    });
  }

  const aa = s.apparmor;
  if (aa && aa.mode !== 'unconfined') {
    const snap = aa.profile.startsWith('snap.');
    const evidence: Evidence[] = [{ source: s.apparmorSource ?? ATTR_APPARMOR, excerpt: `${aa.profile} (${aa.mode})` }];
    if (aa.mode === 'enforce' || aa.mode === 'kill') {
      findings.push({
        classId: 'mac-policy',
        severity: 'warning',
        confidence: snap ? 0.55 : 0.4,
        message: `This process runs under the AppArmor profile ${aa.profile} in ${aa.mode} mode${snap ? ' (a strictly confined snap)' : ''}: go and gopls started from here inherit it, and files outside what the profile allows cannot be read, written or executed.`,
        evidence,
        fixes: [
          ...(snap ? [{ id: 'mac-snap-classic', kind: 'link' as const, url: 'https://code.visualstudio.com/docs/setup/linux', title: 'Install the editor from a .deb/.rpm or the classic snap instead' }] : []),
          links.apparmor,
        ],
      });
    } else if (snap) {
      findings.push({
        classId: 'mac-policy',
        severity: 'info',
        confidence: 0.15,
        message: `This process runs under the snap's AppArmor profile ${aa.profile} in ${aa.mode} mode: file access is logged, not blocked, but the snap's environment (SNAP* variables, its own libraries) reaches go and gopls.`,
        evidence,
        fixes: [links.apparmor],
      });
    }
  }

  if (s.seccomp.mode === 2) {
    findings.push({
      classId: 'mac-policy',
      severity: 'info',
      confidence: 0.1,
      message: `This process runs under ${s.seccomp.filters ?? 'a'} seccomp filter${s.seccomp.filters === 1 ? '' : 's'} (a container or sandbox): system calls outside the filter fail with EPERM or ENOSYS, which older container runtimes return for clone3 and new syscalls.`,
      evidence: [{ source: STATUS, excerpt: `Seccomp:\t2${s.seccomp.filters !== undefined ? `\nSeccomp_filters:\t${s.seccomp.filters}` : ''}` }],
      fixes: [],
    });
  }
  // Yama governs ptrace, which Delve (the Go extension's debugger) lives on. Modes 0 and 1 (the
  // usual defaults) leave launching under Delve alone; 2 takes attaching from everyone but root; 3
  // refuses PTRACE_TRACEME too, so Delve cannot even start a program it debugs ("could not launch
  // process: fork/exec …: operation not permitted", go-delve/delve#515, #2886), and 3 cannot be
  // lowered until the next boot. Building, testing and gopls never use ptrace.
  if (s.ptraceScope === 3 || s.ptraceScope === 2) {
    const three = s.ptraceScope === 3;
    findings.push({
      classId: 'mac-policy',
      severity: three ? 'warning' : 'info',
      confidence: three ? 0.6 : 0.3,
      message: three
        ? 'Yama\'s ptrace_scope is 3 (no ptrace at all): no process may trace another, not even a program it starts itself, so Delve cannot debug here: the Go extension\'s debug sessions fail with "could not launch process: fork/exec …: operation not permitted". Editing, building and testing are unaffected. Mode 3 cannot be lowered until the next boot.'
        : 'Yama\'s ptrace_scope is 2 (admin-only attach): attaching Delve to a running process (a launch.json "request": "attach") needs CAP_SYS_PTRACE, that is root, and fails with "operation not permitted" otherwise; launching a program under Delve still works.',
      evidence: [{ source: PTRACE_SCOPE, excerpt: String(s.ptraceScope) }],
      fixes: [
        { id: 'mac-yama-sysctl-files', kind: 'terminal', text: 'grep -rs ptrace_scope /etc/sysctl.conf /etc/sysctl.d /run/sysctl.d /usr/lib/sysctl.d', needsRoot: false, title: 'Find the sysctl file that sets it', detail: three ? 'Change it there (as root) and reboot: mode 3 stays until then.' : 'Change it there (as root); `sysctl kernel.yama.ptrace_scope=1` applies it until the next boot.' },
        { id: 'mac-yama-docs', kind: 'link', url: 'https://www.kernel.org/doc/html/latest/admin-guide/LSM/Yama.html', title: 'Yama: what each ptrace_scope allows' },
      ],
    });
  }
  return findings;
}

/** The last `bytes` of a system file under the host's root, cut to whole lines. */
export async function readTail(host: Host, p: string, bytes = TAIL_BYTES): Promise<{ ok: true; text: string; firstLine: number | undefined } | { ok: false; code: string }> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(host.path(p), 'r');
    const st = await handle.stat();
    if (!st.isFile()) return { ok: false, code: 'ENOTFILE' };
    const start = Math.max(0, st.size - bytes);
    const buf = Buffer.alloc(Math.min(bytes, st.size));
    const { bytesRead } = await handle.read(buf, 0, buf.length, start);
    let text = buf.subarray(0, bytesRead).toString('utf8');
    if (start > 0) text = text.slice(text.indexOf('\n') + 1);
    // Line numbers are only known when the whole file was read.
    return { ok: true, text, firstLine: start === 0 ? 1 : undefined };
  } catch (e) {
    return { ok: false, code: (e as NodeJS.ErrnoException).code ?? 'EIO' };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Records without a parsable time (ausearch -i output, syslog prefixes) are kept. */
export function isRecent(d: Denial, nowSec: number, days = RECENT_DAYS): boolean {
  return d.time === undefined || nowSec - d.time <= days * 86400;
}

async function readDenials(ctx: ProbeContext): Promise<{ denials: MacState['denials']; logs: Record<string, string | number>; old: number }> {
  const denials: MacState['denials'] = [];
  const logs: Record<string, string | number> = {};
  let readable = 0;
  let old = 0;
  // Fixture logs are old by nature; only the live machine's clock says what "recent" is.
  const recent = (d: Denial) => {
    if (!ctx.host.live || isRecent(d, Date.now() / 1000)) return true;
    old++;
    return false;
  };
  for (const p of LOGS) {
    const r = await readTail(ctx.host, p);
    if (!r.ok) {
      logs[p] = r.code;
      continue;
    }
    readable++;
    const found = parseDenials(r.text).filter((d) => isGoToolComm(d.comm) || isEditorComm(d.comm));
    // A signal the Go runtime sends itself (SIGURG preemption) denied by a container profile is noise.
    const relevant = found.filter((d) => d.operation !== 'signal').filter(recent);
    logs[p] = relevant.length;
    for (const d of relevant) denials.push({ ...d, line: r.firstLine ? d.line : 0, source: p });
  }
  // The kernel ring buffer, only when no log file could be read and only if dmesg answers quickly.
  if (readable === 0 && ctx.host.live && ctx.remainingMs() > 1500) {
    const dmesg = await ctx.facts.lookPath('dmesg');
    if (dmesg) {
      const r = await ctx.host.exec(dmesg, [], { timeoutMs: 1000, signal: ctx.signal, env: ctx.env, maxBuffer: 2 * 1024 * 1024 });
      if (r.failed) logs.dmesg = r.errorCode ?? r.stderr.trim().split('\n')[0] ?? 'failed';
      else {
        const relevant = parseDenials(r.stdout).filter((d) => (isGoToolComm(d.comm) || isEditorComm(d.comm)) && d.operation !== 'signal').filter(recent);
        logs.dmesg = relevant.length;
        for (const d of relevant) denials.push({ ...d, source: 'dmesg' });
      }
    }
  }
  return { denials, logs, old };
}

export const macPolicyProbe: Probe = {
  id: 'mac-policy',
  title: 'SELinux, AppArmor, seccomp and Yama',
  classes: ['mac-policy'],
  async run(ctx): Promise<ProbeOutcome> {
    if (ctx.host.platform !== 'linux') return skipped(`not Linux (${ctx.host.platform})`);
    const enforce = await ctx.host.read(ENFORCE, 64);
    const selinux = parseSelinuxEnforce(enforce.ok ? enforce.text : undefined);
    const current = await ctx.host.read(ATTR_CURRENT, 4096);
    const aaFile = await ctx.host.read(ATTR_APPARMOR, 4096);
    const currentText = current.ok ? cleanAttr(current.text) : undefined;
    let apparmor = aaFile.ok ? parseAppArmorLabel(aaFile.text) : undefined;
    let apparmorSource = apparmor ? ATTR_APPARMOR : undefined;
    // Before the LSM stacking interface, AppArmor's label was in attr/current.
    if (!apparmor && selinux === 'disabled' && currentText) {
      apparmor = parseAppArmorLabel(currentText);
      if (apparmor) apparmorSource = ATTR_CURRENT;
    }
    const selinuxContext = selinux !== 'disabled' && looksLikeSelinuxContext(currentText) ? currentText : undefined;
    const status = await ctx.host.read(STATUS, 64 * 1024);
    const seccomp = status.ok ? parseSeccompStatus(status.text) : {};
    const { denials, logs, old } = await readDenials(ctx);
    const yama = await ctx.host.read(PTRACE_SCOPE, 64);
    const ptraceScope = yama.ok ? parsePtraceScope(yama.text) : undefined;
    const state: MacState = { selinux, selinuxContext, apparmor, apparmorSource, seccomp, denials, ...(ptraceScope !== undefined ? { ptraceScope } : {}) };
    return {
      findings: assessMac(state),
      observed: {
        selinux,
        selinuxContext,
        attrCurrent: current.ok ? currentText ?? '' : current.code,
        apparmor: apparmor ? `${apparmor.profile} (${apparmor.mode})` : aaFile.ok ? cleanAttr(aaFile.text) : aaFile.code,
        seccomp: status.ok ? seccomp : status.code,
        logs,
        denials: denials.length,
        ptraceScope: ptraceScope ?? (yama.ok ? 'unreadable' : yama.code),
        oldDenialsIgnored: old || undefined,
      },
    };
  },
};
