import type { sessionsChannels } from '../../../shared/ipc/channels/sessions';
import type { DomainHandlers } from '../handler-types';

const spec = (input: { profile?: string; ssoSession?: string }) => ({
  ...(input.profile !== undefined ? { profile: input.profile } : {}),
  ...(input.ssoSession !== undefined ? { ssoSession: input.ssoSession } : {}),
});

export const sessionsHandlers: DomainHandlers<keyof typeof sessionsChannels> = {
  'sessions:list': (_input, { core }) => core.sessions.list(),
  'sessions:sign-in': (input, { core }) => core.sessions.signIn(spec(input), input.flow ? { flow: input.flow } : {}),
  'sessions:cancel-sign-in': async (input, { core }) => ({ cancelled: await core.sessions.cancelSignIn(spec(input)) }),
  'sessions:sign-out': (input, { core }) => core.sessions.signOut(spec(input)),
  'sessions:provide-mfa': ({ requestId, code }, { core }) => ({
    accepted: code !== undefined ? core.sessions.provideMfa(requestId, code) : core.sessions.cancelMfa(requestId),
  }),
  'sessions:discover': (input, { core }) => core.sessions.discover(spec(input)),
  'sessions:add-discovered': (input, { core }) => core.sessions.addDiscovered(input),
  'sessions:preflight': ({ profile, region }, { core }) => core.sessions.preflight(profile, region),
  'sessions:identity': ({ profile }, { core }) => core.sessions.identity(profile),
  'profiles:write-preview': ({ profile }, { core }) => core.sessions.writePreview(profile),
  'profiles:write': ({ profile }, { core }) => core.sessions.writeProfile(profile),
};
