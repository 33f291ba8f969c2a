import type { ChannelInput } from '../../../shared/ipc/contract';
import type { SavedSearch } from '../../../shared/ipc/channels/events';
import { chipToTerm, isChipField, type FilterChip } from './search-chips';
import { isTimeRangeId, rangeTerm, type TimeRangeId } from './time-range';

/** What the search bar holds: the typed query, the chips and the time range. */
export interface SearchBarState {
  query: string;
  chips: FilterChip[];
  range: TimeRangeId;
}

/**
 * The whole search bar as one query string: the chips and the range written as terms after the
 * typed query. It finds the same events as the bar, so it is what the view reports as its search
 * (`data-search-query`) and what a saved search shows as a one-line summary. The range stays
 * relative (`since:7d`). Searches saved before chips were stored were saved in this form.
 */
export function composeQuery(state: SearchBarState): string {
  const extra = [...state.chips.map(chipToTerm), rangeTerm(state.range)].filter((t): t is string => Boolean(t));
  const query = state.query.trim();
  if (extra.length === 0) return query;
  // Terms side by side bind tighter than OR: `a OR b account:1` would mean `a OR (b account:1)`.
  const head = query && splitTopLevel(query).includes('OR') ? `(${query})` : query;
  return [head, ...extra].filter(Boolean).join(' ');
}

/**
 * The other way, for searches saved in that form: top-level `field:value` terms of chip fields
 * become chips again and one `since:` quick pick becomes the range; everything else stays typed
 * text. A query with a top-level OR is left whole, since taking a term out of it would change what it means.
 */
export function decomposeQuery(text: string): SearchBarState {
  const tokens = splitTopLevel(text.trim());
  if (tokens.includes('OR')) return { query: text.trim(), chips: [], range: 'all' };
  const kept: string[] = [];
  const chips: FilterChip[] = [];
  let range: TimeRangeId = 'all';
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token === 'NOT' || token === 'AND') {
      // NOT applies to the next term, which must then stay text with it.
      kept.push(token, ...(token === 'NOT' && tokens[i + 1] !== undefined ? [tokens[++i]!] : []));
      continue;
    }
    const since = /^since:(\w+)$/i.exec(token);
    if (since && range === 'all' && isTimeRangeId(since[1]!.toLowerCase()) && since[1]!.toLowerCase() !== 'all') {
      range = since[1]!.toLowerCase() as TimeRangeId;
      continue;
    }
    const term = /^(-?)([A-Za-z_]+):(.+)$/s.exec(token);
    const field = term?.[2]?.toLowerCase();
    if (term && field && isChipField(field)) {
      chips.push({ field, op: term[1] ? 'is-not' : 'is', value: term[3]! });
      continue;
    }
    kept.push(token);
  }
  return { query: kept.join(' '), chips, range };
}

/** Splits on spaces outside quotes, parentheses and time ranges; `\` escapes the next character. */
export function splitTopLevel(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length) {
      current += char + text[i + 1];
      i += 1;
      continue;
    }
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '(' || char === '[')) depth += 1;
    else if (!quoted && (char === ')' || char === ']')) depth = Math.max(0, depth - 1);
    if (!quoted && depth === 0 && /\s/.test(char)) {
      if (current) tokens.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  if (current) tokens.push(current);
  return tokens;
}

/** What `searches:save` stores for the search bar: the typed query, the chips and the range, each in its own field. */
export function savedSearchInput(state: SearchBarState): Pick<ChannelInput<'searches:save'>, 'query' | 'chips' | 'since'> {
  return { query: state.query.trim(), chips: state.chips, ...(state.range === 'all' ? {} : { since: state.range }) };
}

/**
 * A saved search back into the search bar: its query text, its chips as chips and its range.
 * One saved before chips were stored has them (and the range) as terms of its query, which are
 * taken apart again. Searches saved elsewhere (the CLI) may carry structured filters as well;
 * those become chips and time terms, so nothing is silently dropped.
 */
export function savedSearchToState(saved: Pick<SavedSearch, 'query' | 'chips' | 'since' | 'filters'>): SearchBarState {
  const bar = saved.chips === undefined ? decomposeQuery(saved.query) : { query: saved.query, chips: [...saved.chips], range: 'all' as const };
  const state = bar.range === 'all' ? withSince(bar, saved.since) : bar;
  const f = saved.filters;
  if (!f) return state;
  const chips = [...state.chips];
  if (f.accounts?.length) chips.push({ field: 'account', op: 'is', value: f.accounts.join(',') });
  if (f.regions?.length) chips.push({ field: 'region', op: 'is', value: f.regions.join(',') });
  if (f.errors !== undefined) chips.push({ field: 'error', op: f.errors ? 'is' : 'is-not', value: '*' });
  if (f.readOnly !== undefined) chips.push({ field: 'readonly', op: 'is', value: String(f.readOnly) });
  const time = f.from || f.to ? `time:[${f.from ? `"${f.from}"` : '*'} TO ${f.to ? `"${f.to}"` : '*'}]` : '';
  return { ...state, chips, query: [state.query, time].filter(Boolean).join(' ') };
}

/** A quick pick becomes the range; any other span (saved by the CLI, say) stays a `since:` term of the query. */
function withSince(state: SearchBarState, since: string | undefined): SearchBarState {
  if (!since) return state;
  const id = since.toLowerCase();
  if (isTimeRangeId(id) && id !== 'all') return { ...state, range: id };
  return { ...state, query: [state.query, `since:${since}`].filter(Boolean).join(' ') };
}
