import { describe, expect, it } from 'vitest';
import { hashFor, routeFromHash, routes } from './routes';
import { shortcutFor } from './shortcuts';

describe('routeFromHash', () => {
  it.each([
    ['#/profiles', 'profiles'],
    ['#/events', 'events'],
    ['#/events/abc', 'events'],
    ['#/findings?status=active', 'findings'],
    ['', undefined],
    ['#', undefined],
    ['#/nope', undefined],
    ['#main', undefined],
    ['#/Profiles', undefined],
  ])('%s -> %s', (hash, expected) => {
    expect(routeFromHash(hash)).toBe(expected);
  });

  it('round-trips every route', () => {
    for (const r of routes) expect(routeFromHash(hashFor(r.id))).toBe(r.id);
  });
});

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const idle = { typing: false, awaitingLetter: false, mac: false };

describe('shortcutFor', () => {
  it('maps Ctrl+digit on Linux/Windows and Cmd+digit on macOS, even while typing', () => {
    expect(shortcutFor(key('3', { ctrlKey: true }), { ...idle, typing: true })).toEqual({ type: 'navigate', route: 'events' });
    expect(shortcutFor(key('5', { metaKey: true }), { ...idle, mac: true })).toEqual({ type: 'navigate', route: 'reports' });
    expect(shortcutFor(key('5', { metaKey: true }), idle)).toBeUndefined();
    expect(shortcutFor(key('9', { ctrlKey: true }), idle)).toBeUndefined();
    expect(shortcutFor(key('1', { ctrlKey: true, shiftKey: true }), idle)).toBeUndefined();
  });

  it('takes / and g-sequences only when the user is not typing', () => {
    expect(shortcutFor(key('/'), idle)).toEqual({ type: 'focus-search' });
    expect(shortcutFor(key('/'), { ...idle, typing: true })).toBeUndefined();
    expect(shortcutFor(key('g'), idle)).toEqual({ type: 'await-letter' });
    expect(shortcutFor(key('f'), { ...idle, awaitingLetter: true })).toEqual({ type: 'navigate', route: 'findings' });
    expect(shortcutFor(key('x'), { ...idle, awaitingLetter: true })).toBeUndefined();
    expect(shortcutFor(key('f'), idle)).toBeUndefined();
  });
});
