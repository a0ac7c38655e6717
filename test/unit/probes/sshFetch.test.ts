import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import which from 'which';
import { describe, expect, it } from 'vitest';
import { canAuthenticateUnasked, credentialHelperHosts, expandSshPath, keyHasPassphrase, knownHostsName, parseInsteadOf, parseSshConfig, refusesUnknownHost, rewriteUrl, sshTarget, urlHasUserinfo } from '../../../src/probes/sshFetch.js';

describe('parseInsteadOf (git config --get-regexp output)', () => {
  it('reads each rule, base and prefix', () => {
    expect(parseInsteadOf('url.git@github.com:.insteadof https://github.com/\nurl.ssh://git@gitlab.corp:2222/.insteadof https://gitlab.corp/\n')).toEqual([
      { base: 'git@github.com:', prefix: 'https://github.com/' },
      { base: 'ssh://git@gitlab.corp:2222/', prefix: 'https://gitlab.corp/' },
    ]);
  });
  it.each(['', 'core.sshcommand ssh -i key\n', 'url.https://x/.pushinsteadof git@x:\n'])('%j → no rule', (s) => expect(parseInsteadOf(s)).toEqual([]));
});

describe('rewriteUrl (git: the longest matching prefix wins)', () => {
  const rules = parseInsteadOf('url.git@github.com:.insteadof https://github.com/\nurl.ssh://git@github.com/acme-mirror/.insteadof https://github.com/acme/\n');
  it.each([
    ['https://github.com/x/y', 'git@github.com:x/y'],
    ['https://github.com/acme/lib', 'ssh://git@github.com/acme-mirror/lib'],
    ['https://gitlab.com/x/y', 'https://gitlab.com/x/y'],
  ])('%s → %s', (url, want) => expect(rewriteUrl(url, rules)).toBe(want));
});

describe('sshTarget', () => {
  it.each([
    ['git@github.com:acme/lib', { user: 'git', host: 'github.com' }],
    ['ssh://git@gitlab.corp:2222/acme/lib', { user: 'git', host: 'gitlab.corp', port: 2222 }],
    ['ssh://gitlab.corp:22/acme/lib', { host: 'gitlab.corp' }],
    ['git+ssh://git@[::1]:2200/r', { user: 'git', host: '::1', port: 2200 }],
    ['github.com:acme/lib', { host: 'github.com' }],
    ['https://github.com/acme/lib', undefined],
    ['file:///srv/git/lib', undefined],
    // Option-like or shell-special names are never passed on.
    ['ssh://-oProxyCommand=x/r', undefined],
    ['git@$(touch x):r', undefined],
  ])('%s → %j', (url, want) => expect(sshTarget(url)).toEqual(want));
});

describe('parseSshConfig (ssh -G output)', () => {
  // OpenSSH 9.2p1's ssh -G, abridged.
  const G = 'host 127.0.0.1\nuser ann\nhostname 127.0.0.1\nport 2299\nstricthostkeychecking ask\nidentityfile ~/.ssh/id_rsa\nidentityfile ~/.ssh/id_ed25519\nglobalknownhostsfile /etc/ssh/ssh_known_hosts /etc/ssh/ssh_known_hosts2\nuserknownhostsfile ~/.ssh/known_hosts ~/.ssh/known_hosts2\nidentityagent SSH_AUTH_SOCK\n';
  it('keeps repeated and listed values', () => {
    const c = parseSshConfig(G);
    expect(c.get('identityfile')).toEqual(['~/.ssh/id_rsa', '~/.ssh/id_ed25519']);
    expect(c.get('userknownhostsfile')).toEqual(['~/.ssh/known_hosts', '~/.ssh/known_hosts2']);
    expect(c.get('port')).toEqual(['2299']);
    expect(c.get('identityagent')).toEqual(['SSH_AUTH_SOCK']);
  });
});

