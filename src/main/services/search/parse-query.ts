import { parseEventTime } from '../events/event-time';
import type { QueryNode, QueryValue, TimeSpec, ValuePart } from './query-ast';
import { fieldNames, lookupField, type FieldName, type SearchField } from './search-fields';

/**
 * The query language of the events search (docs/search-syntax.md):
 *
 *   query   := or
 *   or      := and ("OR" and)*
 *   and     := unary (["AND"] unary)*              terms side by side must all match
 *   unary   := ("NOT" | "-") unary | primary
 *   primary := "(" or ")" | field ":" values | field ":" "[" bound "TO" bound "]" | text
 *   values  := value ("," value)*                  any of the values
 *   value   := '"' chars '"' | bare                 `*` and `?` are wildcards; `\` escapes
 *
 * Keywords are upper case (`OR`, `AND`, `NOT`); lower-case `or` is a word to search for.
 */
export class QueryParseError extends Error {
  override name = 'QueryParseError';
  /** 0-based offset in the query where the problem is; may be the query's length ("a value was expected here"). */
  readonly position: number;
  /** How many characters from `position` are at fault (at least 1): the UI marks that span. */
  readonly length: number;
  /** Set when the problem is in a filter chip (its index in the request): `position` is then within the chip's value, and the message names the chip. */
  readonly chip: number | undefined;

  constructor(message: string, position: number, options: { length?: number; chip?: number } = {}) {
    // A chip's column means nothing in the typed query, so only the query's problems say where.
    super(options.chip === undefined ? `${message} (at column ${position + 1})` : message);
    this.position = position;
    this.length = Math.max(1, options.length ?? 1);
    this.chip = options.chip;
  }
}

export function parseQuery(input: string): QueryNode {
  return new Parser(input).parseQuery();
}

/** A value typed on its own (a filter chip): same rules as after `field:` in a query. */
export function parseFieldValue(fieldName: string, value: string): QueryNode {
  const field = lookupField(fieldName);
  if (!field) throw new QueryParseError(`Unknown field "${fieldName}". Fields: ${fieldNames().join(', ')}.`, 0, { length: value.length });
  const parser = new Parser(value);
  const node = parser.parseFieldTerm(field, 0);
  parser.expectEnd();
  return node;
}

const TERM_END = /[\s,)]/;

class Parser {
  private pos = 0;

  constructor(private readonly s: string) {}

  parseQuery(): QueryNode {
    this.skipWs();
    if (this.pos >= this.s.length) return { kind: 'all' };
    const node = this.parseOr();
    this.expectEnd();
    return node;
  }

