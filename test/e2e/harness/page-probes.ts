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

/** The selected text of an input, by its data-testid. */
export function selectedInputText(page: Page, testId: string): Promise<string> {
  return page.evaluate(`(() => {
    const input = document.querySelector('[data-testid=${JSON.stringify(testId)}]');
    return input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0);
  })()`);
}

/** Where, in page pixels, the character at `offset` of an input's text is drawn (its left edge, scrolling included). */
export function inputCharacterLeft(page: Page, testId: string, offset: number): Promise<number> {
  return page.evaluate(`(() => {
    const input = document.querySelector('[data-testid=${JSON.stringify(testId)}]');
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d');
    context.font = style.fontSize + ' ' + style.fontFamily;
    const text = context.measureText(input.value.slice(0, ${Number(offset)})).width;
    return input.getBoundingClientRect().left + input.clientLeft + parseFloat(style.paddingLeft) + text - input.scrollLeft;
  })()`);
}
