import { describe, expect, it } from 'vitest';
import { buildHtml, contentSecurityPolicy, makeNonce } from '../../../src/vscode/html.js';

const cspSource = 'https://abc.vscode-cdn.net';
const base = 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview';
const input = (nonce: string) => ({ cspSource, nonce, scriptUri: `${base}/main.js`, styleUri: `${base}/main.css`, codiconUri: `${base}/codicon.css` });

function cspOf(html: string): Map<string, string[]> {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  expect(m).not.toBeNull();
  return new Map(m![1]!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
}

describe('the panel HTML', () => {
  const nonce = makeNonce();
  const html = buildHtml(input(nonce));
  const csp = cspOf(html);

  it('denies by default and admits scripts only by the nonce', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual([`'nonce-${nonce}'`]);
  });

  it('has no unsafe-inline or unsafe-eval anywhere, and styles and fonts only from the webview source', () => {
    expect(html).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp.get('style-src')).toEqual([cspSource]);
    expect(csp.get('font-src')).toEqual([cspSource]);
  });

  it('loads exactly one script, with the nonce, from the webview URI; no inline script or style', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toContain(`nonce="${nonce}"`);
    expect(scripts[0]![1]).toContain(`src="${base}/main.js"`);
    expect(scripts[0]![2]).toBe('');
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });

  it('takes every resource from the given webview URIs', () => {
    const urls = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBe(3);
    for (const u of urls) expect(u!.startsWith(base + '/')).toBe(true);
    expect(html).toContain(`id="vscode-codicon-stylesheet" href="${base}/codicon.css"`);
  });

  it('gets a fresh crypto nonce every time and refuses a weak one', () => {
    const a = makeNonce();
    const b = makeNonce();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64').length).toBeGreaterThanOrEqual(16);
    expect(() => buildHtml(input('abc'))).toThrow();
    expect(() => buildHtml(input('"><script>alert(1)</script>'))).toThrow();
  });

  it('puts the CSP policy in one place', () => {
    expect(contentSecurityPolicy(cspSource, 'N0NCE0123456789ABCDEF')).toBe(
      `default-src 'none'; script-src 'nonce-N0NCE0123456789ABCDEF'; style-src ${cspSource}; font-src ${cspSource}; img-src ${cspSource}`,
    );
  });
});
