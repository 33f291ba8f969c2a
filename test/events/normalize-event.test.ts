import { describe, expect, it } from 'vitest';
import type { EventProvenance, NormalizedEvent } from '../../src/main/services/events/event-model';
import { formatMicrosIso, parseEventTime } from '../../src/main/services/events/event-time';
import { isValidIp } from '../../src/main/services/events/ip-address';
import { normalizeEvent, RecordShapeError } from '../../src/main/services/events/normalize-event';
import { loadRealRecords, type RealRecord } from './helpers/real-data';

const provenance: EventProvenance = { source: 'import', sourceRef: '/tmp/x.json', profile: null, retrievedAt: '2024-09-01T00:00:00Z' };
const records = loadRealRecords();

function real(predicate: (r: Record<string, unknown>) => boolean, what: string): RealRecord {
  const found = records.find((r) => predicate(r.record));
  if (!found) throw new Error(`No real record: ${what}`);
  return found;
}

const ui = (r: Record<string, unknown>) => (r.userIdentity ?? {}) as Record<string, unknown>;
const normalized = (r: RealRecord): NormalizedEvent => normalizeEvent(r.record, provenance);

describe('normalizeEvent over every real record', () => {
  it('never throws and always yields a key, an event id and a principal', () => {
    expect(records.length).toBeGreaterThan(700);
    for (const r of records) {
      const e = normalizeEvent(r.record, provenance);
      expect(e.key, r.origin).not.toBe('');
      expect(e.eventId, r.origin).not.toBe('');
      expect(e.principal, r.origin).not.toBe('');
      expect(e.eventTime === null ? e.timeIssue : 'ok', r.origin).not.toBeNull();
      expect(Number.isNaN(Date.parse(e.eventTime ?? '2000-01-01T00:00:00Z')), r.origin).toBe(false);
    }
  });

  it('keeps the record text as given and the provenance', () => {
    const text = JSON.stringify(records[0]?.record);
    const e = normalizeEvent(text, { source: 'lookup-events', sourceRef: 'audit/us-east-1', profile: 'audit', retrievedAt: '2024-09-01T00:00:00Z' });
    expect(e.raw).toBe(text);
    expect(e).toMatchObject({ source: 'lookup-events', sourceRef: 'audit/us-east-1', profile: 'audit', retrievedAt: '2024-09-01T00:00:00Z' });
  });

  it('refuses text that is not a JSON object', () => {
    expect(() => normalizeEvent('{"eventName": ', provenance)).toThrow(RecordShapeError);
    expect(() => normalizeEvent('[1, 2]', provenance)).toThrow(RecordShapeError);
  });
});

