import { describe, expect, it } from 'vitest';
import { diffPaths, isChanged, jsonLines, parseRecord } from './json-diff';

describe('JSON diff', () => {
  it('finds changed, added and removed keys as deep as they go', () => {
    const a = { eventName: 'GetObject', userIdentity: { type: 'IAMUser', arn: 'arn:a' }, resources: [{ ARN: 'x' }], only: 1 };
    const b = { eventName: 'GetObject', userIdentity: { type: 'IAMUser', arn: 'arn:b' }, resources: [{ ARN: 'x' }, { ARN: 'y' }], added: null };
    expect([...diffPaths(a, b)].sort()).toEqual(['/added', '/only', '/resources/1', '/userIdentity/arn']);
  });

  it('sees equal documents as equal, and a type change as a change', () => {
    expect(diffPaths({ a: [1, { b: null }] }, { a: [1, { b: null }] }).size).toBe(0);
    expect([...diffPaths({ a: 1 }, { a: '1' })]).toEqual(['/a']);
    expect([...diffPaths({ a: [1] }, { a: { 0: 1 } })]).toEqual(['/a']);
    expect([...diffPaths(1, 2)]).toEqual(['']);
  });

  it('escapes keys that hold a slash or a tilde', () => {
    expect([...diffPaths({ 'a/b': 1, '~': 1 }, { 'a/b': 2, '~': 2 })]).toEqual(['/a~1b', '/~0']);
  });

  it('marks a line when it or a container above it differs', () => {
    const changed = new Set(['/resources/1']);
    expect(isChanged('/resources/1/ARN', changed)).toBe(true);
    expect(isChanged('/resources/1', changed)).toBe(true);
    expect(isChanged('/resources', changed)).toBe(false);
    expect(isChanged('/resources/10', changed)).toBe(false);
    expect(isChanged('/x', new Set(['']))).toBe(true);
  });

  it('prints exactly like JSON.stringify with two spaces, line by line', () => {
    const value = { a: 1, b: [true, null, { c: 'x' }], d: {}, e: [] };
    expect(jsonLines(value).map((l) => l.text).join('\n')).toBe(JSON.stringify(value, null, 2));
    expect(jsonLines('text').map((l) => l.text)).toEqual(['"text"']);
  });

  it('prints keys in alphabetical order when asked, so two records line up', () => {
    expect(jsonLines({ b: 1, a: { d: 1, c: 2 } }, new Set(), { sortKeys: true }).map((l) => l.text.trim())).toEqual(['{', '"a": {', '"c": 2,', '"d": 1', '},', '"b": 1', '}']);
  });

  it('highlights the lines of a difference, closing brackets included', () => {
    const a = { keep: 1, gone: { x: 1 } };
    const lines = jsonLines(a, diffPaths(a, { keep: 1 }));
    expect(lines.filter((l) => l.changed).map((l) => l.text.trim())).toEqual(['"gone": {', '"x": 1', '}']);
  });

  it('falls back to the text of a record that is not JSON', () => {
    expect(parseRecord('{"a":1}')).toEqual({ a: 1 });
    expect(parseRecord('not json')).toBe('not json');
  });
});
