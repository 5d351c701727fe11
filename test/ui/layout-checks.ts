/**
 * Layout checks run in the page: words a table broke across lines, and whether an input shows its
 * whole placeholder. They measure what the browser laid out, so they hold for any font.
 */
import type { Page } from 'playwright-core';

/**
 * Words inside `selector` (outside `code`, where long URLs and ids may wrap) that the browser laid
 * out on more than one line, as "word (line count)".
 */
export function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((root) => {
    const broken: string[] = [];
    const scope = document.querySelector(root);
    if (!scope) return ['(no such element)'];
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('code, .visually-hidden')) continue;
      for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index ?? 0);
        range.setEnd(node, (match.index ?? 0) + match[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) broken.push(`${match[0]} (${lines.size})`);
      }
    }
    return broken;
  }, selector);
}

/** Whether the input's content box is as wide as its placeholder text in the input's own font. */
export function placeholderFits(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((field) => {
    const input = document.querySelector<HTMLInputElement>(field);
    if (!input) return false;
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return false;
    context.font = style.font;
    const text = context.measureText(input.placeholder).width;
    const inner = input.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
    return text <= inner;
  }, selector);
}
