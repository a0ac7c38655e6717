// The Markdown report goes into GitHub issues: whatever a message, title, evidence line or path
// holds, a CommonMark parser (markdown-it, with GFM tables) must render it as the same text, with
// no HTML, link, image or emphasis of its own, and each fix in exactly one code block.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { describe, expect, it } from 'vitest';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema, type Report } from '../../../src/doctor/model.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { fixInstruction } from '../../../src/render/fixText.js';
import { mdCode, mdText } from '../../../src/render/markdownEscape.js';
import { reportOf } from '../../support/report.js';

const md = new MarkdownIt();

/** The text a reader sees, plus every construct that is not plain text or our own markup. */
function rendered(src: string): { text: string; fences: string[]; foreign: string[] } {
  const fences: string[] = [];
  const foreign: string[] = [];
  const parts: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === 'inline') walk(t.children ?? []);
      else if (t.type === 'text' || t.type === 'code_inline') parts.push(t.content);
      else if (t.type === 'softbreak' || t.type === 'hardbreak') parts.push(' ');
      else if (t.type === 'fence' || t.type === 'code_block') {
        fences.push(t.content);
        parts.push(t.content);
      } else if (t.type === 'html_block') {
        if (!['<details><summary>Probes</summary>', '</details>'].includes(t.content.trim())) foreign.push(`html_block ${t.content}`);
      } else if (/^(html_inline|link_open|image|em_open|s_open)$/.test(t.type)) foreign.push(`${t.type} ${t.content}`);
      else parts.push(' ');
    }
  };
  walk(md.parse(src, {}));
  return { text: parts.join('').replace(/\s+/g, ' '), fences, foreign };
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

const HOSTILE = {
  message: 'gopls said <img src=x onerror=alert(1)> and **bold** _it_ [link](http://evil) ![i](http://evil/i.png) `code` ~~gone~~ $x$ &amp; | pipe \\ backslash',
  title: 'Open ```` the <b>real</b> path',
  excerpt: 'line one has `` two backticks ``` and three\n# not a heading\n- not a list\n    not code | a pipe\nend with a backslash \\',
  source: '/tmp/<script>alert(1)</script>/go.mod',
  cwd: '/tmp/ws\n```\n# injected heading\n```',
  workspace: '/tmp/`ws` <img src=y>',
  reason: 'failed: <details open> | cell | breaker',
};

function hostileReport(): Report {
  const finding = FindingSchema.parse({
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.5,
    message: HOSTILE.message,
    evidence: [{ source: HOSTILE.source, excerpt: HOSTILE.excerpt, line: 3 }],
    fixes: [
      { id: 'go-work-init', kind: 'terminal', title: HOSTILE.title, text: 'go work init', needsRoot: false, cwd: HOSTILE.cwd },
      { id: 'docs', kind: 'link', title: 'Read `more`', url: 'https://go.dev/gopls/workspace' },
      { id: 'fence-breaker', kind: 'terminal', title: 'Three backticks', text: 'echo "```"\n```\n# injected heading too', needsRoot: true },
    ],
  });
  return reportOf({
    workspaces: [HOSTILE.workspace],
    causes: rankCauses([finding]),
    probes: [{ id: 'modules', title: 'Modules', status: 'warn', durationMs: 3.14, classes: ['module-resolution'], observed: {}, findingCount: 1, reason: HOSTILE.reason }],
  });
}

describe('Markdown renders hostile strings as the same text', () => {
  const report = hostileReport();
  const src = renderMarkdown(report);
  const r = rendered(src);

  it('no HTML, link, image, emphasis or strikethrough comes from data', () => {
    expect(r.foreign).toEqual([]);
  });

  it('messages, titles, paths, evidence and reasons read back verbatim', () => {
    for (const s of [HOSTILE.message, HOSTILE.title, HOSTILE.workspace, HOSTILE.reason, `${HOSTILE.source}:3`, ...HOSTILE.excerpt.split('\n')]) {
      expect(r.text, s).toContain(norm(s));
    }
  });

  it('each fix is one code block holding exactly its instruction; a newline and ``` in a path cannot close it', () => {
    expect(r.fences.map((f) => f.replace(/\n$/, ''))).toEqual(report.causes[0]!.fixes.map((f) => fixInstruction(f)));
    // The injected heading never becomes a heading.
    expect(md.parse(src, {}).filter((t) => t.type === 'heading_open').length).toBe(2);
  });

  it('code spans survive backticks at their ends and in their middle', () => {
    for (const s of ['`', '``a``', 'a`b', ' x ', '`x` `', 'a|b']) {
      const span = md.parseInline(`x ${mdCode(s)} y`, {})[0]!.children!.filter((t) => t.type === 'code_inline');
      expect(span.map((t) => t.content), s).toEqual([s]);
    }
  });

  it('prose that starts like block syntax stays a paragraph', () => {
    for (const s of ['# h', '1. item', '2) item', '- item', '+ item', '> quote', '===', '<div>x</div>']) {
      const tokens = md.parse(mdText(s), {});
      expect(tokens.map((t) => t.type), s).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
      expect(tokens[1]!.children!.map((t) => t.content).join(''), s).toBe(s);
    }
  });
});
