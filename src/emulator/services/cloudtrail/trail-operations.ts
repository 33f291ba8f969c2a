import { AwsError } from '../../core/types';
import type { JsonObject } from '../../seed/record-fields';
import type { EmulatorWorld } from '../../world/world-types';
import { epochSeconds, optionalBoolean, optionalList, optionalString } from './aws-json';
import { isShadowFor, trailsVisibleTo, type TrailDefinition } from './trails';

/** DescribeTrails, GetTrail, GetTrailStatus, GetEventSelectors and ListTrails over the world's trails. */
export interface TrailRequest {
  world: EmulatorWorld;
  accountId: string;
  region: string;
  now: Date;
  input: JsonObject;
}

const TRAIL_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/;
const TRAIL_ARN_RE = /^arn:aws[a-z-]*:cloudtrail:[a-z0-9-]+:\d{12}:trail\/[A-Za-z0-9._-]+$/;

export function describeTrails(req: TrailRequest): JsonObject {
  const names = optionalList(req.input, 'trailNameList') ?? [];
  const includeShadows = optionalBoolean(req.input, 'includeShadowTrails') ?? true;
  const candidates = trailsVisibleTo(req.world, req.accountId).filter((t) => {
    const shadow = isShadowFor(t, req.accountId, req.region);
    if (!shadow) return true;
    return includeShadows && (t.isMultiRegionTrail || t.isOrganizationTrail);
  });
  if (names.length === 0) return { trailList: candidates.map((t) => trailShape(t)) };
  const picked = new Set<TrailDefinition>();
  for (const entry of names) {
    if (typeof entry !== 'string') throw new AwsError('SerializationException', 'Unexpected value type for member trailNameList.');
    if (entry.startsWith('arn:')) {
      if (!TRAIL_ARN_RE.test(entry)) throw arnInvalid(entry);
      candidates.filter((t) => t.arn === entry).forEach((t) => picked.add(t));
    } else {
      checkName(entry);
      // Names only match the caller's own trails of this Region (ARNs reach the others).
      candidates.filter((t) => t.name === entry && !isShadowFor(t, req.accountId, req.region)).forEach((t) => picked.add(t));
    }
  }
  return { trailList: candidates.filter((t) => picked.has(t)).map((t) => trailShape(t)) };
}

export function getTrail(req: TrailRequest): JsonObject {
  return { Trail: trailShape(resolveTrail(req, 'Name')) };
}

export function listTrails(req: TrailRequest): JsonObject {
  return {
    Trails: trailsVisibleTo(req.world, req.accountId).map((t) => ({ TrailARN: t.arn, Name: t.name, HomeRegion: t.homeRegion })),
  };
}

export function getEventSelectors(req: TrailRequest): JsonObject {
  const trail = resolveTrail(req, 'TrailName');
  return {
    TrailARN: trail.arn,
    EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
  };
}

export function getTrailStatus(req: TrailRequest): JsonObject {
  const trail = resolveTrail(req, 'Name');
  const now = req.now.getTime();
  const iso = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;
  const started = trail.startLoggingMs;
  if (trail.stopLoggingMs !== undefined) {
    const lastDelivery = trail.stopLoggingMs - 4 * 60_000;
    return {
      IsLogging: false,
      LatestDeliveryTime: epochSeconds(lastDelivery),
      StartLoggingTime: epochSeconds(started),
      StopLoggingTime: epochSeconds(trail.stopLoggingMs),
      ...(trail.logFileValidationEnabled ? { LatestDigestDeliveryTime: epochSeconds(floorTo(trail.stopLoggingMs, 3_600_000)) } : {}),
      LatestDeliveryAttemptTime: iso(lastDelivery),
      LatestDeliveryAttemptSucceeded: iso(lastDelivery),
      LatestNotificationAttemptTime: '',
      LatestNotificationAttemptSucceeded: '',
      TimeLoggingStarted: iso(started),
      TimeLoggingStopped: iso(trail.stopLoggingMs),
    };
  }
  // CloudTrail delivers about every five minutes and digests hourly.
  const lastDelivery = floorTo(now, 300_000) - 60_000;
  return {
    IsLogging: true,
    LatestDeliveryTime: epochSeconds(lastDelivery),
    StartLoggingTime: epochSeconds(started),
    ...(trail.logFileValidationEnabled ? { LatestDigestDeliveryTime: epochSeconds(floorTo(now - 120_000, 3_600_000) + 120_000) } : {}),
    LatestDeliveryAttemptTime: iso(lastDelivery),
    LatestDeliveryAttemptSucceeded: iso(lastDelivery),
    LatestNotificationAttemptTime: '',
    LatestNotificationAttemptSucceeded: '',
    TimeLoggingStarted: iso(started),
    TimeLoggingStopped: '',
  };
}

function floorTo(ms: number, unit: number): number {
  return Math.floor(ms / unit) * unit;
}

function trailShape(t: TrailDefinition): JsonObject {
  return {
    Name: t.name,
    S3BucketName: t.bucketName,
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: t.isMultiRegionTrail,
    HomeRegion: t.homeRegion,
    TrailARN: t.arn,
    LogFileValidationEnabled: t.logFileValidationEnabled,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    IsOrganizationTrail: t.isOrganizationTrail,
  };
}

/** A trail named by name (the caller's own, in this Region) or by ARN (any trail it can see). */
function resolveTrail(req: TrailRequest, member: string): TrailDefinition {
  const name = optionalString(req.input, member);
  if (name === undefined || name === '') {
    throw new AwsError('InvalidTrailNameException', `Trail name cannot be empty.`);
  }
  const visible = trailsVisibleTo(req.world, req.accountId);
  let found: TrailDefinition | undefined;
  if (name.startsWith('arn:')) {
    if (!TRAIL_ARN_RE.test(name)) throw arnInvalid(name);
    found = visible.find((t) => t.arn === name);
  } else {
    checkName(name);
    found = visible.find((t) => t.name === name && !isShadowFor(t, req.accountId, req.region));
  }
  if (!found) throw new AwsError('TrailNotFoundException', `Unknown trail: ${name} for the user: ${req.accountId}`);
  return found;
}

function checkName(name: string): void {
  if (!TRAIL_NAME_RE.test(name) || /[._-]{2}/.test(name)) {
    throw new AwsError(
      'InvalidTrailNameException',
      'Trail name must starts with a letter or number, end with a letter or number, and contain only letters, numbers, periods, underscores, or dashes.',
    );
  }
}

function arnInvalid(arn: string): AwsError {
  return new AwsError(
    'CloudTrailARNInvalidException',
    `Invalid trail ARN: ${arn}. The format of a trail ARN is arn:aws:cloudtrail:us-east-2:123456789012:trail/MyTrail.`,
  );
}
