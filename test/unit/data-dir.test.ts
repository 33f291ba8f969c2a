import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../src/main/core/data-dir';

const home = '/home/alice';

describe('resolveDataDir', () => {
  it('prefers --data-dir over AUDITDESK_DATA_DIR and the platform default', () => {
    expect(resolveDataDir({ flag: '/srv/flag', env: { AUDITDESK_DATA_DIR: '/srv/env' }, platform: 'linux', home })).toBe(resolve('/srv/flag'));
  });

  it('resolves a relative --data-dir against the working folder', () => {
    expect(resolveDataDir({ flag: 'data', env: {}, platform: 'linux', home })).toBe(resolve('data'));
  });

  it('uses AUDITDESK_DATA_DIR when there is no flag', () => {
    expect(resolveDataDir({ env: { AUDITDESK_DATA_DIR: '/srv/env' }, platform: 'darwin', home })).toBe(resolve('/srv/env'));
  });

  it('ignores empty values', () => {
    expect(resolveDataDir({ flag: '', env: { AUDITDESK_DATA_DIR: '' }, platform: 'linux', home })).toBe(join(home, '.config', 'Auditdesk'));
  });

  it.each([
    ['linux', {}, join(home, '.config', 'Auditdesk')],
    ['linux with XDG_CONFIG_HOME', { XDG_CONFIG_HOME: '/xdg' }, join('/xdg', 'Auditdesk')],
    ['freebsd', {}, join(home, '.config', 'Auditdesk')],
    ['darwin', {}, join(home, 'Library', 'Application Support', 'Auditdesk')],
    ['win32', { APPDATA: 'C:\\Users\\alice\\AppData\\Roaming' }, join('C:\\Users\\alice\\AppData\\Roaming', 'Auditdesk')],
    ['win32 without APPDATA', {}, join(home, 'AppData', 'Roaming', 'Auditdesk')],
  ] as const)('defaults per platform: %s', (name, env, expected) => {
    const platform = name.split(' ')[0] as NodeJS.Platform;
    expect(resolveDataDir({ env, platform, home })).toBe(expected);
  });

  it('does not read XDG_CONFIG_HOME on macOS or APPDATA on Linux', () => {
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'darwin', home })).toBe(join(home, 'Library', 'Application Support', 'Auditdesk'));
    expect(resolveDataDir({ env: { APPDATA: '/appdata' }, platform: 'linux', home })).toBe(join(home, '.config', 'Auditdesk'));
  });
});
