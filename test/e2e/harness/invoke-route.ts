import type { Page, Route } from 'playwright-core';

/** Matches one contract channel's browser-mode route, however the client encodes its name. */
export function isInvokeOf(channel: string) {
  return (url: URL) => decodeURIComponent(url.pathname) === `/api/invoke/${channel}`;
}

/**
 * Answers a channel in the core's place, as the core would: `{ ok, data }` or `{ ok, error }`.
 * Returns the function that hands the channel back to the real core.
 */
export async function answerChannel(page: Page, channel: string, respond: (input: unknown, route: Route) => unknown): Promise<() => Promise<void>> {
  const matcher = isInvokeOf(channel);
  await page.route(matcher, async (route) => {
    const input: unknown = route.request().postDataJSON();
    const body = respond(input, route);
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  });
  return () => page.unroute(matcher);
}
