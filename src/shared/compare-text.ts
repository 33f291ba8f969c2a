/**
 * Orders two strings by their UTF-16 code units, as `<` does: the same order on every machine
 * and in every locale (localeCompare is neither), which sorted paths, keys and ties need.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
