/**
 * `#/events?q=…` opens Events with that query, so the Activity charts (and a pasted link) can
 * deep-link into a search. Only `q` is read; everything else in the hash is the router's.
 */
export function queryFromHash(hash: string): string | undefined {
  const at = hash.indexOf('?');
  if (!hash.startsWith('#/events') || at < 0) return undefined;
  const q = new URLSearchParams(hash.slice(at + 1)).get('q');
  return q ?? undefined;
}

export function eventsHash(query: string): string {
  return query ? `#/events?q=${encodeURIComponent(query)}` : '#/events';
}
