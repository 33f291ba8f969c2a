import type { SsoAdminHooks } from '../../core/admin';
import { GRANT_DEVICE_CODE } from './oidc-service';
import type { SsoState } from './sso-state';

/** The admin API's view of SSO: approvals, expiry, and a browserless sign-in for tests and demos. */
export function createSsoAdminHooks(state: SsoState): SsoAdminHooks {
  return {
    expireAccessTokens: (target) => state.expireAccessTokens(target),
    decideDevice: (userCode, approve) => state.decideDevice(userCode, approve),
    pending: () => {
      const now = state.now();
      const clientName = (id: string): string => state.clients.get(id)?.clientName ?? 'unknown';
      return [
        ...[...state.devices.values()]
          .filter((d) => d.status === 'pending' && d.expiresAt > now)
          .map((d) => ({ kind: 'device' as const, userCode: d.userCode, clientName: clientName(d.clientId), expiresAt: d.expiresAt.toISOString() })),
        ...[...state.browserRequests.values()]
          .filter((r) => r.expiresAt > now)
          .map((r) => ({ kind: 'browser' as const, userCode: r.id, clientName: clientName(r.clientId), expiresAt: r.expiresAt.toISOString() })),
      ];
    },
    signIn: () => {
      const scopes = ['sso:account:access'];
      const client = state.registerClient({
        clientName: 'auditdesk-emulator-admin',
        scopes,
        grantTypes: [GRANT_DEVICE_CODE, 'refresh_token'],
        redirectUris: [],
      });
      const { access, refresh } = state.issueTokens(client.clientId, scopes);
      return {
        startUrl: state.world.sso.startUrl,
        region: state.world.sso.region,
        accessToken: access.token,
        expiresAt: access.expiresAt.toISOString(),
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        registrationExpiresAt: client.secretExpiresAt.toISOString(),
        ...(refresh ? { refreshToken: refresh.token } : {}),
      };
    },
  };
}
