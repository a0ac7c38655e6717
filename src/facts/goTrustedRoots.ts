// The certificate authorities go trusts on Linux, found as crypto/x509 finds them (root_linux.go's
// certFiles and certDirectories, root_unix.go's loadSystemRoots): SSL_CERT_FILE, else the first
// system bundle that can be read; and every file of SSL_CERT_DIR's folders (":"-separated), else
// of the system folders. A SSL_CERT_FILE that is not there does not fall back to the system bundle.
// When nothing yields a certificate go trusts no one, and every https download fails with "x509:
// certificate signed by unknown authority"; the online check must then fail as go does, not
// succeed with Node's own bundled roots (a tester's missing SSL_CERT_FILE and SSL_CERT_DIR).
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { CAP, readUserFile } from '../host/readUserFile.js';

/** crypto/x509/root_linux.go certFiles: the bundles go reads its roots from, first readable wins. */
export const GO_CERT_FILES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/ca-bundle.pem', '/etc/pki/tls/cacert.pem', '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem', '/etc/ssl/cert.pem'];

/** crypto/x509/root_linux.go certDirectories: every file in them is read. */
export const GO_CERT_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs'];

/** A folder of certificates must not fill memory: this much PEM in all is plenty. */
const DIR_BYTES = 16 * 1024 * 1024;
const DIR_FILES = 1000;

export interface GoRoots {
  /** PEM texts, as Node's tls `ca` takes them; empty when go would trust nothing. */
  ca: string[];
  /** Certificates in them (BEGIN CERTIFICATE blocks). */
  certificates: number;
  /** Where they came from (the bundle, the folders that held any). */
  from: string[];
  /** What SSL_CERT_FILE / SSL_CERT_DIR name that go could not read, with the errno. */
  unreadable: Array<{ variable: 'SSL_CERT_FILE' | 'SSL_CERT_DIR'; path: string; code: string }>;
}

const plural = (n: number) => `${n} certificate${n === 1 ? '' : 's'}`;

/** Pure: how many certificates a PEM text holds. */
export function pemCertificates(text: string): number {
  return text.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
}

/**
 * `anyOne`: stop at the first certificate (the offline check only asks whether go trusts any root;
 * reading all ~300 files of /etc/ssl/certs cost every run ~15 ms of the thread gopls waits on).
 * The answer is then partial, except when no root is found: then everything was read.
 */
export async function goTrustedRoots(env: NodeJS.ProcessEnv, opts: { anyOne?: boolean } = {}): Promise<GoRoots> {
  const out: GoRoots = { ca: [], certificates: 0, from: [], unreadable: [] };
  const fileVar = env.SSL_CERT_FILE ?? '';
  for (const f of fileVar ? [fileVar] : GO_CERT_FILES) {
    const r = await readUserFile(f, CAP.certBundle);
    if (!r.ok) {
      if (fileVar) out.unreadable.push({ variable: 'SSL_CERT_FILE', path: f, code: r.code });
      continue;
    }
    const n = pemCertificates(r.text);
    out.ca.push(r.text);
    out.certificates += n;
    out.from.push(`${f} (${plural(n)})`);
    break;
  }
  if (opts.anyOne && out.certificates) return out;
  const dirVar = env.SSL_CERT_DIR ?? '';
  let bytes = 0;
  for (const dir of dirVar ? dirVar.split(':') : GO_CERT_DIRS) {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => e.code ?? 'EIO');
    if (typeof entries === 'string') {
      if (dirVar) out.unreadable.push({ variable: 'SSL_CERT_DIR', path: dir, code: entries });
      continue;
    }
    let n = 0;
    for (const e of entries.slice(0, DIR_FILES)) {
      if (bytes > DIR_BYTES) break;
      // readUniqueDirectoryEntries: a symlink to a file of the same folder (OpenSSL's hash links) is
      // that file again.
      if (e.isSymbolicLink() && !(await fs.readlink(path.join(dir, e.name)).catch(() => '/')).includes('/')) continue;
      const r = await readUserFile(path.join(dir, e.name), CAP.certBundle);
      if (!r.ok) continue;
      const c = pemCertificates(r.text);
      if (!c) continue;
      out.ca.push(r.text);
      bytes += r.text.length;
      n += c;
      if (opts.anyOne) break;
    }
    out.certificates += n;
    if (n) out.from.push(`${dir}/ (${plural(n)})`);
    if (opts.anyOne && out.certificates) break;
  }
  return out;
}

/** Words for roots go would not have: what each variable names and why nothing came of it. */
export function noRootsWords(roots: GoRoots, env: NodeJS.ProcessEnv): string {
  const named = (['SSL_CERT_FILE', 'SSL_CERT_DIR'] as const).filter((v) => env[v]);
  const why = named.map((v) => {
    const bad = roots.unreadable.filter((u) => u.variable === v);
    const what = bad.length ? bad.map((u) => `${u.path}: ${u.code === 'ENOENT' ? 'not there' : u.code}`).join(', ') : 'no certificate in it';
    return `${v}=${env[v]} (${what})`;
  });
  const system = named.length === 2 ? '' : named.includes('SSL_CERT_FILE') ? `, and the system folders ${GO_CERT_DIRS.join(', ')} hold none` : named.includes('SSL_CERT_DIR') ? ', and no system bundle could be read' : `: no system bundle (${GO_CERT_FILES[0]} …) and no certificate in ${GO_CERT_DIRS.join(', ')}`;
  return `${why.join(' and ')}${system}`;
}
