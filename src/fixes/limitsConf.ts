// Where an rlimit the doctor judged comes from, and a pam_limits fix that takes effect for the user
// it was read for. A tester applied the old fix (`* soft nproc 65536` in limits.d) on real faults
// and nothing changed (S18, S25): pam_limits lets a line naming the user win over `*` lines, never
// applies `*` (or @group) lines to root, and in a container without CAP_SYS_RESOURCE cannot set a
// hard limit above the one of the process that opens the session, and then sets none of the line.
// Pure: probes/limitSources.ts reads the files.

/** One line of limits.conf or a limits.d file: `<domain> <type> <item> <value>`. */
export interface LimitsLine {
  file: string;
  line: number;
  text: string;
  domain: string;
  type: 'soft' | 'hard' | '-';
  item: string;
  value: string;
}

/** Pure: the rule lines of one pam_limits file (comments and malformed lines skipped). */
export function parseLimitsConf(file: string, text: string): LimitsLine[] {
  const out: LimitsLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const body = raw.replace(/#.*/, '').trim();
    const m = /^(\S+)\s+(soft|hard|-)\s+(\S+)\s+(\S+)$/.exec(body);
    if (m) out.push({ file, line: i + 1, text: raw.trim(), domain: m[1]!, type: m[2] as LimitsLine['type'], item: m[3]!.toLowerCase(), value: m[4]! });
  });
  return out;
}

/** A `ulimit` in a shell start-up file that sets the limit to the value in force. */
export interface UlimitSite {
  file: string;
  line: number;
  text: string;
}

/** The `ulimit` option of each item. */
export const ULIMIT_FLAG = { nproc: 'u', nofile: 'n', as: 'v', data: 'd', fsize: 'f' } as const;
export type LimitItem = keyof typeof ULIMIT_FLAG;

