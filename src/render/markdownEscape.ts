// Markdown that renders as the same text whatever a string holds: a report goes into a GitHub
// issue, and its strings come from paths, log lines and go's stderr. Control characters are made
// visible first (controlChars.ts); then prose is backslash-escaped, and code spans and fences use a
// backtick run longer than any inside (the CommonMark rule), so content can never close them.
import { visible } from './controlChars.js';

// Inline metacharacters of CommonMark and GFM (emphasis, code, links, HTML and entities, tables,
// strikethrough) and GitHub's math ($).
const INLINE_META = /[\\`*_[\]<>|~&$]/g;
// Block syntax only counts at the start of a line: headings, lists, quotes, setext underlines.
const LINE_START_META = /^(\s*)([#+\-=>]|\d+(?=[.)]))/;

/** Prose: newlines fold into spaces, every metacharacter is escaped. */
export function mdText(text: string): string {
  const flat = visible(text.replace(/\r?\n/g, ' ')).trim();
  return flat.replace(INLINE_META, '\\$&').replace(LINE_START_META, (_m, sp: string, lead: string) => (/^\d/.test(lead) ? `${sp}${lead}\\` : `${sp}\\${lead}`));
}

function longestBacktickRun(s: string): number {
  let max = 0;
  for (const m of s.matchAll(/`+/g)) max = Math.max(max, m[0].length);
  return max;
}

/** An inline code span; inside a table cell, pipes are escaped as GFM requires. */
export function mdCode(text: string, opts: { inTable?: boolean } = {}): string {
  let body = visible(text);
  if (!body) return '';
  const fence = '`'.repeat(longestBacktickRun(body) + 1);
  // CommonMark strips one space from each end when both are spaces; a backtick at an end would
  // join the fence. A space of padding on each side keeps both intact.
  if (body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ') && body.trim())) body = ` ${body} `;
  if (opts.inTable) body = body.replace(/\|/g, '\\|');
  return `${fence}${body}${fence}`;
}

/** A fenced code block of already visible lines, indented for a list item. */
export function mdFence(lines: readonly string[], indent = ''): string[] {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(lines.join('\n')) + 1));
  return [`${indent}${fence}`, ...lines.map((l) => `${indent}${l}`), `${indent}${fence}`];
}
