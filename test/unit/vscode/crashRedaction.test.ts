// Issue 9 finding 12: the crash verdict quotes gopls's panic message into the panel's trigger
// line, the badge tooltip, the notification and the output channel (src/vscode/app.ts). It must be
// redacted like every report: the verdict the extension gets back holds no secret.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainGoplsDeath } from '../../../src/vscode/engine.js';

const REPO = path.resolve(__dirname, '../../..');

describe('crash texts in the extension', () => {
  it('a panic message with credentials: summary and evidence are redacted', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-crash-redact-'));
    try {
      // A real gopls panic (test/fixtures/logs/public) whose message quotes a proxy URL with
      // credentials, a Proxy-Authorization header, a GitHub token and the value of an env secret.
      const panic = readFileSync(path.join(REPO, 'test/fixtures/logs/public/vscode-go-879-panic.txt'), 'utf8');
      const message = 'nil pointer dereference fetching https://bob:cnry-url-pw@goproxy.corp.example/m/@v/list Proxy-Authorization: Basic Y25yeS1jcmFzaC1iYXNpYw== ghp_CNRYcrashAAAAAAAAAAAAAAAAAAAAAAAAAAA env cnry-env-tok-77';
      const log = path.join(dir, 'gopls.log');
      writeFileSync(log, panic.replace('nil pointer dereference', message));
      const verdict = await explainGoplsDeath({ pid: 4242, ranMs: 5000, starts: [Date.now()], settings: { extraLogPaths: [log] }, env: { PATH: '/usr/bin', MY_TOKEN: 'cnry-env-tok-77' }, workspaces: [dir], budgetMs: 5000 });
      expect(verdict.kind).toBe('panic');
      const shown = JSON.stringify(verdict);
      for (const canary of ['cnry-url-pw', 'Y25yeS1jcmFzaC1iYXNpYw==', 'ghp_CNRYcrash', 'cnry-env-tok-77']) expect(shown, canary).not.toContain(canary);
      expect(`${verdict.summary} ${verdict.evidence.map((e) => e.excerpt).join(' ')}`).toContain('***');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
