import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/main/core/redact';

// AWS's own documentation examples, so no real secret lives in the repository.
const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const TEMP_KEY_ID = 'ASIAY34FZKBOKMUTVV7A';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN =
  'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDvkbuLGuIpVn2w1X3o0z4x9bBR8KFTaMpxyCJy4DSTrAIgPWdJ1Y2oXiW8EvZtQX4Iu8uZQ6JHEuyvYkKQyz2Xbrcq9gIIo///////////ARAAGgw0NTg5NTA5Mzg3OTIiDJBtnlVEWDUq2+7a3yrKAi1HbYcnI2cQl2JtQ0F0kHLv2VlgQ8Rj7oC1k6VEwNzG8Zq5dJlXjYTQ7mG4hK2cTQvSx8Gn0cBDpPqL3w==';
const SSO_ACCESS_TOKEN = `aoaAAAAAGV${'a1B2c3D4e5F6g7H8'.repeat(20)}`;

describe('redactSecrets removes', () => {
  it.each([
    ['an access key id (keeps the prefix only)', `Key ${ACCESS_KEY_ID} is disabled`, ACCESS_KEY_ID],
    ['a temporary access key id', `The key ${TEMP_KEY_ID} expired`, TEMP_KEY_ID],
    ['a 40-character secret access key', `secret ${SECRET} leaked`, SECRET],
    ['a secret at the very start and end', SECRET, SECRET],
    ['a long session token', `token=${SESSION_TOKEN}`, SESSION_TOKEN],
    ['a session token alone', SESSION_TOKEN, SESSION_TOKEN],
    ['a session token ending a sentence', `The token ${SESSION_TOKEN}. Sign in again.`, SESSION_TOKEN],
    ['a session token between dashes', `token-${SESSION_TOKEN}-end`, SESSION_TOKEN],
    ['a web identity token (JWT, base64url)', `eyJhbGciOiJSUzI1NiJ9.${'eyJzdWIiOiJhbGljZSJ9'.repeat(6)}.${'c2lnbmF0dXJl_-'.repeat(8)}`, 'eyJzdWIiOiJhbGljZSJ9eyJzdWIi'],
    ['an SSO access token', `Bearer ${SSO_ACCESS_TOKEN}`, SSO_ACCESS_TOKEN],
    ['aws_secret_access_key = … (ini)', 'aws_secret_access_key = notTheUsualShape', 'notTheUsualShape'],
    ['aws_session_token=… (ini, no spaces)', 'aws_session_token=FwoGZXIvYXdzEBYaDshort', 'FwoGZXIvYXdzEBYaDshort'],
    ['"sessionToken":"…" (JSON)', '{"accessKeyId":"x","sessionToken":"FwoGZXIvYXdzshort"}', 'FwoGZXIvYXdzshort'],
    ['"SecretAccessKey": "…" (STS JSON, other case)', '{"SecretAccessKey": "shortSecretValue1"}', 'shortSecretValue1'],
    ["'accessToken': '…' (JS-ish)", "{'accessToken': 'tok-123'}", 'tok-123'],
    ['refresh_token: … (YAML-ish)', 'refresh_token: abcdef0123', 'abcdef0123'],
    ['client_secret=… (form body)', 'client_id=abc&client_secret=s3cr3t&grant_type=x', 's3cr3t'],
    ['an X-Amz-Security-Token query parameter (URL-encoded token)', 'https://bucket.s3.amazonaws.com/k?X-Amz-Security-Token=IQoJb3JpZ2luX2Vj%2F%2F%2FwEaCXVz&X-Amz-Signature=abc', 'IQoJb3JpZ2luX2Vj'],
  ])('%s', (_name, text, secret) => {
    const out = redactSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toMatch(/\[redacted\]|…/);
  });

  it('keeps the first eight characters of a key id so a person can still tell keys apart', () => {
    expect(redactSecrets(`key ${ACCESS_KEY_ID}`)).toBe('key AKIAIOSF…');
  });

  it('redacts every occurrence, not just the first', () => {
    const out = redactSecrets(`${SECRET} and again ${SECRET}`);
    expect(out).toBe('[redacted] and again [redacted]');
  });
});

describe('redactSecrets leaves ordinary audit text alone', () => {
  it.each([
    ['an account id', 'Account 123456789012 in us-east-1'],
    ['a role ARN', 'arn:aws:iam::123456789012:role/Audit'],
    ['an SSO role ARN with a path', 'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdministratorAccess_0123456789abcdef'],
    ['an assumed-role ARN', 'arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_ReadOnly_abcdef0123456789/alice@example.com'],
    ['an AccessDenied message', 'User: arn:aws:sts::123456789012:assumed-role/Audit/alice is not authorized to perform: cloudtrail:LookupEvents on resource: *'],
    ['a 40-letter event name', 'GetBucketIntelligentTieringConfiguration'],
    ['other event names', 'AssumeRoleWithWebIdentity, ConsoleLogin, PutBucketIntelligentTieringConfiguration, CreateServiceLinkedRole'],
    ['an event id (UUID)', '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'],
    ['a 40-hex thumbprint', 'Thumbprint 9e99a48a9960b14926bb7f3b02e22da2b0ab7280'],
    ['a CloudTrail log object key', 's3://audit-trail-logs/AWSLogs/o-abc123def4/123456789012/CloudTrail/eu-west-1/2024/05/01/123456789012_CloudTrail_eu-west-1_20240501T0005Z_AbCdEf0123456789.json.gz'],
    ['a region list', 'us-east-1, eu-west-1, ap-southeast-2'],
    ['an access analyzer ARN', 'arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/ConsoleAnalyzer-0123abcd-4567-89ef-0123-456789abcdef'],
    ['a sentence', 'The profile "audit-sso" needs a sign-in: the SSO session expired at 12:00.'],
    ['an empty string', ''],
  ])('%s', (_name, text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});
