import { describe, expect, it } from 'vitest';
import type { Fix } from '../../../src/doctor/model.js';
import { asRoot, rootFixes } from '../../../src/fixes/asRoot.js';

const remount: Fix = { id: 'noexec-remount-exec', kind: 'terminal', title: 'Remount /tmp with exec', text: 'sudo mount -o remount,exec /tmp', needsRoot: true, detail: 'Lasts until reboot.' };
const sysctl: Fix = { id: 'inotify-raise-watches', kind: 'terminal', title: 'Raise', text: "sysctl -w fs.inotify.max_user_watches=524288 && echo 'fs.inotify.max_user_watches=524288' > /etc/sysctl.d/60-inotify-watches.conf", needsRoot: true };
const plainRoot: Fix = { id: 'x', kind: 'terminal', title: 'x', text: 'journalctl -k', needsRoot: true };
const chown: Fix = { id: 'fs-access-chown-gocache', kind: 'terminal', title: 'Take ownership', text: 'sudo chown -R "$USER:" /home/dev/.cache/go-build', needsRoot: true };
const user: Fix = { id: 'go-mod-init', kind: 'terminal', title: 'Create a module', text: 'go mod init example.com/m', needsRoot: false };

describe('asRoot: a root command as it can run on this machine', () => {
  it.each([
    ['root, sudo present: no sudo', remount, { uid: 0, sudo: true }, 'mount -o remount,exec /tmp'],
    ['root, no sudo: no sudo', remount, { uid: 0, sudo: false }, 'mount -o remount,exec /tmp'],
    ['user with sudo: kept', remount, { uid: 1000, sudo: true }, 'sudo mount -o remount,exec /tmp'],
    ['user without sudo: plain, and the detail says how', remount, { uid: 1000, sudo: false }, 'mount -o remount,exec /tmp'],
    ['user with sudo, a plain command: sudo added', plainRoot, { uid: 1000, sudo: true }, 'sudo journalctl -k'],
    ['user with sudo, a redirect: the whole line in a root shell', sysctl, { uid: 1000, sudo: true }, `sudo sh -c 'sysctl -w fs.inotify.max_user_watches=524288 && echo '\\''fs.inotify.max_user_watches=524288'\\'' > /etc/sysctl.d/60-inotify-watches.conf'`],
    ['unknown uid with sudo: sudo', plainRoot, { uid: undefined, sudo: true }, 'sudo journalctl -k'],
    // sudo expands "$USER" in the user's own shell; in `su -` it would be root, so the user is named.
    ['user with sudo, chown to the caller: "$USER" kept', chown, { uid: 1001, sudo: true, user: 'devx' }, 'sudo chown -R "$USER:" /home/dev/.cache/go-build'],
    ['user without sudo, chown to the caller: named', chown, { uid: 1001, sudo: false, user: 'devx' }, 'chown -R devx: /home/dev/.cache/go-build'],
    ['a user name that needs quoting is quoted', chown, { uid: 1001, sudo: false, user: 'a b' }, "chown -R 'a b': /home/dev/.cache/go-build"],
    ['a uid without a name', chown, { uid: 1234, sudo: false, user: '1234' }, 'chown -R 1234: /home/dev/.cache/go-build'],
  ] as const)('%s', (_, fix, ctx, text) => {
    expect((asRoot(fix, ctx) as Extract<Fix, { kind: 'terminal' }>).text).toBe(text);
  });

  it('says how to become root when there is no sudo, after the builder\'s own detail', () => {
    expect(asRoot(remount, { uid: 1000, sudo: false }).detail).toBe('Lasts until reboot. sudo is not installed here: run it in a root shell (`su -`, or log in as root).');
    expect(asRoot(remount, { uid: 0, sudo: false }).detail).toBe('Lasts until reboot.');
  });

  it('leaves commands that need no root alone, and reaches fixes of causes and findings', () => {
    expect(asRoot(user, { uid: 0, sudo: false })).toBe(user);
    const r = rootFixes({ causes: [{ fixes: [remount], findings: [{ fixes: [remount, user] }] }] }, { uid: 0, sudo: true });
    expect(r.causes[0]!.fixes[0]).toMatchObject({ text: 'mount -o remount,exec /tmp' });
    expect(r.causes[0]!.findings[0]!.fixes.map((f) => (f as Extract<Fix, { kind: 'terminal' }>).text)).toEqual(['mount -o remount,exec /tmp', 'go mod init example.com/m']);
  });
});