  expectEnd(): void {
    this.skipWs();
    if (this.pos < this.s.length) {
      const char = this.s[this.pos];
      throw new QueryParseError(char === ')' ? 'Unexpected ")": no "(" is open.' : `Unexpected "${char}".`, this.pos);
    }
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    while (this.peekKeyword('OR')) {
      const at = this.pos;
      this.pos += 2;
      this.skipWs();
      if (this.atGroupEnd()) throw new QueryParseError('Expected a search term after OR.', at, { length: 2 });
      children.push(this.parseAnd());
    }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: 'or', children };
  }

  private parseAnd(): QueryNode {
    const children: QueryNode[] = [];
    for (;;) {
      this.skipWs();
      if (this.atGroupEnd() || this.peekKeyword('OR')) break;
      if (this.peekKeyword('AND')) {
        const at = this.pos;
        this.pos += 3;
        this.skipWs();
        if (children.length === 0 || this.atGroupEnd() || this.peekKeyword('OR')) throw new QueryParseError('AND needs a search term on each side.', at, { length: 3 });
        continue;
      }
      children.push(this.parseUnary());
    }
    if (children.length === 0) throw new QueryParseError(this.s[this.pos] === ')' ? 'Empty parentheses.' : 'Expected a search term.', this.pos);
    return children.length === 1 ? (children[0] as QueryNode) : { kind: 'and', children };
  }

  private parseUnary(): QueryNode {
    if (this.peekKeyword('NOT')) {
      const at = this.pos;
      this.pos += 3;
      this.skipWs();
      if (this.atGroupEnd() || this.peekKeyword('OR') || this.peekKeyword('AND')) throw new QueryParseError('Expected a search term after NOT.', at, { length: 3 });
      return { kind: 'not', child: this.parseUnary() };
    }
    const next = this.s[this.pos + 1];
    if (this.s[this.pos] === '-' && next !== undefined && !/\s/.test(next)) {
      this.pos += 1;
      return { kind: 'not', child: this.parsePrimary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode {
    const start = this.pos;
    const char = this.s[start];
    if (char === '(') {
      this.pos += 1;
      this.skipWs();
      if (this.s[this.pos] === ')') throw new QueryParseError('Empty parentheses.', start, { length: this.pos - start + 1 });
      const node = this.parseOr();
      this.skipWs();
      if (this.s[this.pos] !== ')') throw new QueryParseError('Missing ")" to close this "(".', start);
      this.pos += 1;
      return node;
    }
    if (char === ')') throw new QueryParseError('Unexpected ")": no "(" is open.', start);
    if (char === '"') {
      const value = this.readQuoted();
      return { kind: 'text', value: literalOnly(value), position: start };
    }
    const field = /^([A-Za-z_]+):/.exec(this.s.slice(start));
    if (field?.[1]) {
      const definition = lookupField(field[1]);
      if (!definition) {
        throw new QueryParseError(`Unknown field "${field[1]}". Fields: ${fieldNames().join(', ')}. To search for text that holds ":", put it in quotes.`, start, {
          length: field[0].length,
        });
      }
      this.pos += field[0].length;
      return this.parseFieldTerm(definition, start);
    }
    // A bare word of free text runs to the next space or parenthesis.
    let end = start;
    while (end < this.s.length && !/[\s()]/.test(this.s[end] as string)) end += 1;
    this.pos = end;
    return { kind: 'text', value: unescapeText(this.s.slice(start, end)), position: start };
  }

  /** After `field:`. */
  parseFieldTerm(field: SearchField & { name: FieldName }, start: number): QueryNode {
    if (field.kind === 'time') return this.parseTimeTerm(field.name, start);
    const values = [this.readValue(field.name)];
    while (this.s[this.pos] === ',') {
      this.pos += 1;
      values.push(this.readValue(field.name));
    }
    const [first] = values as [QueryValue];
    if (values.length === 1 && first.text === '*') return { kind: 'exists', field: field.name, position: start };
    if (field.kind === 'bool') {
      if (values.length > 1) throw new QueryParseError(`${field.name} takes one value: true or false.`, start, { length: this.pos - start });
      const lower = first.text.toLowerCase();
      if (lower !== 'true' && lower !== 'false') throw new QueryParseError(`${field.name} is true or false, not "${first.text}".`, first.position, { length: this.pos - first.position });
      return { kind: 'bool', field: field.name, value: lower === 'true', position: start };
    }
    return { kind: 'match', field: field.name, values, position: start };
  }

  private parseTimeTerm(field: FieldName, start: number): QueryNode {
    if (field === 'time' && this.s[this.pos] === '[') {
      this.pos += 1;
      const from = this.readBound();
      this.skipWs();
      if (!/^TO(?=[\s\]"*]|$)/i.test(this.s.slice(this.pos))) throw new QueryParseError('Expected "TO" in the range: time:[2024-01-01 TO 2024-02-01].', this.pos, { length: this.wordLength(/[\s\]]/) });
      this.pos += 2;
      const to = this.readBound();
      this.skipWs();
      if (this.s[this.pos] !== ']') throw new QueryParseError('Missing "]" to close the range.', this.pos);
      this.pos += 1;
      return { kind: 'time', from, to, position: start };
    }
    const value = this.readValue(field);
    if (this.s[this.pos] === ',') throw new QueryParseError(`${field} takes one time; for a span use time:[from TO to].`, this.pos, { length: this.wordLength(/[\s)]/) });
    const spec = parseTimeSpec(value.text, value.position, this.pos - value.position);
    if (field === 'since') return { kind: 'time', from: spec, to: null, position: start };
    if (field === 'until') return { kind: 'time', from: null, to: spec, position: start };
    // time:<day> is that whole day; time:<relative> reads as since.
    return { kind: 'time', from: spec, to: spec.kind === 'relative' ? null : spec, position: start };
  }

  private readBound(): TimeSpec | null {
    this.skipWs();
    const position = this.pos;
    let text: string;
    if (this.s[this.pos] === '"') text = literalOnly(this.readQuoted());
    else {
      let end = this.pos;
      while (end < this.s.length && !/[\s\]]/.test(this.s[end] as string)) end += 1;
      text = this.s.slice(this.pos, end);
      this.pos = end;
    }
    if (text === '') throw new QueryParseError('Expected a time, or * for an open end.', position);
    return text === '*' ? null : parseTimeSpec(text, position, this.pos - position);
  }

  private readValue(field: string): QueryValue {
    const position = this.pos;
    if (this.s[this.pos] === '"') return this.readQuoted();
    let end = this.pos;
    while (end < this.s.length && !TERM_END.test(this.s[end] as string)) end += this.s[end] === '\\' ? 2 : 1;
    end = Math.min(end, this.s.length);
    const text = this.s.slice(this.pos, end);
    if (text === '') throw new QueryParseError(`Expected a value after "${field}:".`, position);
    this.pos = end;
    return { parts: valueParts(text), text, position };
  }

  private readQuoted(): QueryValue {
    const position = this.pos;
    let end = this.pos + 1;
    while (end < this.s.length && this.s[end] !== '"') end += this.s[end] === '\\' ? 2 : 1;
    if (end >= this.s.length) throw new QueryParseError('Missing closing quote.', position, { length: this.s.length - position });
    const text = this.s.slice(position + 1, end);
    this.pos = end + 1;
    return { parts: valueParts(text), text, position };
  }

  /** From here to the next character matching `end` (or the end of the query): the word to mark. */
  private wordLength(end: RegExp): number {
    let i = this.pos;
    while (i < this.s.length && !end.test(this.s[i] as string)) i += 1;
    return i - this.pos;
  }

  private peekKeyword(keyword: 'OR' | 'AND' | 'NOT'): boolean {
    if (!this.s.startsWith(keyword, this.pos)) return false;
    const after = this.s[this.pos + keyword.length];
    return after === undefined || /[\s("]/.test(after);
  }

  private atGroupEnd(): boolean {
    return this.pos >= this.s.length || this.s[this.pos] === ')';
  }

  private skipWs(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos] as string)) this.pos += 1;
  }
}

/** Splits typed text into literal characters and wildcards; `\x` is always the literal x. */
function valueParts(text: string): ValuePart[] {
  const parts: ValuePart[] = [];
  let literal = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (char === '\\' && i + 1 < text.length) {
      literal += text[i + 1];
      i += 1;
    } else if (char === '*' || char === '?') {
      if (literal) parts.push({ literal });
      literal = '';
      parts.push({ wildcard: char });
    } else literal += char;
  }
  if (literal) parts.push({ literal });
  return parts;
}

/** Free text has no wildcards: `*` and `?` are searched for as they are. */
function literalOnly(value: QueryValue): string {
  return unescapeText(value.text);
}

function unescapeText(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

const RELATIVE = /^(\d{1,6})([smhdw])$/i;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `length` is how much of the query the time takes (quotes included), for the mark; default the text's. */
export function parseTimeSpec(text: string, position: number, length = text.length): TimeSpec {
  const relative = RELATIVE.exec(text);
  if (relative) return { kind: 'relative', ms: Number(relative[1]) * (UNIT_MS[(relative[2] as string).toLowerCase()] as number), text };
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const withSeconds = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?:Z|[+-]\d{2}:?\d{2})?$/.test(text) ? text.replace(/^(.{16})/, '$1:00') : text;
  const parsed = parseEventTime(dateOnly ? `${text}T00:00:00Z` : withSeconds);
  if (parsed.micros === null) {
    throw new QueryParseError(`Cannot read "${text}" as a time. Use a span back from now (30m, 24h, 7d, 2w), a day (2024-01-31) or an ISO time (2024-01-31T10:00:00Z).`, position, { length });
  }
  return { kind: 'absolute', micros: parsed.micros, dateOnly, text };
}
