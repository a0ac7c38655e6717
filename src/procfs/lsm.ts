// Mandatory access control state and denial records. Pure: text in, values out.
//   /sys/fs/selinux/enforce            "1" enforcing, "0" permissive (absent: SELinux disabled)
//   /proc/self/attr/current            SELinux context, or the AppArmor label on older kernels
//   /proc/self/attr/apparmor/current   AppArmor label: "snap.code.code (complain)", "unconfined"
//   /proc/self/status                  Seccomp: 0 off, 1 strict, 2 filter; Seccomp_filters: N
//   audit.log / kern.log / syslog      "avc:  denied { … } for pid=… comm=…" and apparmor="DENIED"
//   /proc/sys/kernel/yama/ptrace_scope Yama: 0 classic, 1 descendants only, 2 admin only, 3 none (absent: no Yama)

export type SelinuxMode = 'enforcing' | 'permissive' | 'disabled';

export function parseSelinuxEnforce(text: string | undefined): SelinuxMode {
  if (text === undefined) return 'disabled';
  const v = text.replace(/\0/g, '').trim();
  return v === '1' ? 'enforcing' : v === '0' ? 'permissive' : 'disabled';
}

/** attr files end in a NUL and/or a newline. */
export function cleanAttr(text: string | undefined): string | undefined {
  const v = text?.replace(/\0/g, '').trim();
  return v ? v : undefined;
}

export interface AppArmorLabel {
  profile: string;
  /** enforce, complain, kill, unconfined, prompt; "unconfined" for the bare unconfined label. */
  mode: string;
}

/** "snap.code.code (complain)" → { profile, mode }; "unconfined" → unconfined. Not a label → undefined. */
export function parseAppArmorLabel(text: string | undefined): AppArmorLabel | undefined {
  const v = cleanAttr(text);
  if (!v) return undefined;
  if (v === 'unconfined') return { profile: 'unconfined', mode: 'unconfined' };
  const m = /^(.+?) \((enforce|complain|kill|unconfined|prompt|user)\)$/.exec(v);
  return m ? { profile: m[1]!, mode: m[2]! } : undefined;
}

/** An SELinux context is user:role:type:level ("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023"). */
export function looksLikeSelinuxContext(v: string | undefined): boolean {
  return !!v && /^[^:\s]+:[^:\s]+:[^:\s]+(:.+)?$/.test(v);
}

export interface SeccompState {
  mode?: number;
  filters?: number;
  noNewPrivs?: number;
}

export function parseSeccompStatus(text: string): SeccompState {
  const field = (name: string) => {
    const m = new RegExp(`^${name}:\\s*(\\d+)\\s*$`, 'm').exec(text);
    return m ? Number(m[1]) : undefined;
  };
  return { mode: field('Seccomp'), filters: field('Seccomp_filters'), noNewPrivs: field('NoNewPrivs') };
}

export interface Denial {
  lsm: 'selinux' | 'apparmor';
  comm?: string;
  /** SELinux: { read write } ; AppArmor: operation="open". */
  operation?: string;
  /** The object: name=/path=. */
  target?: string;
  /** SELinux scontext, AppArmor profile. */
  subject?: string;
  tclass?: string;
  /** SELinux's permissive=1: logged, not enforced. AppArmor "ALLOWED" is complain mode; "KILLED" (a kill-mode profile or rule) refused and killed the task. */
  enforced: boolean;
  /** audit(1696227229.107:8490) → seconds since the epoch, when the record has it. */
  time?: number;
  line: number;
  raw: string;
}

function field(line: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}=("([^"]*)"|\\S+)`).exec(line);
  if (!m) return undefined;
  return m[2] ?? m[1];
}

function auditTime(line: string): number | undefined {
  const m = /audit\((\d+)(?:\.\d+)?:\d+\)/.exec(line);
  return m ? Number(m[1]) : undefined;
}

/** Every SELinux AVC and AppArmor DENIED/KILLED/ALLOWED record in a log text (audit.log, kern.log, syslog, dmesg). */
export function parseDenials(text: string): Denial[] {
  const out: Denial[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    const avc = /avc:\s+denied\s+\{([^}]*)\}/.exec(raw);
    if (avc) {
      const permissive = field(raw, 'permissive');
      out.push({
        lsm: 'selinux',
        comm: field(raw, 'comm'),
        operation: avc[1]!.trim(),
        target: field(raw, 'path') ?? field(raw, 'name'),
        subject: field(raw, 'scontext'),
        tclass: field(raw, 'tclass'),
        enforced: permissive !== '1',
        time: auditTime(raw),
        line: i + 1,
        raw,
      });
      continue;
    }
    const aa = /apparmor="(DENIED|KILLED|ALLOWED)"/.exec(raw);
    if (aa) {
      out.push({
        lsm: 'apparmor',
        comm: field(raw, 'comm'),
        operation: field(raw, 'operation'),
        target: field(raw, 'name'),
        subject: field(raw, 'profile'),
        enforced: aa[1] !== 'ALLOWED',
        time: auditTime(raw),
        line: i + 1,
        raw,
      });
    }
  }
  return out;
}

/** The Go toolchain's process names (a test binary aside), for the probe and the log rules alike. */
export const GO_TOOL_NAMES = 'go|gopls|gofmt|goimports|compile|link|asm|cgo|vet|cover|dlv|staticcheck|golangci-lint';
/** The editor's and its helpers' process names. */
export const EDITOR_NAMES = 'code|code-oss|code-insiders|codium|vscodium|cursor|electron|node';

const GO_TOOL_COMM = new RegExp(`^(?:${GO_TOOL_NAMES}|[\\w.-]+\\.test)$`);
const EDITOR_COMM = new RegExp(`^(?:${EDITOR_NAMES})$`);

/** The Go toolchain's processes, as the kernel names them (comm is cut at 15 bytes). */
export function isGoToolComm(comm: string | undefined): boolean {
  return comm ? GO_TOOL_COMM.test(comm) : false;
}

/** The editor and its helpers. */
export function isEditorComm(comm: string | undefined): boolean {
  return comm ? EDITOR_COMM.test(comm) : false;
}

/** Yama's ptrace_scope, 0 to 3 (Documentation/admin-guide/LSM/Yama.rst); undefined when absent or not a mode. */
export function parsePtraceScope(text: string | undefined): 0 | 1 | 2 | 3 | undefined {
  const v = text?.replace(/\0/g, '').trim();
  return v === '0' || v === '1' || v === '2' || v === '3' ? (Number(v) as 0 | 1 | 2 | 3) : undefined;
}
