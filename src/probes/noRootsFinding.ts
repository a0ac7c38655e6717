// SSL_CERT_FILE / SSL_CERT_DIR that leave go with no certificate authority at all, told offline:
// go reads only what they name while they are set (crypto/x509 root_unix.go), so a file and a
// folder that are not there make every https download fail with "x509: certificate signed by
// unknown authority". Reading the files needs no network (a tester's were flagged by nothing
// without --online, and with it the check passed on Node's own roots).
import type { Evidence, FindingInput } from '../doctor/model.js';
import { noRootsWords, type GoRoots } from '../facts/goTrustedRoots.js';
import { toolsEnvFix } from '../fixes/catalog.js';

/** Pure: the finding, or undefined while go has a root or neither variable is set. `needDownload`: modules the cache lacks. */
export function noRootsFinding(env: NodeJS.ProcessEnv, roots: GoRoots, needDownload: readonly string[], goproxy: string): FindingInput | undefined {
  const set = (['SSL_CERT_FILE', 'SSL_CERT_DIR'] as const).filter((n) => env[n]);
  if (roots.certificates || !set.length) return undefined;
  const evidence: Evidence[] = [
    { source: 'environment (editor)', excerpt: set.map((n) => `${n}=${env[n]}`).join('\n') },
    ...roots.unreadable.map((u) => ({ source: `open(2) ${u.path} (${u.variable})`, excerpt: u.code })),
  ];
  return {
    classId: 'module-resolution',
    headline: 'module-downloads',
    explains: ['module-resolution'],
    // Harmless while every module is in the cache; the first one that is not fails.
    severity: needDownload.length ? 'error' : 'warning',
    confidence: 0.85,
    message:
      `go trusts no certificate authority here: ${noRootsWords(roots, env)}. While ${set.length === 1 ? `${set[0]} is` : 'they are'} set go reads its roots only there, so every https download (GOPROXY ${goproxy || 'https://proxy.golang.org,direct'}, the checksum database) fails with "tls: failed to verify certificate: x509: certificate signed by unknown authority"` +
      (needDownload.length ? `, ${needDownload.slice(0, 3).join(', ')}${needDownload.length > 3 ? ` and ${needDownload.length - 3} more` : ''} among them.` : '; every module this workspace needs is in the module cache now, so it builds until one is not.'),
    evidence,
    fixes: set.map((n) => toolsEnvFix(`toolsenv-${n.toLowerCase()}-clear-roots`, `Clear ${n} for the Go tools (go then reads the system's roots)`, { [n]: '' }, `Or point ${n} at the bundle or folder your network's CA is in, where it is exported.`)),
  };
}
