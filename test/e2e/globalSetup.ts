// Once per e2e run: the pinned gopls the stand-in starts, and code-server, must be there.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { codeServerBin } from './codeServer.js';
import { REPO } from './standin.js';
import { CHROMIUM } from './workbench.js';
import { existsSync } from 'node:fs';

export default function setup(): void {
  execFileSync(process.execPath, [path.join(REPO, 'test/setup/install-gopls.mjs')], { stdio: 'inherit', timeout: 20 * 60_000 });
  codeServerBin(); // throws with the install command when missing
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run test/setup/install-code-server.sh (it installs Debian's chromium)`);
}
