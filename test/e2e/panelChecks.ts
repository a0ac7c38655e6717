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

/**
 * What forced colours (Windows High Contrast, `forced-colors: active`) must leave visible, read
 * from the computed styles Chromium applies under it: every fix command's text against the box
 * behind it (4.5:1), every button's border against the page (3:1: a button with no fill is only
 * its border), and the focus ring of the control that has focus (3:1, at least 1 px).
 */
export async function forcedColorsProblems(frame: Frame): Promise<LayoutProblem[]> {
  return frame.evaluate(() => {
    const out: Array<{ what: string; detail: string }> = [];
    const rgb = (c: string): [number, number, number, number] | undefined => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined;
    };
    const lum = ([r, g, b]: number[]) => {
      const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * ch(r!) + 0.7152 * ch(g!) + 0.0722 * ch(b!);
    };
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    /** The first opaque background at or above e (the page's canvas at the end). */
    const backdrop = (e: Element | null): number[] => {
      for (let n = e; n; n = n.parentElement) {
        const c = rgb(getComputedStyle(n).backgroundColor);
        if (c && c[3] > 0.5) return c;
      }
      return rgb(getComputedStyle(document.documentElement).backgroundColor) ?? [255, 255, 255, 1];
    };
    const name = (e: Element) => `${e.tagName.toLowerCase()}.${(e.className || '').toString().split(' ')[0]} "${(e.textContent ?? '').trim().slice(0, 40)}"`;
    if (!matchMedia('(forced-colors: active)').matches) out.push({ what: 'not forced', detail: 'matchMedia("(forced-colors: active)") is false in the panel' });
    const commands = [...document.querySelectorAll('.fix-command')];
    if (!commands.length) out.push({ what: 'no fix commands', detail: 'nothing to check' });
    for (const e of commands) {
      const s = getComputedStyle(e);
      const r = ratio(rgb(s.color) ?? [0, 0, 0], backdrop(e));
      const box = e.getBoundingClientRect();
      if (r < 4.5 || box.width < 8 || !(e.textContent ?? '').trim()) out.push({ what: 'fix command unreadable', detail: `${name(e)}: ${s.color} on ${backdrop(e).join(',')} = ${r.toFixed(2)}:1, ${Math.round(box.width)}px` });
    }
    for (const e of document.querySelectorAll('button')) {
      const s = getComputedStyle(e);
      const around = backdrop(e.parentElement);
      const border = rgb(s.borderTopColor);
      const width = parseFloat(s.borderTopWidth);
      const r = border ? ratio(border, around) : 0;
      if (s.borderTopStyle === 'none' || width < 1 || r < 3) out.push({ what: 'button edge invisible', detail: `${name(e)}: border ${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor} = ${r.toFixed(2)}:1` });
      const text = ratio(rgb(s.color) ?? [0, 0, 0], backdrop(e));
      if (text < 4.5) out.push({ what: 'button label unreadable', detail: `${name(e)}: ${s.color} = ${text.toFixed(2)}:1` });
    }
    // Every other piece of text too (axe's own contrast check cannot see forced colours).
    for (const e of document.querySelectorAll('#app *')) {
      const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      if (!own || e.closest('[aria-disabled="true"]') || e.getBoundingClientRect().width === 0) continue;
      const s = getComputedStyle(e);
      const r = ratio(rgb(s.color) ?? [0, 0, 0], backdrop(e));
      if (r < 4.5) out.push({ what: 'text unreadable', detail: `${name(e)}: ${s.color} on ${backdrop(e).join(',')} = ${r.toFixed(2)}:1` });
    }
    const f = document.activeElement;
    if (!f || f === document.body) out.push({ what: 'no focus', detail: 'nothing in the panel has focus' });
    else {
      const s = getComputedStyle(f);
      const ring = rgb(s.outlineColor);
      const r = ring ? ratio(ring, backdrop(f.parentElement)) : 0;
      if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 1 || r < 3) out.push({ what: 'focus ring invisible', detail: `${name(f)}: outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} = ${r.toFixed(2)}:1` });
    }
    return out;
  });
}
