import { describe, expect, it } from 'vitest';
import { formatRemaining, formatUserCode, isUrgent, normalizeMfaCode } from './session-format';

describe('session formatting', () => {
  const now = new Date('2030-01-01T12:00:00Z');
  const inMs = (ms: number) => new Date(now.getTime() + ms).toISOString();

  it('counts down in hours and minutes, then minutes and seconds, then seconds', () => {
    expect(formatRemaining(inMs(8 * 3600_000), now)).toBe('8 h 00 min');
    expect(formatRemaining(inMs(3600_000 + 61_000), now)).toBe('1 h 01 min');
    expect(formatRemaining(inMs(14 * 60_000 + 5_000), now)).toBe('14 min 05 s');
    expect(formatRemaining(inMs(42_000), now)).toBe('42 s');
    expect(formatRemaining(inMs(-1), now)).toBe('expired');
    expect(formatRemaining('not a date', now)).toBe('');
  });

  it('is urgent under fifteen minutes', () => {
    expect(isUrgent(inMs(14 * 60_000), now)).toBe(true);
    expect(isUrgent(inMs(16 * 60_000), now)).toBe(false);
  });

  it('normalises user codes and MFA codes', () => {
    expect(formatUserCode('bcdf ghjk')).toBe('BCDF-GHJK');
    expect(formatUserCode('odd')).toBe('odd');
    expect(normalizeMfaCode(' 123 456 ')).toBe('123456');
    expect(normalizeMfaCode('12345')).toBeUndefined();
    expect(normalizeMfaCode('12345a')).toBeUndefined();
  });
});
