// --gopls-issue through the real CLI: a real gopls panic log (golang/vscode-go#3606) and secrets in
// the environment; the printed link is golang/go's gopls form, fits a URL, and holds no secret.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOnce, CLI, GO, GOPLS, ROOT } from './support.js';

const PANIC_LOG = path.join(ROOT, 'test/fixtures/logs/public/vscode-go-3606-panic.txt');
const TOKEN = 'ghp_' + 'Xy7'.repeat(12);

describe.skipIf(!GO)('--gopls-issue on the real machine', () => {
  let ws: string;
  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(ROOT, 'test/setup/install-gopls.mjs')], { stdio: 'inherit' });
    await buildOnce();
    ws = mkdtempSync(path.join(os.tmpdir(), 'gopls-issue-'));
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/ws\n\ngo 1.22\n');
    writeFileSync(path.join(ws, 'a.go'), 'package ws\n');
  }, 180_000);

  it('prints one pre-filled link with the panic, and no secret', () => {
    const env = { ...process.env, GITHUB_TOKEN: TOKEN, GOPROXY: `https://alice:hunter2pass@proxy.example.com,https://${TOKEN}@mirror.example.com` };
    const r = spawnSync(process.execPath, [CLI, 'diagnose', '--workspace', ws, '--gopls', GOPLS, '--gopls-log', PANIC_LOG, '--gopls-issue', '--timeout-ms', '30000'], { env, encoding: 'utf8', timeout: 120_000 });
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const url = new URL(lines[0]!);
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/golang/go/issues/new');
    expect(lines[0]!.length).toBeLessThanOrEqual(8000);
    expect(url.searchParams.get('template')).toBe('03-gopls.yml');
    expect(url.searchParams.get('title')).toBe('x/tools/gopls: gopls panicked: runtime error: invalid memory address or nil pointer dereference');
    expect(url.searchParams.get('actual-behavior')).toContain('golang.org/x/tools/gopls/internal/lsp/cache.localPackageKey');
    expect(url.searchParams.get('gopls-version')).toContain('v0.23.0');
    for (const s of [TOKEN, 'hunter2pass']) expect(r.stdout + r.stderr).not.toContain(s);
    expect(r.status).toBe(2);
  }, 180_000);
});
