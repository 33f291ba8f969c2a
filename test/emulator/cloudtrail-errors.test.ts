import {
  CloudTrailClient,
  InvalidLookupAttributesException,
  InvalidMaxResultsException,
  InvalidNextTokenException,
  InvalidTimeRangeException,
  InvalidEventCategoryException,
  LookupEventsCommand,
  ThrottlingException,
} from '@aws-sdk/client-cloudtrail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudTrailService } from '../../src/emulator/services/cloudtrail/cloudtrail-service';
import { credentialsFor, startCtHarness, testCaller, type CtHarness } from './helpers/ct-harness';
import { CT_NOW, ctWorld } from './helpers/ct-world';

const world = ctWorld();
const account = world.accounts[1]!.id;
let open: CtHarness;
let limited: CtHarness;

function client(h: CtHarness, accountId = account, region = 'us-east-1'): CloudTrailClient {
  return new CloudTrailClient({ region, endpoint: h.endpoint, credentials: credentialsFor(testCaller(accountId)), maxAttempts: 1 });
}

/** A raw awsJson call, for what the SDK cannot send (unknown operations, malformed bodies). */
async function raw(h: CtHarness, target: string | undefined, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = {
    'content-type': 'application/x-amz-json-1.1',
    authorization: `AWS4-HMAC-SHA256 Credential=${testCaller(account).accessKeyId}/20260301/us-east-1/cloudtrail/aws4_request, SignedHeaders=host, Signature=00`,
  };
  if (target) headers['x-amz-target'] = target;
  const res = await fetch(`${h.endpoint}/`, { method: 'POST', headers, body });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  const callers = world.accounts.map((a) => testCaller(a.id));
  open = await startCtHarness({ modules: [createCloudTrailService({ world, clock: () => CT_NOW, lookupEventsTps: Infinity })], callers, clock: () => CT_NOW });
  limited = await startCtHarness({ modules: [createCloudTrailService({ world, clock: () => CT_NOW })], callers, clock: () => CT_NOW });
});
afterAll(async () => {
  await open.close();
  await limited.close();
});

describe('LookupEvents validation, as typed SDK exceptions', () => {
  it('rejects two lookup attributes', async () => {
    const call = client(open).send(
      new LookupEventsCommand({
        LookupAttributes: [
          { AttributeKey: 'EventName', AttributeValue: 'AssumeRole' },
          { AttributeKey: 'ReadOnly', AttributeValue: 'true' },
        ],
      }),
    );
    await expect(call).rejects.toBeInstanceOf(InvalidLookupAttributesException);
  });

  it('rejects an unknown attribute key and an empty value', async () => {
    await expect(client(open).send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Bogus' as 'EventName', AttributeValue: 'x' }] }))).rejects.toBeInstanceOf(
      InvalidLookupAttributesException,
    );
    await expect(client(open).send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: '' }] }))).rejects.toBeInstanceOf(
      InvalidLookupAttributesException,
    );
  });

  it('rejects MaxResults 51 and 0, accepts 50', async () => {
    await expect(client(open).send(new LookupEventsCommand({ MaxResults: 51 }))).rejects.toBeInstanceOf(InvalidMaxResultsException);
    await expect(client(open).send(new LookupEventsCommand({ MaxResults: 0 }))).rejects.toBeInstanceOf(InvalidMaxResultsException);
    const ok = await client(open).send(new LookupEventsCommand({ MaxResults: 50 }));
    expect(ok.Events!.length).toBeLessThanOrEqual(50);
  });

  it('rejects StartTime after EndTime', async () => {
    const call = client(open).send(new LookupEventsCommand({ StartTime: new Date('2026-02-20T00:00:00Z'), EndTime: new Date('2026-02-10T00:00:00Z') }));
    await expect(call).rejects.toBeInstanceOf(InvalidTimeRangeException);
  });

  it('rejects an unknown EventCategory; insight is valid and empty', async () => {
    await expect(client(open).send(new LookupEventsCommand({ EventCategory: 'management' as 'insight' }))).rejects.toBeInstanceOf(InvalidEventCategoryException);
    const insights = await client(open).send(new LookupEventsCommand({ EventCategory: 'insight' }));
    expect(insights.Events).toEqual([]);
  });

  it('rejects a NextToken reused with other parameters, or from another account or Region, or edited', async () => {
    const first = await client(open).send(new LookupEventsCommand({ MaxResults: 2 }));
    expect(first.NextToken).toBeTruthy();
    const token = first.NextToken!;
    const again = await client(open).send(new LookupEventsCommand({ MaxResults: 2, NextToken: token }));
    expect(again.Events!.map((e) => e.EventId)).not.toEqual(first.Events!.map((e) => e.EventId));

    const reuses = [
      () => client(open).send(new LookupEventsCommand({ MaxResults: 2, NextToken: token, LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'true' }] })),
      () => client(open).send(new LookupEventsCommand({ MaxResults: 2, NextToken: token, EndTime: CT_NOW })),
      () => client(open, world.accounts[2]!.id).send(new LookupEventsCommand({ MaxResults: 2, NextToken: token })),
      () => client(open, account, 'eu-west-1').send(new LookupEventsCommand({ MaxResults: 2, NextToken: token })),
      () => client(open).send(new LookupEventsCommand({ NextToken: Buffer.from('0-9.00000000.00000000').toString('base64') })),
      () => client(open).send(new LookupEventsCommand({ NextToken: 'not-a-token' })),
    ];
    for (const call of reuses) await expect(call()).rejects.toBeInstanceOf(InvalidNextTokenException);
  });
});

describe('LookupEvents rate limit (2 per second per account per Region)', () => {
  it('throttles the third immediate call, independently per Region and per account', async () => {
    const c = client(limited, world.accounts[3]!.id, 'eu-central-1');
    // Sent together, so they arrive within milliseconds whatever the machine's load.
    const burst = await Promise.allSettled([1, 2, 3].map(() => c.send(new LookupEventsCommand({ MaxResults: 1 }))));
    expect(burst.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const [refused] = burst.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused!.reason).toBeInstanceOf(ThrottlingException);
    expect(refused!.reason).toMatchObject({ $metadata: { httpStatusCode: 400 } });

    // Another Region of the same account, and another account in the same Region, have their own budget.
    const otherRegion = client(limited, world.accounts[3]!.id, 'eu-west-1');
    const otherAccount = client(limited, world.accounts[4]!.id, 'eu-central-1');
    const others = await Promise.allSettled(
      [otherRegion, otherRegion, otherAccount, otherAccount].map((other) => other.send(new LookupEventsCommand({ MaxResults: 1 }))),
    );
    expect(others.every((r) => r.status === 'fulfilled')).toBe(true);
  });
});

describe('the awsJson front door', () => {
  it('answers an unknown operation with UnknownOperationException', async () => {
    const res = await raw(open, 'CloudTrail_20131101.DoSomethingElse', '{}');
    expect(res.status).toBe(400);
    expect(res.json.__type).toBe('UnknownOperationException');
  });

  it('accepts the long X-Amz-Target form', async () => {
    const res = await raw(open, 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents', '{"MaxResults":1}');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.json.Events)).toBe(true);
  });

  it('answers a wrongly typed member with SerializationException', async () => {
    const res = await raw(open, 'CloudTrail_20131101.LookupEvents', '{"MaxResults":"ten"}');
    expect(res.status).toBe(400);
    expect(res.json.__type).toBe('SerializationException');
    const bad = await raw(open, 'CloudTrail_20131101.LookupEvents', '{not json');
    expect(bad.json.__type).toBe('SerializationException');
  });
});
