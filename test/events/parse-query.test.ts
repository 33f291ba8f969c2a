import { describe, expect, it } from 'vitest';
import { compileWhere, likePattern } from '../../src/main/services/search/compile-query';
import { parseFieldValue, parseQuery, QueryParseError } from '../../src/main/services/search/parse-query';
import type { QueryNode } from '../../src/main/services/search/query-ast';
import { requestTree } from '../../src/main/services/search/search-request';

const NOW = { nowMicros: BigInt(Date.parse('2025-06-01T12:00:00Z')) * 1000n };

/** A compact rendering of a tree, for readable expectations. */
function show(node: QueryNode): string {
  switch (node.kind) {
    case 'all':
      return 'ALL';
    case 'and':
      return `(${node.children.map(show).join(' & ')})`;
    case 'or':
      return `(${node.children.map(show).join(' | ')})`;
    case 'not':
      return `!${show(node.child)}`;
    case 'match':
      return `${node.field}=${node.values.map(likePattern).join(',')}`;
    case 'exists':
      return `${node.field}?`;
    case 'bool':
      return `${node.field}=${node.value}`;
    case 'text':
      return `"${node.value}"`;
    case 'time': {
      const bound = (t: typeof node.from) => (t === null ? '*' : t.kind === 'relative' ? `-${t.ms}ms` : `${t.micros}${t.dateOnly ? 'd' : ''}`);
      return `time[${bound(node.from)},${bound(node.to)}]`;
    }
  }
}

