// axe-core inside the panel's webview frame. The source is evaluated through the DevTools protocol
// (Playwright's evaluate), which the webview's CSP does not govern; the panel itself never loads it.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { REPO } from './standin.js';

const AXE_SOURCE = readFileSync(path.join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeProblem {
  rule: string;
  impact: string | null;
  help: string;
  /** 'violation', or 'incomplete' for a colour-contrast result axe could measure but filed for review. */
  kind: 'violation' | 'incomplete';
  target: string;
  html: string;
  summary: string;
}

/** The panel document: `iframe.webview.ready[src*="extensionId=ID"]` → `#active-frame`. */
export async function webviewContentFrame(page: Page, extensionId: string): Promise<Frame> {
  const outer = await page.locator(`iframe.webview.ready[src*="extensionId=${extensionId}"]`).elementHandle({ timeout: 30_000 });
  const outerFrame = await outer?.contentFrame();
  if (!outerFrame) throw new Error('the webview iframe has no frame');
  const inner = await outerFrame.locator('#active-frame').elementHandle({ timeout: 30_000 });
  const frame = await inner?.contentFrame();
  if (!frame) throw new Error('the webview has no #active-frame');
  return frame;
}

interface RawNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
  any: Array<{ id: string; data: unknown }>;
}
interface RawResult {
  id: string;
  impact: string | null;
  help: string;
  nodes: RawNode[];
}

/**
 * Every violation, plus every colour-contrast result axe put under "incomplete" although it
 * measured both colours: it files text whose colour equals its background (1:1, the High Contrast
 * defect) there, and that must fail as surely as 2:1 does.
 */
export async function axeProblems(frame: Frame, o: { disable?: string[] } = {}): Promise<AxeProblem[]> {
  const loaded = await frame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await frame.evaluate(AXE_SOURCE);
  const res = await frame.evaluate(async (disable: string[]) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[]; incomplete: unknown[] }> } }).axe;
    const rules = Object.fromEntries(disable.map((id) => [id, { enabled: false }]));
    const r = await axe.run(document, { resultTypes: ['violations', 'incomplete'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, rules });
    return JSON.parse(JSON.stringify({ violations: r.violations, incomplete: r.incomplete })) as { violations: unknown[]; incomplete: unknown[] };
  }, o.disable ?? []);
  const out: AxeProblem[] = [];
  const push = (r: RawResult, n: RawNode, kind: AxeProblem['kind']) =>
    out.push({ rule: r.id, impact: r.impact, help: r.help, kind, target: n.target.map(String).join(' '), html: n.html.slice(0, 200), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300) });
  for (const r of res.violations as RawResult[]) for (const n of r.nodes) push(r, n, 'violation');
  for (const r of res.incomplete as RawResult[]) {
    if (r.id !== 'color-contrast' && r.id !== 'color-contrast-enhanced') continue;
    for (const n of r.nodes) {
      const d = n.any.find((c) => c.id === r.id)?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number; messageKey?: string } | undefined;
      if (d?.fgColor && d.bgColor) push(r, { ...n, failureSummary: `${d.messageKey ?? 'measured'}: ${d.fgColor} on ${d.bgColor} = ${d.contrastRatio}:1` }, 'incomplete');
    }
  }
  return out;
}

export function formatAxe(problems: AxeProblem[]): string[] {
  return problems.map((p) => `[${p.kind}] ${p.rule} (${p.impact ?? '-'}) ${p.target}: ${p.summary || p.help} — ${p.html}`);
}
