/** The Events view reads its query from the hash (`#/events?q=…`); the link works with a middle click too. */
export function evidenceHref(query: string): string {
  return `#/events?q=${encodeURIComponent(query)}`;
}

/** Rows and API calls address a finding by analyzer and id; this is its key in maps and the DOM. */
export function findingKey(ref: { analyzerArn: string; id: string }): string {
  return `${ref.analyzerArn}|${ref.id}`;
}
