// `npm run test:vscode`: the extension's smoke suite inside a real desktop VS Code through
// @vscode/test-electron. It needs a VS Code build: VSCODE_EXECUTABLE=/path/to/code, or one that
// @vscode/test-electron can download (network to update.code.visualstudio.com) or has cached.
// Offline with neither, it says why it cannot run and exits 0: the e2e suite (`npm run test:e2e`,
// code-server in headless Chromium) is the one that runs here. Not part of .ci/run.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cachePath = process.env.VSCODE_TEST_CACHE ?? path.join(os.homedir(), '.cache', 'go-env-doctor', 'vscode-test');

function explain(why) {
  console.log(
    [
      'test:vscode: not run.',
      `  why: ${why}`,
      '  @vscode/test-electron needs a desktop VS Code: it downloads one from update.code.visualstudio.com',
      `  (cached in ${cachePath}) or uses VSCODE_EXECUTABLE=/path/to/code. This machine has neither and no`,
      '  network beyond the package registries. The same extension is tested in a real VS Code here by',
      '  `npm run test:e2e` (code-server 4.100.3 = VS Code 1.100 in headless Chromium, see test/e2e).',
      '  To run this suite elsewhere: VSCODE_EXECUTABLE=/usr/share/code/code npm run test:vscode',
      '  (on a headless Linux box wrap it in xvfb-run -a).',
    ].join('\n'),
  );
}

let executable = process.env.VSCODE_EXECUTABLE;
if (executable && !existsSync(executable)) {
  explain(`VSCODE_EXECUTABLE=${executable} does not exist`);
  process.exit(0);
}
if (!executable) {
  try {
    // Offline, this fails within the timeout unless a copy is already cached.
    executable = await downloadAndUnzipVSCode({ cachePath, timeout: 10_000 });
  } catch (e) {
    explain(`no VS Code to run: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(0);
  }
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  explain('VS Code (Electron) needs a display and none is set (DISPLAY/WAYLAND_DISPLAY); use xvfb-run -a');
  process.exit(0);
}
if (!existsSync(path.join(repo, 'dist', 'extension.js'))) {
  console.error('test:vscode: dist/extension.js is missing; run `npm run build` first');
  process.exit(1);
}

const workspace = mkdtempSync(path.join(os.tmpdir(), 'ged-vscode-ws-'));
writeFileSync(path.join(workspace, 'go.mod'), 'module example.com/hello\n\ngo 1.22\n');
writeFileSync(path.join(workspace, 'main.go'), 'package main\n\nfunc main() {}\n');
try {
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: repo,
    extensionTestsPath: path.join(repo, 'test', 'vscode', 'suite', 'index.cjs'),
    launchArgs: [workspace, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--no-sandbox', '--disable-gpu'],
  });
} catch (e) {
  console.error(`test:vscode: failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