describe('small rules', () => {
  it.each([
    ['~/.ssh/id_rsa', '/home/ann/.ssh/id_rsa'],
    ['%d/.ssh/id_%u', '/home/ann/.ssh/id_ann'],
    ['/etc/ssh/ssh_known_hosts', '/etc/ssh/ssh_known_hosts'],
    ['~ann/x', '~ann/x'],
  ])('expandSshPath(%s)', (p, want) => expect(expandSshPath(p, '/home/ann', 'ann')).toBe(want));
  it('knownHostsName', () => {
    expect(knownHostsName('github.com', 22)).toBe('github.com');
    expect(knownHostsName('127.0.0.1', 2299)).toBe('[127.0.0.1]:2299');
  });
  it.each([
    ['ask', true],
    ['yes', true],
    ['true', true],
    ['accept-new', false],
    ['no', false],
    ['off', false],
  ])('refusesUnknownHost(%s) = %s', (v, want) => expect(refusesUnknownHost(v)).toBe(want));
  it.each([
    [{ keys: [], agent: undefined }, false],
    [{ keys: [{ file: 'k', passphrase: true }], agent: undefined }, false],
    [{ keys: [{ file: 'k', passphrase: false, tooOpen: '0644' }], agent: undefined }, false],
    [{ keys: [{ file: 'k', passphrase: false }], agent: undefined }, true],
    [{ keys: [{ file: 'k', passphrase: true }], agent: { socket: 's', identities: 0 } }, false],
    [{ keys: [], agent: { socket: 's', identities: 1 } }, true],
  ])('canAuthenticateUnasked(%j) = %s', (s, want) => expect(canAuthenticateUnasked(s)).toBe(want));
});

/** OpenSSH's private key format up to its cipher name (all keyHasPassphrase reads). */
function opensshHead(cipher: string): string {
  const n = Buffer.alloc(4);
  n.writeUInt32BE(cipher.length);
  const raw = Buffer.concat([Buffer.from('openssh-key-v1\0', 'latin1'), n, Buffer.from(cipher, 'latin1'), Buffer.alloc(24)]);
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${raw.toString('base64')}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

describe('keyHasPassphrase', () => {
  it.each([
    [opensshHead('none'), false],
    [opensshHead('aes256-ctr'), true],
    [opensshHead('chacha20-poly1305@openssh.com'), true],
    ['-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n', true],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n', false],
    ['-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIF\n-----END ENCRYPTED PRIVATE KEY-----\n', true],
    ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI fault\n', undefined],
    ['-----BEGIN OPENSSH PRIVATE KEY-----\nbm90IGEga2V5\n-----END OPENSSH PRIVATE KEY-----\n', undefined],
  ])('%#', (text, want) => expect(keyHasPassphrase(text)).toBe(want));

  it.skipIf(!which.sync('ssh-keygen', { nothrow: true }))('reads keys ssh-keygen makes, with and without a passphrase', () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'sshkey-'));
    try {
      for (const [type, pass] of [['ed25519', ''], ['ed25519', 'pw pw pw'], ['rsa', ''], ['rsa', 'pw pw pw'], ['ecdsa', 'pw pw pw']] as const) {
        const f = path.join(d, `${type}-${pass ? 'p' : 'n'}`);
        execFileSync('ssh-keygen', ['-q', '-t', type, '-N', pass, '-f', f]);
        expect(keyHasPassphrase(readFileSync(f, 'utf8')), `${type} ${pass ? 'with' : 'without'} a passphrase`).toBe(pass !== '');
        // The probe reads only a key's first 512 bytes: the answer must be the same from them.
        expect(keyHasPassphrase(readFileSync(f).subarray(0, 512).toString('utf8')), `${type} head`).toBe(pass !== '');
      }
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('credentialHelperHosts and urlHasUserinfo', () => {
  it('reads git config --get-regexp credential lines (as printed by git 2.39)', () => {
    const out = 'credential.https://source.developers.google.com.helper gcloud.sh\ncredential.https://github.com.helper !gh auth git-credential\n';
    expect([...credentialHelperHosts(out)].sort()).toEqual(['github.com', 'source.developers.google.com']);
    expect([...credentialHelperHosts('credential.helper store\n')]).toEqual(['*']);
    expect([...credentialHelperHosts('credential.helper \nurl.x.insteadof y\n')]).toEqual([]);
  });
  it.each([
    ['https://oauth2:tok@gitlab.corp/x', true],
    ['https://tok@github.com/acme/lib', true],
    ['https://github.com/acme/lib', false],
    ['git@github.com:acme/lib', false],
  ])('urlHasUserinfo(%s) = %s', (url, want) => expect(urlHasUserinfo(url)).toBe(want));
});
