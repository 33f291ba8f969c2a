import type { FilterChip } from '../../../shared/ipc/channels/events';

export type { FilterChip };

/**
 * The fields a chip can filter on, by their query-language name (the server's search-fields
 * table), with the label the chip shows. Facets, pivots and the read-only toggle only ever
 * produce these.
 */
export const CHIP_FIELDS = {
  account: 'Account',
  region: 'Region',
  principal: 'Principal',
  eventname: 'Event',
  source: 'Source',
  error: 'Error',
  readonly: 'Read-only',
  ip: 'IP',
  resource: 'Resource',
  accesskey: 'Access key',
} as const;

export type ChipField = keyof typeof CHIP_FIELDS;

export function isChipField(field: string): field is ChipField {
  return Object.hasOwn(CHIP_FIELDS, field);
}

/**
 * A value as the query language reads it literally. Facet values are data, not patterns: a
 * principal or resource may hold `*`, `?`, spaces or commas (`<organization master account ID>`),
 * which would otherwise be read as wildcards or end the value. `*` alone stays the "has any value" form.
 */
export function quoteValue(value: string): string {
  if (value === '*') return value;
  if (value !== '' && /^[^\s,()"\\*?]+$/.test(value)) return value;
  return `"${value.replace(/[\\"*?]/g, '\\$&')}"`;
}

/** A chip for a value seen in the data (a facet, a pivot): matched literally. */
export function literalChip(field: ChipField, value: string, negate = false): FilterChip {
  return { field, op: negate ? 'is-not' : 'is', value: quoteValue(value) };
}

/** The value as a person reads it: quotes and escapes taken off again. */
export function displayValue(chip: FilterChip): string {
  if (chip.value === '*') return 'any';
  const quoted = /^"(.*)"$/s.exec(chip.value);
  return (quoted ? quoted[1]! : chip.value).replace(/\\(.)/g, '$1');
}

export function chipLabel(chip: FilterChip): string {
  const field = isChipField(chip.field) ? CHIP_FIELDS[chip.field] : chip.field;
  if (chip.field === 'readonly') {
    const readOnly = chip.value.toLowerCase() === 'true';
    return (chip.op === 'is') === readOnly ? 'Read-only calls' : 'Write calls';
  }
  if (chip.value === '*') return chip.op === 'is' ? `${field}: any` : `No ${field.toLowerCase()}`;
  return `${field} ${chip.op === 'is' ? 'is' : 'is not'} ${displayValue(chip)}`;
}

const sameTarget = (a: FilterChip, b: FilterChip) => a.field === b.field && a.value === b.value;

/** Adds a chip; the same field and value with the other operator is replaced, never doubled. */
export function addChip(chips: readonly FilterChip[], chip: FilterChip): FilterChip[] {
  if (chip.field === 'readonly') return [...chips.filter((c) => c.field !== 'readonly'), chip];
  if (chips.some((c) => sameTarget(c, chip) && c.op === chip.op)) return [...chips];
  const index = chips.findIndex((c) => sameTarget(c, chip));
  if (index < 0) return [...chips, chip];
  return chips.map((c, i) => (i === index ? chip : c));
}

export function removeChip(chips: readonly FilterChip[], index: number): FilterChip[] {
  return chips.filter((_, i) => i !== index);
}

export function negateChip(chips: readonly FilterChip[], index: number): FilterChip[] {
  return chips.map((c, i) => (i === index ? { ...c, op: c.op === 'is' ? 'is-not' : 'is' } : c));
}

/** The chip as a term of the query language (`-principal:"role/x y"`): same meaning, one string. */
export function chipToTerm(chip: FilterChip): string {
  return `${chip.op === 'is-not' ? '-' : ''}${chip.field}:${chip.value}`;
}