describe('principal per identity type, on real records', () => {
  it('IAMUser (stratus): user/<name>', () => {
    const e = normalized(real((r) => r.eventID === 'ee73c230-44bc-4492-8542-cfb189eae287', 'stratus DeleteTrail'));
    expect(e).toMatchObject({ principalType: 'IAMUser', principal: 'user/christophe', principalName: 'christophe', principalArn: 'arn:aws:iam::847129010505:user/christophe' });
    expect(e).toMatchObject({ account: '847129010505', accessKeyId: 'AKIAFBJ48BV9CGRBRKGM', eventName: 'DeleteTrail', eventSource: 'cloudtrail.amazonaws.com', readOnly: false });
  });

  it('AssumedRole (stratus): role/<role>/<session> from the assumed-role ARN and the issuer', () => {
    const e = normalized(real((r) => r.eventID === '450230d4-b39e-4a18-a6a0-d07a6e2105cb', 'stratus GetPasswordData'));
    expect(e).toMatchObject({
      principalType: 'AssumedRole',
      principal: 'role/stratus-red-team-ec2-get-password-data-role/aws-go-sdk-1722375070115152000',
      principalName: 'stratus-red-team-ec2-get-password-data-role',
      sessionName: 'aws-go-sdk-1722375070115152000',
    });
  });

  it('AssumedRole without a session in its ARN (panther): role/<role>', () => {
    const e = normalized(real((r) => ui(r).arn === 'arn:aws:sts::123456789012:assumed-role/tester', 'panther assumed-role/tester'));
    expect(e).toMatchObject({ principalType: 'AssumedRole', principal: 'role/tester', principalName: 'tester', sessionName: null });
  });

  it('Root (panther): root', () => {
    const e = normalized(real((r) => ui(r).type === 'Root' && ui(r).arn === 'arn:aws:iam::123456789012:root', 'panther Root'));
    expect(e).toMatchObject({ principalType: 'Root', principal: 'root', principalArn: 'arn:aws:iam::123456789012:root', accessKeyId: null });
  });

  it('FederatedUser (panther): federated-user/<name>', () => {
    const e = normalized(real((r) => ui(r).type === 'FederatedUser', 'panther FederatedUser'));
    expect(e).toMatchObject({ principalType: 'FederatedUser', principal: 'federated-user/federated-user' });
  });

  it('AWSService (panther): the invoking service', () => {
    const e = normalized(real((r) => ui(r).type === 'AWSService', 'panther AWSService'));
    expect(e).toMatchObject({ principalType: 'AWSService', principal: 'lambda.amazonaws.com', invokedBy: 'lambda.amazonaws.com' });
  });

  it('AWSAccount (panther): account/<id>', () => {
    const e = normalized(real((r) => ui(r).type === 'AWSAccount' && ui(r).accountId === '111122223333', 'panther AWSAccount'));
    expect(e).toMatchObject({ principalType: 'AWSAccount', principal: 'account/111122223333' });
  });

  it('SAMLUser and WebIdentityUser (IAM user guide)', () => {
    expect(normalized(real((r) => ui(r).type === 'SAMLUser', 'SAMLUser'))).toMatchObject({ principalType: 'SAMLUser', principal: 'saml-user/SamlExample', principalName: 'SamlExample' });
    expect(normalized(real((r) => ui(r).type === 'WebIdentityUser', 'WebIdentityUser'))).toMatchObject({
      principalType: 'WebIdentityUser',
      principal: 'web-identity-user/<id of user>',
    });
  });

  it('Unknown type (panther) and a record without userIdentity', () => {
    expect(normalized(real((r) => ui(r).type === 'Unknown', 'Unknown'))).toMatchObject({ principalType: 'Unknown', principal: '<victim display name>' });
    const missing = normalized(real((r) => r.userIdentity === undefined && r.eventName === 'Authenticate', 'no userIdentity'));
    expect(missing).toMatchObject({ principalType: 'Unknown', principal: 'unknown', principalArn: null, account: null });
  });

  it('IdentityCenterUser, the 2023+ shape (constructed from the CloudTrail user guide: no such record in shared/data)', () => {
    const record = {
      eventVersion: '1.09',
      userIdentity: {
        type: 'IdentityCenterUser',
        accountId: '111122223333',
        onBehalfOf: { userId: '94482488-3041-7026-18f3-be45837cd0e4', identityStoreArn: 'arn:aws:identitystore::111122223333:identitystore/d-9067642ac7' },
        credentialId: 'EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE',
      },
      eventTime: '2023-12-12T17:28:10Z',
      eventSource: 'sso.amazonaws.com',
      eventName: 'ListApplicationAssignmentsForPrincipal',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.5',
      eventID: 'bd7e4aab-4d6b-4ad2-8b4c-example',
      recipientAccountId: '111122223333',
    };
    expect(normalizeEvent(record, provenance)).toMatchObject({
      principalType: 'IdentityCenterUser',
      principal: 'identity-center-user/94482488-3041-7026-18f3-be45837cd0e4',
      principalName: '94482488-3041-7026-18f3-be45837cd0e4',
      account: '111122223333',
    });
  });
});

describe('quirks of real data', () => {
  it('Panther times: no zone, nanoseconds, milliseconds, "redacted", missing', () => {
    expect(normalized(real((r) => r.eventTime === '2022-12-11 19:42:55', 'space time')).eventTime).toBe('2022-12-11T19:42:55Z');
    expect(normalized(real((r) => r.eventTime === '2025-01-21 17:49:47.000000000', 'nanoseconds')).eventTime).toBe('2025-01-21T17:49:47Z');
    const redacted = normalized(real((r) => r.eventTime === 'redacted', 'redacted time'));
    expect(redacted).toMatchObject({ eventTime: null, timeIssue: 'unparseable', awsRegion: 'redacted', eventId: 'redacted' });
    const missing = normalized(real((r) => !('eventTime' in r) && typeof r.eventName === 'string', 'missing time'));
    expect(missing).toMatchObject({ eventTime: null, timeIssue: 'missing' });
  });

  it('Panther lower-cased userIdentity keys and p_* fields', () => {
    const e = normalized(real((r) => ui(r).principalid === 'ARORJ4ULULLE0EEJAAKDO:alan', 'lower-case keys'));
    expect(e).toMatchObject({
      principalType: 'AssumedRole',
      principal: 'role/TestAdmin/alan',
      principalId: 'ARORJ4ULULLE0EEJAAKDO:alan',
      accessKeyId: 'ASIASWJRT64Z7ZLFLJNI',
      eventTime: '2021-01-24T04:55:45Z',
    });
    expect(e.raw).toContain('p_row_id');
  });

  it('readOnly written as the string "True"', () => {
    expect(normalized(real((r) => r.readOnly === 'True', 'readOnly True')).readOnly).toBe(true);
  });

  it('scrambled regions and invalid addresses are kept as given and flagged', () => {
    const e = normalized(real((r) => r.awsRegion === 'megov-westwest-1r', 'scrambled region'));
    expect(e).toMatchObject({ awsRegion: 'megov-westwest-1r', sourceIpAddress: '08.1.250.216', sourceIpValid: false });
    const service = normalized(real((r) => r.sourceIPAddress === 'signin.amazonaws.com', 'service as source address'));
    expect(service.sourceIpValid).toBe(false);
    expect(normalized(real((r) => r.sourceIPAddress === '203.0.113.50', 'plain IPv4')).sourceIpValid).toBe(true);
  });

  it('a record whose fields are all null, unknown fields, misspelt field names', () => {
    const allNull = normalized(real((r) => r.eventVersion === '1.1' && r.userIdentity === null, 'all-null record'));
    expect(allNull).toMatchObject({ eventName: null, eventTime: null, timeIssue: 'missing', principalType: 'Unknown', principal: 'unknown', eventIdGenerated: true, resources: [] });
    expect(allNull.key).toMatch(/^gen\|[0-9a-f]{32}$/);
    const misspelt = normalized(real((r) => 'eventNameWrong' in r, 'misspelt fields'));
    expect(misspelt).toMatchObject({ eventName: null, principalType: 'Unknown' });
    const unknownFields = normalized(real((r) => 'randomField2' in r, 'unknown fields'));
    expect(unknownFields.eventName).not.toBeNull();
  });

  it('resources from resources[] ARNs and requestParameters names', () => {
    const bucket = normalized(real((r) => Array.isArray(r.resources) && (r.requestParameters as Record<string, unknown> | null)?.bucketName === 'sample-cloudtrail-bucket-name', 'bucket resource'));
    expect(bucket.resources).toEqual(expect.arrayContaining(['arn:aws:s3:::sample-cloudtrail-bucket-name', 'sample-cloudtrail-bucket-name']));
    const role = normalized(real((r) => (r.requestParameters as Record<string, unknown> | null)?.roleName === 'stratus-red-team-backdoor-r-role', 'roleName'));
    expect(role.resources).toEqual(['stratus-red-team-backdoor-r-role']);
  });

  it('the same record gives the same key whatever its whitespace', () => {
    const r = records.find((x) => typeof x.record.eventID === 'string') as RealRecord;
    expect(normalizeEvent(JSON.stringify(r.record, null, 2), provenance).key).toBe(normalizeEvent(JSON.stringify(r.record), provenance).key);
  });
});