/** Pure: lines of a shell file that run `ulimit -<flag> VALUE` (with -S/-H, combined or apart). */
export function ulimitLines(file: string, text: string, item: LimitItem, value: number | 'unlimited'): UlimitSite[] {
  const flag = ULIMIT_FLAG[item];
  const out: UlimitSite[] = [];
  text.split('\n').forEach((raw, i) => {
    const code = raw.replace(/(^|\s)#.*/, '');
    const m = new RegExp(`(?:^|[\\s;&|(])ulimit((?:\\s+-[SHa-z]+)*)\\s+(\\d+|unlimited)\\b`).exec(code);
    if (!m) return;
    const flags = m[1]!.replace(/[\s-]/g, '');
    if (!flags.includes(flag)) return;
    if (String(m[2]) !== String(value)) return;
    out.push({ file, line: i + 1, text: raw.trim() });
  });
  return out;
}

/** What the fix builder knows of the user and the machine; absent, the fix is the old wildcard one. */
export interface LimitsContext {
  /** The user the limit was read for (this process's uid) and its name from /etc/passwd. */
  uid: number;
  user?: string;
  /** Every pam_limits rule line read (limits.conf, then limits.d/*.conf in order). */
  lines: readonly LimitsLine[];
  /** Shell start-up lines whose `ulimit` sets each item to the value in force. */
  ulimits: Partial<Record<LimitItem, readonly UlimitSite[]>>;
  /**
   * In limits.conf's unit (KiB for as, data, fsize). Without CAP_SYS_RESOURCE in the capability
   * bounding set (a container), the highest hard limit a new session can be given: the lowest hard limit above ours among this process's ancestors.
   */
  hardCeiling?: Partial<Record<LimitItem, number>>;
  /** CapBnd lacks CAP_SYS_RESOURCE: nobody here can raise a hard limit. */
  noSysResource?: boolean;
}

const SYSTEMD_NAME = { nproc: 'NPROC', nofile: 'NOFILE', as: 'AS', data: 'DATA', fsize: 'FSIZE' } as const;

/** Pure: the fix for one item, for the user of `ctx`; the old wildcard file without one. */
export function limitsConfFixFor(id: string, item: LimitItem, wanted: number | 'unlimited', ctx?: LimitsContext): { kind: 'terminal'; id: string; title: string; text: string; needsRoot: true; detail: string } {
  const sd = SYSTEMD_NAME[item];
  const login = `pam_limits applies it at the next login: log out and back in (a new session; an open terminal or a running editor keeps the old limit, and a limit a shell set with ulimit ends with that shell), then restart the editor. A systemd user session may also need DefaultLimit${sd} in /etc/systemd/user.conf.`;
  const shellNote = item === 'as' || item === 'data' || item === 'fsize' ? ` A \`ulimit -${ULIMIT_FLAG[item]}\` in a shell start-up file, a service's Limit${sd}= or a batch scheduler's option sets it too: look there first.` : '';
  if (!ctx?.user || !/^[a-z_][a-z0-9_.-]*\$?$/i.test(ctx.user)) {
    return {
      id,
      kind: 'terminal',
      title: `Raise the ${item} limit to ${wanted} for every login`,
      text: `printf '%s\\n' '* soft ${item} ${wanted}' '* hard ${item} ${wanted}' > /etc/security/limits.d/60-${item}.conf`,
      needsRoot: true,
      detail: `${login} Lines for \`*\` are never applied to root, and a line naming a user wins over them.${shellNote}`,
    };
  }
  const user = ctx.user;
  const ceiling = ctx.hardCeiling?.[item];
  const value = typeof wanted === 'number' && ceiling !== undefined && ceiling < wanted ? ceiling : wanted === 'unlimited' && ceiling !== undefined ? ceiling : wanted;
  const capped = value !== wanted ? ` This system lacks CAP_SYS_RESOURCE (a container), so no session can get a hard limit above ${ceiling}, the one its login process holds, and pam_limits would set none of a line asking more: ${value} is used.` : '';
  const rootNote = ctx.uid === 0 ? ' pam_limits never applies `*` or @group lines to root: the lines name root.' : '';
  const verify = ` Check it in a new session: \`runuser -l ${user} -s /bin/bash -c 'ulimit -${ULIMIT_FLAG[item]}'\`.`;
  // A line naming the user decides (pam_limits: user lines beat @group and `*`): change it in place.
  const own = ctx.lines.filter((l) => l.domain === user && l.item === item);
  const sites = ctx.ulimits[item] ?? [];
  const fromShell = sites.length ? ` ${sites.map((s) => `${s.file}:${s.line} (${s.text})`).join(', ')} set${sites.length === 1 ? 's' : ''} it with ulimit, at every shell start: remove ${sites.length === 1 ? 'that line' : 'those lines'} too, or the new limit is cut back there.` : '';
  if (own.length) {
    const files = [...new Set(own.map((l) => l.file))];
    const re = `^([[:space:]]*${user.replace(/[.$]/g, '\\$&')}[[:space:]]+(soft|hard|-)[[:space:]]+${item}[[:space:]]+)[^[:space:]#]+`;
    return {
      id,
      kind: 'terminal',
      title: `Raise the ${item} limit of ${user} to ${value} in ${files.join(', ')}`,
      text: files.map((f) => `sed -i -E '${`s/${re}/\\1${value}/`}' ${f}`).join(' && '),
      needsRoot: true,
      detail: `${own.map((l) => `${l.file}:${l.line} (${l.text})`).join(', ')} set${own.length === 1 ? 's' : ''} it for ${user}, and a line naming the user wins over every \`*\` line: ${own.length === 1 ? 'its' : 'their'} value is changed.${rootNote} ${login}${verify}${capped}${fromShell}${shellNote}`,
    };
  }
  return {
    id,
    kind: 'terminal',
    title: `Raise the ${item} limit of ${user} to ${value} at login`,
    text: `printf '%s\\n' '${user} soft ${item} ${value}' '${user} hard ${item} ${value}' > /etc/security/limits.d/60-${item}-${user}.conf`,
    needsRoot: true,
    detail: `The lines name ${user}, the user the limit was read for: a line naming the user wins over \`*\` lines.${rootNote} ${login}${verify}${capped}${fromShell}${shellNote}`,
  };
}

/** Removes a start-up file's ulimit line: `sed -i 'N{/ulimit/d}'` deletes line N only while it still runs ulimit. */
export function removeUlimitFixes(item: LimitItem, ctx: LimitsContext | undefined, home: string | undefined): Array<{ kind: 'terminal'; id: string; title: string; text: string; needsRoot: boolean; detail: string }> {
  return (ctx?.ulimits[item] ?? []).slice(0, 3).map((s) => {
    const inHome = !!home && s.file.startsWith(`${home}/`);
    return {
      id: `remove-ulimit-${item}:${s.file}:${s.line}`.slice(0, 150),
      kind: 'terminal',
      title: `Remove the ulimit -${ULIMIT_FLAG[item]} line from ${inHome ? `~/${s.file.slice(home!.length + 1)}` : s.file} (line ${s.line})`,
      text: `sed -i '${s.line}{/ulimit/d}' '${s.file.replace(/'/g, `'\\''`)}'`,
      needsRoot: !inHome,
      detail: `Line ${s.line} (${s.text}) sets this very limit at every start of that shell, whatever pam_limits gave the session. Open a new login shell afterwards; restart the editor from it.`,
    };
  });
}
