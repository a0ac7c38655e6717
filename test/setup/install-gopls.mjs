// Installs the pinned gopls into a git-ignored project folder (.tools/bin) with the real Go
// toolchain, once. Tests and the bench find it there; nothing touches the user's GOPATH/bin.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const GOPLS_VERSION = 'v0.23.0';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, '.tools', 'bin');
const gopls = path.join(bin, 'gopls');

function goplsVersion() {
  try {
    return execFileSync(gopls, ['version'], { encoding: 'utf8', timeout: 20_000 });
  } catch {
    return '';
  }
}

if (!goplsVersion().includes(GOPLS_VERSION)) {
  let go;
  try {
    go = execFileSync('sh', ['-c', 'command -v go'], { encoding: 'utf8' }).trim();
  } catch {
    go = '';
  }
  if (!go) {
    const msg = 'install-gopls: no Go toolchain on PATH; the real-toolchain tests need one';
    if (process.env.CI) {
      console.error(msg);
      process.exit(1);
    }
    console.warn(`\n!!! ${msg}: they will be skipped loudly.\n`);
    process.exit(0);
  }
  console.error(`install-gopls: go install golang.org/x/tools/gopls@${GOPLS_VERSION} → ${bin}`);
  execFileSync(go, ['install', `golang.org/x/tools/gopls@${GOPLS_VERSION}`], { stdio: 'inherit', env: { ...process.env, GOBIN: bin }, timeout: 15 * 60_000 });
  if (!goplsVersion().includes(GOPLS_VERSION)) {
    console.error('install-gopls: gopls did not install');
    process.exit(1);
  }
}
