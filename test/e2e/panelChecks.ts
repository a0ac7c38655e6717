// What a person checks on the report panel in each theme and width, as code: the theme switch,
// the layout at the width (no horizontal scrolling, nothing cut off, no one-letter-wide column),
// where keyboard focus is, and a screenshot.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { runCommand } from './workbench.js';

/** label: as "Preferences: Color Theme" lists it; body: the class the webview's <body> gets. */
export const THEMES = [
  { slug: 'light', label: 'Light Modern', workbench: 'vs', body: 'vscode-light' },
  { slug: 'dark', label: 'Dark Modern', workbench: 'vs-dark', body: 'vscode-dark' },
  { slug: 'hc-light', label: 'Light High Contrast', workbench: 'hc-light', body: 'vscode-high-contrast-light' },
  { slug: 'hc-dark', label: 'Dark High Contrast', workbench: 'hc-black', body: 'vscode-high-contrast' },
] as const;
export type Theme = (typeof THEMES)[number];

export const WIDTHS = [1280, 480] as const;

/** Switches the colour theme as a person does: "Preferences: Color Theme", the theme's name, Enter. */
export async function setTheme(page: Page, frame: () => Promise<Frame>, theme: Theme): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(theme.label);
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ has: page.locator('.label-name').getByText(theme.label, { exact: true }) });
  await row.first().waitFor({ state: 'visible', timeout: 15_000 });
  await row.first().click();
  await page.locator(`.monaco-workbench.${theme.workbench}`).waitFor({ timeout: 30_000 });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const f = await frame();
    const cls = await f.evaluate(() => document.body.className).catch(() => '');
    const has = cls.split(/\s+/);
    // High Contrast Light has both vscode-high-contrast and vscode-high-contrast-light.
    if (has.includes(theme.body) && (theme.slug !== 'hc-dark' || !has.includes('vscode-high-contrast-light'))) break;
    if (Date.now() > deadline) throw new Error(`the panel never took theme ${theme.label} (body class "${cls}")`);
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(250); // the webview's CSS variables are set with the class
}

export interface LayoutProblem {
  what: string;
  detail: string;
}

/** Layout defects a narrow editor showed: a horizontal scrollbar, boxes past the right edge, one-letter columns. */
export async function layoutProblems(frame: Frame): Promise<LayoutProblem[]> {
  return frame.evaluate(() => {
    const out: Array<{ what: string; detail: string }> = [];
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth > width + 1) out.push({ what: 'horizontal scroll', detail: `content ${root.scrollWidth}px in ${width}px` });
    const describe = (e: Element) => `${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}.${(e.className || '').toString().split(' ')[0]} "${(e.textContent ?? '').trim().slice(0, 40)}"`;
    for (const e of document.querySelectorAll('button, code, pre, td, th, p, h1, h2, h3, .card')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > width + 1) out.push({ what: 'past the right edge', detail: `${describe(e)} ends at ${Math.round(r.right)}px of ${width}px` });
      const s = getComputedStyle(e);
      if (e.scrollWidth > e.clientWidth + 1 && s.overflowX !== 'visible' && s.overflowX !== 'auto') out.push({ what: 'cut off', detail: describe(e) });
    }
    for (const pre of document.querySelectorAll('[data-testid="evidence"] pre')) {
      const w = pre.getBoundingClientRect().width;
      if (w < 160) out.push({ what: 'evidence squeezed', detail: `${describe(pre)} is ${Math.round(w)}px wide` });
    }
    return out;
  });
}

/** data-focus-key of the control that has focus inside the panel ('' when none). */
export async function focusedKey(frame: Frame): Promise<string> {
  return frame.evaluate(() => document.activeElement?.closest('[data-focus-key]')?.getAttribute('data-focus-key') ?? '');
}

/** Presses Tab until the control with this focus key has focus; throws after `max` presses. */
export async function tabTo(page: Page, frame: Frame, key: string, max = 40): Promise<number> {
  for (let i = 0; i <= max; i++) {
    if ((await focusedKey(frame)) === key) return i;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${key} (${max} presses); focus is on "${await focusedKey(frame)}"`);
}

export function shot(dir: string, name: string): string {
  return path.join(dir, `${name}.png`);
}
