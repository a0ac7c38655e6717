// The @vscode/test-electron suite, mocha-free: run() resolves when every check passed and
// rejects with the failures otherwise. It checks the shared contract of the extension from
// inside the extension host (the e2e suite checks the same from the user's side).
const assert = require('node:assert/strict');
const vscode = require('vscode');

const ID = 'go-env-doctor.go-env-doctor';

const checks = {
  async 'the extension is installed and activates'() {
    const ext = vscode.extensions.getExtension(ID);
    assert.ok(ext, `${ID} is not installed`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  },

  async 'every contributed command is registered'() {
    const ext = vscode.extensions.getExtension(ID);
    const contributed = (ext.packageJSON.contributes?.commands ?? []).map((c) => c.command);
    for (const id of ['goEnvDoctor.diagnose', 'goEnvDoctor.recordTraceAndDiagnose', 'goEnvDoctor.copyReportMarkdown', 'goEnvDoctor.clearGoplsCache', 'goEnvDoctor.showReport']) {
      assert.ok(contributed.includes(id), `${id} is not in contributes.commands`);
    }
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of contributed) assert.ok(registered.has(id), `${id} is contributed but not registered`);
  },

  async 'settings have their documented defaults'() {
    const cfg = vscode.workspace.getConfiguration('goEnvDoctor');
    assert.equal(cfg.get('autoRunOnCrash'), true);
    assert.equal(cfg.get('probeTimeoutMs'), 8000);
    assert.equal(cfg.get('statusBar'), 'problems');
    assert.ok(Array.isArray(cfg.get('extraLogPaths')));
  },

  async '"Go: Diagnose Environment" opens the report panel'() {
    await vscode.commands.executeCommand('goEnvDoctor.diagnose');
    const deadline = Date.now() + 60_000;
    const hasPanel = () =>
      vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('goEnvDoctor.report')));
    while (!hasPanel()) {
      assert.ok(Date.now() < deadline, 'no goEnvDoctor.report webview tab after 60 s');
      await new Promise((r) => setTimeout(r, 200));
    }
  },
};

exports.run = async function run() {
  const failures = [];
  for (const [name, check] of Object.entries(checks)) {
    try {
      await check();
      console.log(`  ok    ${name}`);
    } catch (e) {
      console.log(`  FAIL  ${name}: ${e && e.message}`);
      failures.push(name);
    }
  }
  if (failures.length) throw new Error(`${failures.length} check(s) failed: ${failures.join('; ')}`);
};
