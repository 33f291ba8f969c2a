import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSessions, startTestAws, type TestAws, type TestSessions } from './aws-test-env';

describe('malformed profiles: a coded error with the profile list\'s message', () => {
  let aws: TestAws;
  let t: TestSessions;
  beforeAll(async () => {
    aws = await startTestAws();
    t = createTestSessions(aws);
  });
  afterAll(async () => {
    await t.close();
    await aws.stop();
  });

  const cases = [
    { profile: 'cycle-a', code: 'sessions:profile-config', message: 'Profile "cycle-a": source_profile cycle: cycle-a → cycle-b → cycle-a.' },
    { profile: 'missing-region', code: 'sessions:profile-config', message: 'Profile "missing-region": sso-session "no-region" has no sso_region.' },
    {
      profile: 'ghost-session',
      code: 'sessions:profile-config',
      message: 'Profile "ghost-session": Refers to sso-session "does-not-exist", which is not defined in the config file.',
    },
  ];

  for (const c of cases) {
    it(`${c.profile}: sign-in, identity and preflight refuse it; the listing shows the same problem`, async () => {
      await expect(t.sessions.signIn({ profile: c.profile })).rejects.toMatchObject({ code: c.code, message: c.message });
      await expect(t.sessions.identity(c.profile)).rejects.toMatchObject({ code: c.code, message: c.message });
      await expect(t.sessions.preflight(c.profile)).rejects.toMatchObject({ code: c.code });
      const listed = (await t.sessions.list()).profiles.find((p) => p.profile === c.profile);
      expect(listed).toMatchObject({ status: 'error', message: c.message.replace(`Profile "${c.profile}": `, '') });
      expect(t.opened).toEqual([]);
    });
  }

  it('an unknown sso-session or profile, and a profile with nothing to sign in to', async () => {
    await expect(t.sessions.signIn({ ssoSession: 'nope' })).rejects.toMatchObject({ code: 'sessions:unknown-session' });
    await expect(t.sessions.signIn({ ssoSession: 'no-region' })).rejects.toMatchObject({
      code: 'sessions:profile-config',
      message: 'sso-session "no-region" has no sso_region.',
    });
    await expect(t.sessions.signIn({ profile: 'nobody' })).rejects.toMatchObject({ code: 'sessions:unknown-profile' });
    await expect(t.sessions.signIn({ profile: 'demo-audit-role' })).rejects.toMatchObject({ code: 'sessions:not-sso' });
  });
});
