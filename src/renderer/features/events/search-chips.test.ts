import { describe, expect, it } from 'vitest';
import { addChip, chipLabel, chipToTerm, displayValue, literalChip, negateChip, quoteValue, removeChip } from './search-chips';

describe('filter chips', () => {
  it('keeps plain values bare and quotes what the query language would misread', () => {
    expect(quoteValue('111111111111')).toBe('111111111111');
    expect(quoteValue('role/Admin/alice@example.com')).toBe('role/Admin/alice@example.com');
    expect(quoteValue('<organization master account ID>')).toBe('"<organization master account ID>"');
    expect(quoteValue('a,b')).toBe('"a,b"');
    expect(quoteValue('arn:aws:s3:::bucket/*')).toBe('"arn:aws:s3:::bucket/\\*"');
    expect(quoteValue('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteValue('C:\\path')).toBe('"C:\\\\path"');
    expect(quoteValue('')).toBe('""');
    expect(quoteValue('*')).toBe('*');
  });

  it('reads a quoted value back as the person typed it', () => {
    for (const value of ['plain', 'with space', 'a*b?c', 'q"uote', 'back\\slash']) {
      expect(displayValue(literalChip('principal', value))).toBe(value);
    }
  });

  it('labels chips in words', () => {
    expect(chipLabel(literalChip('principal', 'user/alice'))).toBe('Principal is user/alice');
    expect(chipLabel(literalChip('account', '111111111111', true))).toBe('Account is not 111111111111');
    expect(chipLabel({ field: 'error', op: 'is', value: '*' })).toBe('Error: any');
    expect(chipLabel({ field: 'error', op: 'is-not', value: '*' })).toBe('No error');
    expect(chipLabel({ field: 'readonly', op: 'is', value: 'false' })).toBe('Write calls');
    expect(chipLabel({ field: 'readonly', op: 'is-not', value: 'false' })).toBe('Read-only calls');
  });

  it('never doubles a chip and flips the operator of an existing one', () => {
    const alice = literalChip('principal', 'user/alice');
    let chips = addChip([], alice);
    chips = addChip(chips, alice);
    expect(chips).toEqual([alice]);
    chips = addChip(chips, literalChip('principal', 'user/alice', true));
    expect(chips).toEqual([{ ...alice, op: 'is-not' }]);
    chips = addChip(chips, literalChip('account', '1'));
    expect(chips.map((c) => c.field)).toEqual(['principal', 'account']);
    expect(negateChip(chips, 0)[0]!.op).toBe('is');
    expect(removeChip(chips, 0)).toEqual([literalChip('account', '1')]);
  });

  it('keeps one read-only chip at most', () => {
    const chips = addChip(addChip([], { field: 'readonly', op: 'is', value: 'true' }), { field: 'readonly', op: 'is', value: 'false' });
    expect(chips).toEqual([{ field: 'readonly', op: 'is', value: 'false' }]);
  });

  it('writes a chip as a query term', () => {
    expect(chipToTerm(literalChip('principal', 'role/x y', true))).toBe('-principal:"role/x y"');
    expect(chipToTerm(literalChip('eventname', 'ConsoleLogin'))).toBe('eventname:ConsoleLogin');
  });
});
