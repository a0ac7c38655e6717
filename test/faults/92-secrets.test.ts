// Secrets: canary credentials planted where real ones live (the editor's environment, the login
// shell's profile, GOPROXY userinfo, a GOFLAGS header, a gopls log quoting a proxy URL) must not
// appear in any output format: text (verbose), JSON or Markdown.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, makeHome, removeTree, runDoctorCli, summarize, tempDir, userEnv, writeSmallModule } from './lib/harness.js';

const CANARIES = {
  githubToken: 'canary-gh-5e1f90aa',
  proxyPassword: 'canary-proxy-77ab12',
  goflagsBearer: 'canary-goflags-3c9d45',
  apiKey: 'canary-apikey-0d0d67',
  loginPassword: 'canary-login-pw-8e8e',
  loginProxy: 'canary-login-proxy-4a4a',
  logProxy: 'canary-log-pw-6b6b',
  // Issue 9 finding 4: shapes that leaked before.
  goflagsValue: 'canary-goflags-hdr-9c9c',
  proxyPathToken: 'canaryPathTok0e0e1f1f2a2a',
  barePassword: 'canary-bare-pw-3d3d',
  panicJsonToken: 'canary-panic-json-5e5e',
  panicProxyAuth: 'Y2FuYXJ5LXBhbmljLWJhc2ljLTdm',
  panicApiKey: 'canary-panic-xkey-8a8a',
  panicNetrc: 'canary-panic-netrc-9b9b',
  panicFlag: 'canary-panic-flag-0c0c',
};

describe('secrets never leave', () => {
  it('no canary appears in text, JSON or Markdown output', async () => {
    const dir = tempDir('secrets');
    const home = makeHome(path.join(dir, 'home'));
    // The login shell exports a secret of its own and a different GOPROXY, so a probe comparing
    // the editor's environment with the login shell's has both to talk about.
    writeFileSync(
      path.join(home, '.bash_profile'),
      `${readFileSync(path.join(home, '.bash_profile'), 'utf8')}export CORP_PASSWORD=${CANARIES.loginPassword}\nexport PASSWORD=${CANARIES.barePassword}\nexport GOPROXY=https://svc:${CANARIES.loginProxy}@goproxy.corp.example,direct\n`,
    );
    const ws = writeSmallModule(path.join(dir, 'ws'));
    // A real gopls trace (test/fixtures/logs/trace-go-missing.rpc.log) whose load error is
    // replaced by the go command's real wording for a proxy that refused the credentials.
    const trace = readFileSync(path.join(REPO, 'test/fixtures/logs/trace-go-missing.rpc.log'), 'utf8').replaceAll(
      'go command required, not found: exec: \\"go\\": executable file not found in $PATH: stderr: ',
      `exit status 1: stderr: go: example.com/private@v1.0.0: reading https://u:${CANARIES.logProxy}@goproxy.corp.example/example.com/private/@v/v1.0.0.mod: 401 Unauthorized`,
    );
    expect(trace).toContain(CANARIES.logProxy);
    const log = path.join(dir, 'gopls-trace.log');
    writeFileSync(log, trace);
    // A real gopls panic (test/fixtures/logs/public) whose message carries the shapes that leaked:
    // the doctor quotes a panic message whole, up to three times.
    const panic = readFileSync(path.join(REPO, 'test/fixtures/logs/public/vscode-go-879-panic.txt'), 'utf8').replace(
      'nil pointer dereference',
      `nil pointer dereference {"MY_TOKEN": "${CANARIES.panicJsonToken}"} Proxy-Authorization: Basic ${CANARIES.panicProxyAuth}\nX-Api-Key: ${CANARIES.panicApiKey}\nmachine h login u password ${CANARIES.panicNetrc}\nrun with --password ${CANARIES.panicFlag}`,
    );
    const panicLog = path.join(dir, 'gopls-panic.log');
    writeFileSync(panicLog, panic);
    const env = userEnv({
      HOME: home,
      SHELL: '/bin/bash',
      GITHUB_TOKEN: CANARIES.githubToken,
      GOPROXY: `https://u:${CANARIES.proxyPassword}@proxy.golang.org,https://goproxy.corp.example/${CANARIES.proxyPathToken}/go,direct`,
      GOFLAGS: `-mod=mod -header=Authorization:Bearer-${CANARIES.goflagsBearer} -header=X-Corp:${CANARIES.goflagsValue}`,
      MY_API_KEY: CANARIES.apiKey,
      GOPRIVATE: 'example.com/private',
    });
    try {
      const outputs: Record<string, string> = {};
      for (const format of ['json', 'text', 'markdown'] as const) {
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, format, extra: ['--gopls-log', log, '--gopls-log', panicLog, ...(format === 'text' ? ['--verbose', '--no-color'] : [])], timeoutMs: 15_000 });
        expect(run.stdout.length, `${format}: ${run.stderr}`).toBeGreaterThan(0);
        outputs[format] = run.stdout + run.stderr;
        if (format === 'json') console.log(`[secrets] ${summarize({ ...run, report: JSON.parse(run.stdout) })}`);
      }
      const leaks: string[] = [];
      for (const [format, out] of Object.entries(outputs)) {
        for (const [name, canary] of Object.entries(CANARIES)) {
          // The canaries share a prefix: look for each one whole, and for its distinctive tail.
          if (out.includes(canary) || out.includes(canary.slice(-8))) {
            const at = out.indexOf(canary.slice(-8));
            leaks.push(`${format} leaks ${name}: …${out.slice(Math.max(0, at - 120), at + 40).replace(/\n/g, '⏎')}…`);
          }
        }
      }
      expect(leaks).toEqual([]);
      // Redaction must not blank out the report: the proxy host is still there to read, with
      // its credentials masked (proof that a secret did reach the report and was caught).
      expect(outputs.json).toContain('proxy.golang.org');
      for (const format of ['json', 'text', 'markdown']) expect(outputs[format], format).toContain('***');
    } finally {
      removeTree(dir);
    }
  });
});
