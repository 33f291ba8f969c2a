import type { Page } from 'playwright-core';

// These run in the page. They are strings because the test code is type-checked with the Node
// libraries only (tsconfig.node.json), where `document` does not exist.

export interface FocusedElement {
  id: string | null;
  testId: string | null;
  href: string | null;
  label: string | null;
  text: string | null;
  outlineStyle: string | null;
}

export function focusedElement(page: Page): Promise<FocusedElement> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el) return { id: null, testId: null, href: null, label: null, text: null, outlineStyle: null };
    return {
      id: el.id || null,
      testId: el.getAttribute('data-testid'),
      href: el.getAttribute('href'),
      label: el.getAttribute('aria-label'),
      text: el.textContent,
      outlineStyle: getComputedStyle(el).outlineStyle,
    };
  })()`);
}

export function bodyBackground(page: Page): Promise<string> {
  return page.evaluate('getComputedStyle(document.body).backgroundColor');
}
