import type { WorldEvents } from '../../seed/world-events';
import type { EmulatorWorld } from '../../world/world-types';
import { hoursWithEvents, logFileName, type LogFileRef } from '../cloudtrail/trail-log-files';
import { lazyNode, type KeyChild, type KeyNode } from './key-tree';
import type { TrailBucket } from './trail-buckets';

/**
 * The virtual key tree of a trail bucket:
 * `AWSLogs/[o-<id>/]<account>/CloudTrail/<region>/YYYY/MM/DD/<file>.json.gz`, with a folder only
 * where files exist (S3 has no empty folders for CloudTrail to leave behind).
 */
export function bucketTree(world: EmulatorWorld, events: WorldEvents, bucket: TrailBucket): KeyNode<LogFileRef> {
  const regionFolders = (accountId: string): KeyChild<LogFileRef>[] =>
    world.regions
      .map((region) => ({ region, hours: hoursWithEvents(events, accountId, region, bucket.beforeMs) }))
      .filter((r) => r.hours.length > 0)
      .map(({ region, hours }) => ({ name: `${region}/`, node: dateFolders(accountId, region, hours) }));

  const dateFolders = (accountId: string, region: string, hours: readonly number[]): KeyNode<LogFileRef> => {
    // year -> month -> day -> hours, from the sorted hour list.
    const tree = new Map<string, Map<string, Map<string, number[]>>>();
    for (const h of hours) {
      const iso = new Date(h).toISOString();
      const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
      let months = tree.get(y);
      if (!months) tree.set(y, (months = new Map()));
      let days = months.get(m);
      if (!days) months.set(m, (days = new Map()));
      const list = days.get(d);
      if (list) list.push(h);
      else days.set(d, [h]);
    }
    return lazyNode(() =>
      [...tree].map(([y, months]) => ({
        name: `${y}/`,
        node: lazyNode(() =>
          [...months].map(([m, days]) => ({
            name: `${m}/`,
            node: lazyNode(() =>
              [...days].map(([d, dayHours]) => ({
                name: `${d}/`,
                node: lazyNode(() =>
                  dayHours.map((hourStartMs) => {
                    const ref = { accountId, region, hourStartMs };
                    return { name: logFileName(world, bucket.layout, ref), value: ref };
                  }),
                ),
              })),
            ),
          })),
        ),
      })),
    );
  };

  const accountFolders = (): KeyChild<LogFileRef>[] =>
    bucket.accountIds
      .map((accountId) => ({ accountId, regions: regionFolders(accountId) }))
      .filter((a) => a.regions.length > 0)
      .map(({ accountId, regions }) => ({
        name: `${accountId}/`,
        node: lazyNode(() => [{ name: 'CloudTrail/', node: lazyNode(() => regions) }]),
      }));

  const awsLogs =
    bucket.layout === 'organization'
      ? lazyNode(() => [{ name: `${world.organizationId}/`, node: lazyNode(accountFolders) }])
      : lazyNode(accountFolders);
  return lazyNode(() => [{ name: 'AWSLogs/', node: awsLogs }]);
}
