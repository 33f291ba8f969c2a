import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/result';
import { createApi } from '../../api/api';
import { toDisplayError } from '../../api/display-error';
import { markedParts, queryProblem } from './query-error';

describe('query problems', () => {
  it('takes the place of a bad query from the error detail, not from the sentence', () => {
    const error = { code: 'bad-query', message: 'Expected a value after "principal:". (at column 37)', detail: { column: 37, length: 1 } };
    expect(queryProblem(error, 'eventName:GetPasswordData principal:')).toEqual({ message: 'Expected a value after "principal:".', position: 36, length: 1 });
    const unknownField = { code: 'bad-query', message: 'Unknown field "nosuchfield". (at column 13)', detail: { column: 13, length: 12 } };
    expect(queryProblem(unknownField, 'eventName:x nosuchfield:y')).toEqual({ message: 'Unknown field "nosuchfield".', position: 12, length: 12 });
  });

  it('keeps the mark inside the query it is about', () => {
    expect(queryProblem({ code: 'bad-query', message: 'Odd', detail: { column: 99, length: 4 } }, 'ab')).toEqual({ message: 'Odd', position: 2, length: 1 });
    expect(queryProblem({ code: 'bad-query', message: 'Odd', detail: { column: 2, length: 40 } }, 'abcd')).toEqual({ message: 'Odd', position: 1, length: 3 });
  });

  it('points at a chip when the chip is wrong, and nowhere when the core gave no place', () => {
    expect(queryProblem({ code: 'bad-query', message: 'Filter readonly: not "maybe".', detail: { column: 1, length: 5, chip: 1 } }, 'q')).toEqual({ message: 'Filter readonly: not "maybe".', chip: 1 });
    expect(queryProblem({ code: 'bad-query', message: 'Something (at column 3)' }, 'abc')).toEqual({ message: 'Something' });
    expect(queryProblem({ code: 'offline', message: 'Lost the connection' }, 'q')).toBeUndefined();
  });

  it('reaches the view through the api and the display error', async () => {
    const detail = { column: 3, length: 2 };
    const api = createApi({ invoke: async () => ({ ok: false, error: { code: 'bad-query', message: 'Expected a search term after OR. (at column 3)', detail } }), on: () => () => undefined }, 'web');
    const failure = await api.invoke('events:search', { query: 'x OR' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(toDisplayError(failure)).toEqual({ code: 'bad-query', message: 'Expected a search term after OR. (at column 3)', detail });
    expect(toDisplayError(new AppError('not-found', 'No such event.'))).toEqual({ code: 'not-found', message: 'No such event.' });
  });
});

describe('the marked part of a query', () => {
  it('splits the query around the span to mark', () => {
    expect(markedParts('eventName:x nosuchfield:y', 12, 12)).toEqual({ before: 'eventName:x ', marked: 'nosuchfield:', after: 'y' });
    expect(markedParts('a b) c', 3)).toEqual({ before: 'a b', marked: ')', after: ' c' });
  });

  it('marks a blank past the end, where a value was expected', () => {
    expect(markedParts('principal:', 10, 1)).toEqual({ before: 'principal:', marked: '\u00a0', after: '' });
    expect(markedParts('ab', 7, 3)).toEqual({ before: 'ab', marked: '\u00a0', after: '' });
  });
});
