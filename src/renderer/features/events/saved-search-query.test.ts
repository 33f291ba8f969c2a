import { describe, expect, it } from 'vitest';
import { composeQuery, decomposeQuery, savedSearchInput, savedSearchToState, splitTopLevel } from './saved-search-query';
import { literalChip } from './search-chips';

describe('saved search query', () => {
  it('splits on spaces outside quotes and parentheses', () => {
    expect(splitTopLevel('a "b c" (d OR e) f:"x\\" y" -g:h')).toEqual(['a', '"b c"', '(d OR e)', 'f:"x\\" y"', '-g:h']);
    expect(splitTopLevel('  ')).toEqual([]);
    expect(splitTopLevel('time:[2024-01-01 TO *] x')).toEqual(['time:[2024-01-01 TO *]', 'x']);
  });

  it('writes chips and the range after the query', () => {
    expect(composeQuery({ query: 'ConsoleLogin', chips: [literalChip('principal', 'user/a b', true)], range: '7d' })).toBe('ConsoleLogin -principal:"user/a b" since:7d');
    expect(composeQuery({ query: '', chips: [], range: 'all' })).toBe('');
    expect(composeQuery({ query: '  x ', chips: [], range: 'all' })).toBe('x');
  });

  it('keeps the meaning of a query with OR by grouping it', () => {
    expect(composeQuery({ query: 'a OR b', chips: [literalChip('account', '1')], range: 'all' })).toBe('(a OR b) account:1');
    expect(composeQuery({ query: 'a OR b', chips: [], range: 'all' })).toBe('a OR b');
  });

  it('round-trips what the search bar holds', () => {
    const state = { query: 'eventName:ConsoleLogin "two words"', chips: [literalChip('principal', 'role/x y'), literalChip('error', '*', true), { field: 'readonly', op: 'is' as const, value: 'false' }], range: '30d' as const };
    const back = decomposeQuery(composeQuery(state));
    expect(back.range).toBe('30d');
    expect(back.query).toBe('"two words"');
    // A typed chip-field term becomes a chip too: same search, easier to change.
    expect(back.chips).toEqual([{ field: 'eventname', op: 'is', value: 'ConsoleLogin' }, ...state.chips]);
  });

  it('leaves a top-level OR whole, and NOT with its term', () => {
    expect(decomposeQuery('account:1 OR account:2')).toEqual({ query: 'account:1 OR account:2', chips: [], range: 'all' });
    expect(decomposeQuery('NOT account:1 region:eu-west-1')).toEqual({ query: 'NOT account:1', chips: [{ field: 'region', op: 'is', value: 'eu-west-1' }], range: 'all' });
    expect(decomposeQuery('since:2024-01-01 user:alice')).toEqual({ query: 'since:2024-01-01 user:alice', chips: [], range: 'all' });
  });
});

describe('saved searches with their chips apart', () => {
  const chips = [literalChip('account', '111111111111'), literalChip('principal', 'role/x y', true)];

  it('saves the typed query, the chips and the range each in its own field', () => {
    expect(savedSearchInput({ query: ' eventname:ConsoleLogin ', chips, range: '30d' })).toEqual({ query: 'eventname:ConsoleLogin', chips, since: '30d' });
    expect(savedSearchInput({ query: '', chips: [], range: 'all' })).toEqual({ query: '', chips: [] });
  });

  it('opens one as it was: chip-field terms typed in the query stay typed, chips stay chips', () => {
    const bar = { query: 'eventname:ConsoleLogin account:222222222222 OR x', chips, range: '7d' as const };
    expect(savedSearchToState(savedSearchInput(bar))).toEqual(bar);
    expect(savedSearchToState({ query: 'region:eu-west-1', chips: [] })).toEqual({ query: 'region:eu-west-1', chips: [], range: 'all' });
  });

  it('keeps a span that is not a quick pick as a since: term', () => {
    expect(savedSearchToState({ query: 'x', chips: [], since: '2w' })).toEqual({ query: 'x since:2w', chips: [], range: 'all' });
    expect(savedSearchToState({ query: '', chips, since: '24H' })).toEqual({ query: '', chips, range: '24h' });
  });

  it('takes one saved before chips were stored apart again', () => {
    expect(savedSearchToState({ query: 'eventname:ConsoleLogin account:111111111111 -principal:"role/x y" since:30d' })).toEqual({
      query: '',
      chips: [{ field: 'eventname', op: 'is', value: 'ConsoleLogin' }, ...chips],
      range: '30d',
    });
  });
});

describe('saved searches from elsewhere', () => {
  it('turns structured filters into chips and a time range', () => {
    const state = savedSearchToState({ query: 'ConsoleLogin', filters: { accounts: ['111111111111', '222222222222'], errors: true, readOnly: false, from: '2024-01-01T00:00:00Z' } });
    expect(state.chips).toEqual([
      { field: 'account', op: 'is', value: '111111111111,222222222222' },
      { field: 'error', op: 'is', value: '*' },
      { field: 'readonly', op: 'is', value: 'false' },
    ]);
    expect(state.query).toBe('ConsoleLogin time:["2024-01-01T00:00:00Z" TO *]');
  });
});
