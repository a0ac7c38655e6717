// The panel's HTML: a fixed shell whose only script is the bundled webview/main.ts, admitted by a
// per-load nonce. No inline script, no inline style: styles come from files under the webview's
// cspSource (codicons and the panel stylesheet, bundled into dist/webview).
import { randomBytes } from 'node:crypto';

export interface HtmlInput {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  /** asWebviewUri(dist/webview/main.js) etc., as strings. */
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
  ].join('; ');
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function buildHtml(i: HtmlInput): string {
  if (!/^[A-Za-z0-9+/=]{16,}$/.test(i.nonce)) throw new Error('nonce must be base64 from crypto');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(i.cspSource, i.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${attr(i.codiconUri)}">
<link rel="stylesheet" href="${attr(i.styleUri)}">
<title>Go Environment Doctor</title>
</head>
<body>
<main id="app" aria-busy="true"><p>Loading…</p></main>
<script nonce="${attr(i.nonce)}" src="${attr(i.scriptUri)}"></script>
</body>
</html>`;
}