describe('parseQuery', () => {
  it.each([
    ['', 'ALL'],
    ['   ', 'ALL'],
    ['eventName:CreateUser', 'eventname=CreateUser'],
    ['name:Get*', 'eventname=Get%'],
    ['eventName:"Get*"', 'eventname=Get%'],
    ['eventname:Get?ser', 'eventname=Get_ser'],
    ['eventname:CreateUser,DeleteUser', 'eventname=CreateUser,DeleteUser'],
    ['eventname:a_b%c', 'eventname=a\\_b\\%c'],
    ['eventname:lit\\*eral', 'eventname=lit*eral'],
    ['-error:*', '!error?'],
    ['error:*', 'error?'],
    ['NOT readonly:true', '!readonly=true'],
    ['readonly:FALSE', 'readonly=false'],
    ['source:iam region:us-east-1', '(source=iam & region=us-east-1)'],
    ['source:iam AND region:us-east-1', '(source=iam & region=us-east-1)'],
    ['a OR b c', '("a" | ("b" & "c"))'],
    ['(eventname:Create* OR eventname:Delete*) -error:*', '((eventname=Create% | eventname=Delete%) & !error?)'],
    ['-(a b)', '!("a" & "b")'],
    ['AccessDenied', '"AccessDenied"'],
    ['"arn:aws:iam::123456789012:root"', '"arn:aws:iam::123456789012:root"'],
    ['"say \\"hi\\""', '"say "hi""'],
    ['free or text', '("free" & "or" & "text")'],
    ['us-east-1', '"us-east-1"'],
    ['- lone', '("-" & "lone")'],
    ['resource:arn:aws:s3:::bucket', 'resource=arn:aws:s3:::bucket'],
    ['since:7d', 'time[-604800000ms,*]'],
    ['until:24h', 'time[*,-86400000ms]'],
    ['since:2024-01-01', 'time[1704067200000000d,*]'],
    ['time:2024-01-01', 'time[1704067200000000d,1704067200000000d]'],
    ['time:[2024-01-01 TO 2024-02-01]', 'time[1704067200000000d,1706745600000000d]'],
    ['time:[2024-01-01T10:00:00Z to *]', 'time[1704103200000000,*]'],
    ['since:2024-01-01T10:00', 'time[1704103200000000,*]'],
    ['Principal:alice ACCOUNTID:123', '(principal=alice & account=123)'],
  ])('%s', (query, expected) => {
    expect(show(parseQuery(query))).toBe(expected);
  });

  it.each([
    ['foo:bar', 0, /Unknown field "foo"/],
    ['eventname:', 10, /Expected a value after "eventname:"/],
    ['eventname:"open', 10, /Missing closing quote/],
    ['(a b', 0, /Missing "\)"/],
    ['a b)', 3, /Unexpected "\)"/],
    ['()', 0, /Empty parentheses/],
    ['a OR', 2, /Expected a search term after OR/],
    ['AND a', 0, /AND needs a search term on each side/],
    ['NOT', 0, /Expected a search term after NOT/],
    ['readonly:maybe', 9, /true or false/],
    ['since:yesterday', 6, /Cannot read "yesterday" as a time/],
    ['since:2024-02-30', 6, /Cannot read/],
    ['time:[2024-01-01 2024-02-01]', 17, /Expected "TO"/],
    ['time:[2024-01-01 TO 2024-02-01', 30, /Missing "\]"/],
    ['since:1d,2d', 8, /takes one time/],
  ])('%s is refused at %i', (query, position, message) => {
    let error: unknown;
    try {
      parseQuery(query);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueryParseError);
    expect((error as QueryParseError).position).toBe(position);
    expect((error as QueryParseError).message).toMatch(message);
    expect((error as QueryParseError).message).toMatch(/\(at column \d+\)$/);
  });

  // The span the UI marks: the whole word at fault, not just its first character.
  it.each([
    ['eventName:x foo:bar', 12, 'foo:'],
    ['eventname:"open', 10, '"open'],
    ['a OR', 2, 'OR'],
    ['AND a', 0, 'AND'],
    ['x NOT', 2, 'NOT'],
    ['x ()', 2, '()'],
    ['readonly:maybe y', 9, 'maybe'],
    ['readonly:true,false', 0, 'readonly:true,false'],
    ['since:yesterday y', 6, 'yesterday'],
    ['time:["2024-13-01" TO *]', 6, '"2024-13-01"'],
    ['time:[2024-01-01 2024-02-01]', 17, '2024-02-01'],
    ['since:1d,2d x', 8, ',2d'],
    ['a b) c', 3, ')'],
    ['eventname:', 10, ''],
  ])('%s: the mark covers %s', (query, position, marked) => {
    let error: unknown;
    try {
      parseQuery(query);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueryParseError);
    const { position: at, length, chip } = error as QueryParseError;
    expect(at).toBe(position);
    expect(chip).toBeUndefined();
    // At the very end there is nothing to cover; the UI underlines one blank there.
    expect(query.slice(at, at + length)).toBe(marked);
    expect(length).toBeGreaterThanOrEqual(1);
  });

  it('says which chip is wrong, without a column of the query in the message', () => {
    let error: unknown;
    try {
      requestTree('eventname:x', undefined, [
        { field: 'account', op: 'is', value: '1' },
        { field: 'readonly', op: 'is', value: 'maybe' },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueryParseError);
    expect(error).toMatchObject({ chip: 1, position: 0, length: 5, message: 'Filter readonly: readonly is true or false, not "maybe".' });
  });

  it('parses a filter chip value like a field value', () => {
    expect(show(parseFieldValue('region', 'us-*'))).toBe('region=us-%');
    expect(show(parseFieldValue('error', '*'))).toBe('error?');
    expect(() => parseFieldValue('nope', 'x')).toThrow(QueryParseError);
  });
});

describe('compileWhere', () => {
  it('never puts a user value in the SQL text', () => {
    const hostile = `x'); DROP TABLE events; --`;
    const { sql, params } = compileWhere(parseQuery(`eventname:"${hostile}" principal:${hostile.replace(/[ ()]/g, '')} "${hostile}"`), NOW);
    expect(sql).not.toContain('DROP');
    expect(sql).not.toContain("x'");
    expect(params.map(String).join('\n')).toContain('DROP TABLE events');
  });

  it('gives NOT a definite boolean, so it keeps rows where the field is empty', () => {
    const { sql } = compileWhere(parseQuery('-error:AccessDenied'), NOW);
    expect(sql).toBe('(NOT coalesce(error_code ILIKE $1, false))');
  });

  it("escapes LIKE's own wildcards only when the value has one", () => {
    const plain = compileWhere(parseQuery('eventname:GetObject*'), NOW);
    expect(plain.sql).toBe('event_name ILIKE $1');
    expect(plain.params).toEqual(['GetObject%']);
    const underscore = compileWhere(parseQuery('principal:svc_deploy'), NOW);
    expect(underscore.sql).toContain("principal ILIKE $1 ESCAPE '\\'");
    expect(underscore.params).toEqual(['svc\\_deploy']);
  });

  it('lower-cases the record text for free text only when the words have letters', () => {
    expect(compileWhere(parseQuery('AccessDenied'), NOW)).toEqual({ sql: 'contains(lower(raw), $1)', params: ['accessdenied'] });
    expect(compileWhere(parseQuery('"10.0.0.1"'), NOW)).toEqual({ sql: 'contains(raw, $1)', params: ['10.0.0.1'] });
  });

  it('expands a bare service name and keeps a dotted one', () => {
    expect(compileWhere(parseQuery('source:iam'), NOW).params).toEqual(['iam.amazonaws.com']);
    expect(compileWhere(parseQuery('source:sts.amazonaws.com'), NOW).params).toEqual(['sts.amazonaws.com']);
    expect(compileWhere(parseQuery('source:ec2*'), NOW).params).toEqual(['ec2%']);
  });

  it('turns day bounds into whole days and relative times into microseconds before now', () => {
    const day = compileWhere(parseQuery('time:2024-01-01'), NOW).params;
    expect(day).toEqual([1704067200000000n, 1704153600000000n]);
    const relative = compileWhere(parseQuery('since:1h'), NOW).params;
    expect(relative).toEqual([NOW.nowMicros - 3_600_000_000n]);
  });
});
