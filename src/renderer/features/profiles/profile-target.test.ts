import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../../shared/ipc/channels/profiles';
import { filterProfiles } from './profile-filter';
import { kindInfo } from './profile-kind-labels';
import { describeTarget, parseRoleArn } from './profile-target';

const base: Pick<ProfileSummary, 'sources'> = { sources: ['config'] };

describe('parseRoleArn', () => {
  it.each([
    ['arn:aws:iam::333333333333:role/OrganizationAuditor', { account: '333333333333', role: 'OrganizationAuditor' }],
    ['arn:aws:iam::333333333333:role/service/Deployer', { account: '333333333333', role: 'Deployer' }],
    ['arn:aws-us-gov:iam::123456789012:role/Audit', { account: '123456789012', role: 'Audit' }],
    ['arn:aws:iam::12:role/Short', undefined],
    ['not an arn', undefined],
    [undefined, undefined],
  ])('%s', (arn, expected) => {
    expect(parseRoleArn(arn)).toEqual(expected);
  });
});

describe('describeTarget', () => {
  it('SSO: account, role and session', () => {
    const p: ProfileSummary = { ...base, name: 'd', kind: 'sso', ssoSession: 'corp', ssoAccountId: '111111111111', ssoRoleName: 'Audit' };
    expect(describeTarget(p)).toEqual({ account: '111111111111', role: 'Audit', via: 'SSO session “corp”' });
  });

  it('role: account and name from the ARN, source profile and MFA', () => {
    const p: ProfileSummary = { ...base, name: 'r', kind: 'role', roleArn: 'arn:aws:iam::333333333333:role/X', sourceProfile: 'default', mfaSerial: 'arn:mfa' };
    expect(describeTarget(p)).toMatchObject({ account: '333333333333', role: 'X', via: 'From profile “default” · MFA' });
  });

  it('role with an unparseable ARN still shows it', () => {
    const p: ProfileSummary = { ...base, name: 'r', kind: 'role', roleArn: 'garbage', credentialSource: 'Environment' };
    expect(describeTarget(p)).toMatchObject({ account: undefined, role: 'garbage', via: 'From Environment' });
  });

  it('never invents an account for keys', () => {
    expect(describeTarget({ ...base, name: 'k', kind: 'static' })).toEqual({ via: 'Long-lived access keys' });
  });
});

describe('kind labels', () => {
  it('reads like the AWS docs', () => {
    expect(kindInfo('sso-legacy').label).toBe('SSO (legacy)');
    expect(kindInfo('login-session').label).toBe('Console sign-in');
  });
});

describe('filterProfiles', () => {
  const profiles: ProfileSummary[] = [
    { ...base, name: 'prod-audit', kind: 'role', region: 'eu-central-1', roleArn: 'arn:aws:iam::333333333333:role/OrganizationAuditor' },
    { ...base, name: 'static-keys', kind: 'static' },
  ];
  it('matches every word anywhere, case-insensitively', () => {
    expect(filterProfiles(profiles, 'AUDITOR eu-central').map((p) => p.name)).toEqual(['prod-audit']);
    expect(filterProfiles(profiles, 'static keys').map((p) => p.name)).toEqual(['static-keys']);
    expect(filterProfiles(profiles, '333333333333').map((p) => p.name)).toEqual(['prod-audit']);
    expect(filterProfiles(profiles, '  ')).toHaveLength(2);
    expect(filterProfiles(profiles, 'nothing-like-this')).toEqual([]);
  });
});