describe('Insights events', () => {
  it('take the API they are about from insightDetails (constructed from the CloudTrail user guide: no Insights record in shared/data)', () => {
    const insight = {
      eventVersion: '1.08',
      eventTime: '2020-10-12T12:07:00Z',
      awsRegion: 'us-east-1',
      eventID: 'EXAMPLE8-8e2b-4b4a-8d35-1a8fEXAMPLE',
      eventType: 'AwsCloudTrailInsight',
      recipientAccountId: '123456789012',
      sharedEventID: 'EXAMPLE2-1729-42f1-b735-5d8fEXAMPLE',
      insightDetails: { state: 'Start', eventSource: 'ssm.amazonaws.com', eventName: 'UpdateInstanceAssociationStatus', insightType: 'ApiCallRateInsight' },
      eventCategory: 'Insight',
    };
    expect(normalizeEvent(insight, provenance)).toMatchObject({
      eventCategory: 'Insight',
      eventName: 'UpdateInstanceAssociationStatus',
      eventSource: 'ssm.amazonaws.com',
      insightType: 'ApiCallRateInsight',
      insightState: 'Start',
      sharedEventId: 'EXAMPLE2-1729-42f1-b735-5d8fEXAMPLE',
      principalType: 'Unknown',
    });
  });
});

describe('event time and IP helpers', () => {
  it.each([
    ['2024-08-01T13:29:57Z', '2024-08-01T13:29:57Z'],
    ['2024-08-01T13:29:57.120Z', '2024-08-01T13:29:57.12Z'],
    ['2024-08-01 13:29:57.123456789', '2024-08-01T13:29:57.123456Z'],
    ['2024-08-01T15:29:57+02:00', '2024-08-01T13:29:57Z'],
    ['2024-08-01T08:59:57-0430', '2024-08-01T13:29:57Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00Z'],
  ])('%s → %s', (input, iso) => {
    expect(parseEventTime(input).iso).toBe(iso);
  });

  it.each(['2024-02-30T00:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01T23:59:60Z', '2024-13-01T00:00:00Z', '1/2/2024', '...'])('refuses %s', (input) => {
    expect(parseEventTime(input)).toEqual({ micros: null, iso: null, issue: 'unparseable' });
  });

  it('formats microseconds before 1970', () => {
    expect(formatMicrosIso(-1n)).toBe('1969-12-31T23:59:59.999999Z');
  });

  it.each([
    ['10.0.0.1', true],
    ['255.255.255.255', true],
    ['256.1.1.1', false],
    ['253.252.51.07', false],
    ['2001:db8::1', true],
    ['::ffff:192.0.2.1', true],
    ['fe80::1::2', false],
    ['AWS Internal', false],
  ])('isValidIp(%s) = %s', (ip, valid) => {
    expect(isValidIp(ip)).toBe(valid);
  });
});
