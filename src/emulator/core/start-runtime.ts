import { deriveString, UPPER_ALNUM } from './prng';
import { createWorld } from '../world/create-world';
import { KEYS_USER_NAME } from '../world/iam-roles';
import type { EmulatorWorld } from '../world/world-types';
import { createStsService } from '../services/sts/sts-service';
import { createSsoOidcService } from '../services/sso/oidc-service';
import { createSsoPortalService } from '../services/sso/portal-service';
import { createSsoAdminHooks } from '../services/sso/sso-admin';
import { SsoState } from '../services/sso/sso-state';
import { createSsoPages } from '../services/sso/verification-pages';
import { adminHttpHandler, createAdmin, type EmulatorAdmin } from './admin';
import { writeAwsConfigFiles, type EmulatorProfile } from './aws-config-files';
import { FaultController, type FaultSettings } from './faults';
import { IdentityRegistry, type IssuedCredentials } from './identity';
import { startCoreServer } from './server';
import type { ServiceModule } from './types';

/**
 * Assembles a running emulator: world, identities, faults, the identity services (STS, SSO)
 * and whatever data services are passed in. `src/emulator/index.ts` passes CloudTrail, S3 and
 * Access Analyzer; tests can pass stubs, so the core is testable on its own.
 */
export interface EmulatorOptions {
  /** 0 (default) = any free port. */
  port?: number;
  /** Default 'auditdesk-demo'. */
  seed?: string;
  /** Synthetic events per account on top of the seed records (benchmarks). Default 0. */
  eventsPerAccount?: number;
  clock?: () => Date;
  /** Where the AWS config and credentials files are written. */
  stateDir: string;
  /** Approve every sign-in at once: the first device-code poll succeeds, /authorize redirects straight away. */
  autoApproveSignIn?: boolean;
  faults?: Partial<FaultSettings>;
  /** Lifetime of SSO access tokens; default 8 hours, as IAM Identity Center's default session. */
  ssoTokenTtlSeconds?: number;
  /** Unexpected internal failures (never secrets). Default: silent. */
  onError?: (message: string) => void;
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  port: number;
  world: EmulatorWorld;
  configFile: string;
  credentialsFile?: string;
  profiles: EmulatorProfile[];
  admin: EmulatorAdmin;
  close(): Promise<void>;
}

export type ServiceFactory = (deps: { world: EmulatorWorld; clock: () => Date }) => ServiceModule;

const DEFAULT_SEED = 'auditdesk-demo';
const DEFAULT_SSO_TOKEN_TTL_SECONDS = 8 * 3600;

export async function startRuntime(opts: EmulatorOptions, dataServices: readonly ServiceFactory[]): Promise<RunningEmulator> {
  const clock = opts.clock ?? (() => new Date());
  const seed = opts.seed ?? DEFAULT_SEED;
  const world = createWorld({ seed, eventsPerAccount: opts.eventsPerAccount ?? 0, now: clock() });
  const identities = new IdentityRegistry(seed);
  const faults = new FaultController(seed, opts.faults);

  const staticKeys = new Map<string, IssuedCredentials>();
  for (const account of world.accounts) {
    const userId = `AIDA${deriveString(seed, `user-id:${account.id}`, UPPER_ALNUM, 17)}`;
    staticKeys.set(
      account.id,
      identities.issueStaticKey({ accountId: account.id, arn: `arn:aws:iam::${account.id}:user/${KEYS_USER_NAME}`, userId }, `user:${account.id}`),
    );
  }

  let endpoint = '';
  const sso = new SsoState({
    world,
    clock,
    endpoint: () => endpoint,
    autoApprove: opts.autoApproveSignIn ?? false,
    accessTokenTtlSeconds: opts.ssoTokenTtlSeconds ?? DEFAULT_SSO_TOKEN_TTL_SECONDS,
  });
  const modules: ServiceModule[] = [
    createStsService({ world, identities }),
    createSsoPortalService({ state: sso, identities }),
    createSsoOidcService(sso),
    createSsoPages(sso),
    ...dataServices.map((factory) => factory({ world, clock })),
  ];
  const admin = createAdmin({ world, faults, identities, sso: createSsoAdminHooks(sso) });
  const server = await startCoreServer(
    {
      modules,
      identities,
      faults,
      clock,
      defaultRegion: world.sso.region,
      admin: adminHttpHandler(admin),
      ...(opts.onError ? { onError: opts.onError } : {}),
    },
    opts.port ?? 0,
  );
  endpoint = `http://127.0.0.1:${server.port}`;
  try {
    const written = await writeAwsConfigFiles({ stateDir: opts.stateDir, endpoint, world, staticKeys });
    return {
      endpoint,
      port: server.port,
      world,
      configFile: written.configFile,
      credentialsFile: written.credentialsFile,
      profiles: written.profiles,
      admin,
      close: () => server.close(),
    };
  } catch (err) {
    await server.close();
    throw err;
  }
}
