import { awsJsonError } from '../../core/protocol-errors';
import { AwsError, type EmulatorRequest, type EmulatorResponse, type ServiceModule } from '../../core/types';
import type { JsonObject } from '../../seed/record-fields';
import { getWorldEvents } from '../../seed/world-events';
import type { EmulatorWorld } from '../../world/world-types';
import { jsonResponse, operationFromTarget, parseJsonBody } from './aws-json';
import { lookupEvents } from './lookup-events';
import { createLookupThrottle } from './lookup-throttle';
import { describeTrails, getEventSelectors, getTrail, getTrailStatus, listTrails, type TrailRequest } from './trail-operations';

export interface CloudTrailServiceDeps {
  world: EmulatorWorld;
  clock: () => Date;
  /** LookupEvents requests per second per account and Region (AWS: 2). Infinity disables the limit. */
  lookupEventsTps?: number;
}

/**
 * CloudTrail over awsJson1_1: LookupEvents on the world's events (each account sees its own, in
 * the request's Region), and the trail operations on the world's trails.
 */
export function createCloudTrailService(deps: CloudTrailServiceDeps): ServiceModule {
  const throttle = createLookupThrottle(deps.lookupEventsTps ?? 2);
  const trailOperations: Record<string, (req: TrailRequest) => JsonObject> = {
    DescribeTrails: describeTrails,
    GetTrail: getTrail,
    GetTrailStatus: getTrailStatus,
    GetEventSelectors: getEventSelectors,
    ListTrails: listTrails,
  };

  const dispatch = (req: EmulatorRequest): JsonObject => {
    const operation = operationFromTarget(req);
    const isKnown = operation !== undefined && (operation === 'LookupEvents' || Object.hasOwn(trailOperations, operation));
    if (!isKnown) throw new AwsError('UnknownOperationException', `Unknown operation ${req.headers['x-amz-target'] ?? ''}`.trim());
    const caller = req.caller;
    if (!caller) throw new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
    // The request's own time, so a core with a moving clock and this module agree on "now".
    const now = req.now ?? deps.clock();
    const input = parseJsonBody(req);
    if (operation === 'LookupEvents') {
      throttle.take(caller.accountId, req.region);
      return lookupEvents(getWorldEvents(deps.world), { accountId: caller.accountId, region: req.region, now, input });
    }
    return trailOperations[operation]!({ world: deps.world, accountId: caller.accountId, region: req.region, now, input });
  };

  return {
    signingNames: ['cloudtrail'],
    operationOf: operationFromTarget,
    async handle(req: EmulatorRequest): Promise<EmulatorResponse> {
      try {
        return jsonResponse(dispatch(req));
      } catch (err) {
        if (err instanceof AwsError) return awsJsonError(err);
        throw err;
      }
    },
    errorResponse: (err) => awsJsonError(err),
  };
}
