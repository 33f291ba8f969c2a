import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../../shared/ipc/channels/profiles';
import { defaultActiveNames, resolveActiveNames, toggleName } from './active-profiles';

const profile = (name: string, problem?: string): ProfileSummary => ({ name, kind: 'sso', sources: ['config'], problem });
const listing = [profile('default'), profile('broken', 'no source'), profile('prod')];

describe('active profiles', () => {
  it('defaults to the usable profiles', () => {
    expect(defaultActiveNames(listing)).toEqual(['default', 'prod']);
    expect(resolveActiveNames(listing, undefined)).toEqual(['default', 'prod']);
  });

  it('keeps a choice to the profiles that still exist, in listing order', () => {
    expect(resolveActiveNames(listing, new Set(['prod', 'gone', 'broken']))).toEqual(['broken', 'prod']);
    expect(resolveActiveNames(listing, new Set())).toEqual([]);
  });

  it('toggles one name', () => {
    expect([...toggleName(['a', 'b'], 'a')]).toEqual(['b']);
    expect([...toggleName(['b'], 'a')]).toEqual(['b', 'a']);
  });
});
