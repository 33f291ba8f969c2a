import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import { createDispatcher, type Dispatch } from '../../src/main/ipc/dispatcher';
import { handlers } from '../../src/main/ipc/handlers';
import { createSavedSearches } from '../../src/main/services/saved-searches/saved-searches-service';
import { requestTree } from '../../src/main/services/search/search-request';
import { SavedSearch, type FilterChip } from '../../src/shared/ipc/channels/events';
import { contract } from '../../src/shared/ipc/contract';

let dir: string;
let path: string;
let dispatch: Dispatch;

/**
 * A core with the real saved-searches service and a search that only builds the request tree:
 * what these channels do with a query before the index is asked anything.
 */
function coreFor(savedPath: string): Core {
  const noEvents = { accounts: [], regions: [], eventSources: [], eventNames: [], principals: [], errorCodes: [] };
  const search = {
    search: async (input: { query: string; chips?: FilterChip[] }) => {
      requestTree(input.query, undefined, input.chips);
      return { rows: [], total: 0, totalExact: true, facets: noEvents, facetsExact: true };
    },
    stats: async (input: { query: string; chips?: FilterChip[] }) => {
      requestTree(input.query, undefined, input.chips);
      return { perDay: [], topEventNames: [], topPrincipals: [], topErrors: [] };
    },
  };
  return { events: { search, savedSearches: createSavedSearches({ path: savedPath, clock: () => new Date('2025-06-01T12:00:00Z') }) } } as unknown as Core;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auditdesk-search-ipc-'));
  path = join(dir, 'saved-searches.json');
  dispatch = createDispatcher(handlers, { core: coreFor(path) });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const chips: FilterChip[] = [
  { field: 'account', op: 'is', value: '111111111111' },
  { field: 'principal', op: 'is-not', value: '"role/x y"' },
];

describe('saved searches keep their chips apart from the query', () => {
  it('round-trips the query text, the chips and the range through the contract and the file', async () => {
    const saved = await dispatch('searches:save', { name: 'Console sign-ins', query: 'eventname:ConsoleLogin', chips, since: '30d' });
    expect(saved).toMatchObject({ ok: true, data: { name: 'Console sign-ins', query: 'eventname:ConsoleLogin', chips, since: '30d' } });
    const listed = await dispatch('searches:list', {});
    expect(listed).toMatchObject({ ok: true, data: [{ query: 'eventname:ConsoleLogin', chips, since: '30d' }] });
    // On disk too, as structured data: nothing of the chips is in the query text.
    const file = JSON.parse(await readFile(path, 'utf8')) as { version: number; searches: unknown[] };
    expect(file.version).toBe(1);
    expect(file.searches).toEqual([expect.objectContaining({ query: 'eventname:ConsoleLogin', chips, since: '30d' })]);
  });

  it('stores an empty chip list for a search saved without chips, so it is not read as an old one', async () => {
    const saved = await dispatch('searches:save', { name: 'Everything', query: '' });
    expect(saved).toMatchObject({ ok: true, data: { name: 'Everything', query: '', chips: [] } });
    expect(saved.ok && 'since' in (saved.data as object)).toBe(false);
  });

  it('replaces the chips of a search saved again under its id', async () => {
    const first = await dispatch('searches:save', { name: 'Replace me', query: 'x', chips });
    const id = first.ok ? (first.data as SavedSearch).id : '';
    const again = await dispatch('searches:save', { id, name: 'Replace me', query: 'x', chips: [chips[0]!] });
    expect(again).toMatchObject({ ok: true, data: { id, chips: [chips[0]] } });
  });

  it('refuses chips the search would refuse, and ranges that are not a span back from now', async () => {
    expect(await dispatch('searches:save', { name: 'n', query: '', chips: [{ field: 'account', op: 'maybe', value: '1' }] })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await dispatch('searches:save', { name: 'n', query: '', chips: [{ field: 'account', op: 'is', value: '1', extra: true }] })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await dispatch('searches:save', { name: 'n', query: '', since: 'yesterday' })).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringContaining('since') } });
  });

  it('still lists searches saved in the old shape (chips written into the query)', async () => {
    const oldDir = join(dir, 'old');
    const oldPath = join(oldDir, 'saved-searches.json');
    const old = {
      id: 'b9f0c1de-0000-4000-8000-000000000001',
      name: 'Root activity, one account',
      query: 'principaltype:Root account:111111111111 since:7d',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    const fromTheCli = { ...old, id: 'b9f0c1de-0000-4000-8000-000000000002', name: 'With filters', query: 'x', filters: { errors: true } };
    const handEdited = { id: 'broken', name: 42 };
    await mkdir(oldDir, { recursive: true });
    await writeFile(oldPath, JSON.stringify({ version: 1, searches: [old, fromTheCli, handEdited] }));

    const oldDispatch = createDispatcher(handlers, { core: coreFor(oldPath) });
    const listed = await oldDispatch('searches:list', {});
    // The contract passes them as they are: no chips field says "the chips are in the query".
    expect(listed).toEqual({ ok: true, data: [old, fromTheCli] });
    expect(contract['searches:list'].output.parse([old])).toEqual([old]);

    // Saving another keeps them, and keeps them in their shape.
    expect((await oldDispatch('searches:save', { name: 'New', query: '', chips })).ok).toBe(true);
    const after = await oldDispatch('searches:list', {});
    expect(after.ok && (after.data as SavedSearch[]).map((s) => [s.name, s.chips])).toEqual([
      ['New', chips],
      ['Root activity, one account', undefined],
      ['With filters', undefined],
    ]);
  });
});

describe('a query the core cannot read says where, as data', () => {
  it.each([
    ['eventName:GetPasswordData principal:', { column: 37, length: 1 }],
    ['eventName:x nosuchfield:y', { column: 13, length: 12 }],
    ['a (b c', { column: 3, length: 1 }],
    ['eventname:"open', { column: 11, length: 5 }],
  ])('events:search %s', async (query, detail) => {
    const result = await dispatch('events:search', { query });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-query', detail } });
    // The sentence stays human, and still says the column for the CLI and the log.
    expect(!result.ok && result.error.message).toMatch(new RegExp(`\\(at column ${detail.column}\\)$`));
    expect(!result.ok && Object.keys(result.error).sort()).toEqual(['code', 'detail', 'message']);
  });

  it('events:stats says where too', async () => {
    expect(await dispatch('events:stats', { query: 'x OR' })).toMatchObject({ ok: false, error: { code: 'bad-query', detail: { column: 3, length: 2 } } });
  });

  it('points at the chip, not at the query, when a chip is wrong', async () => {
    const result = await dispatch('events:search', { query: 'eventname:x', chips: [chips[0], { field: 'readonly', op: 'is', value: 'maybe' }] });
    expect(result).toEqual({ ok: false, error: { code: 'bad-query', message: 'Filter readonly: readonly is true or false, not "maybe".', detail: { column: 1, length: 5, chip: 1 } } });
  });

  it('a query that reads well answers as before', async () => {
    expect(await dispatch('events:search', { query: 'eventname:x', chips })).toMatchObject({ ok: true, data: { total: 0 } });
  });
});
