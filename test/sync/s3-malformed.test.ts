import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { GetObjectCommand, type GetObjectCommandOutput, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createEventStore } from '../../src/main/store/event-store';
import { importS3 } from '../../src/main/services/trail-import-s3/s3-import';

const PREFIX = 'AWSLogs/111122223333/CloudTrail/eu-west-1/2026/03/01/';
const good = (id: string) =>
  gzipSync(JSON.stringify({ Records: [{ eventVersion: '1.08', eventID: id, eventTime: '2026-03-01T10:00:00Z', eventName: 'GetObject', eventSource: 's3.amazonaws.com', awsRegion: 'eu-west-1', recipientAccountId: '111122223333', userIdentity: { type: 'Root' } }] }));
const objects: Record<string, Buffer> = {
  [`${PREFIX}a.json.gz`]: good('e-1'),
  [`${PREFIX}b.json.gz`]: Buffer.from('this is not gzip'),
  [`${PREFIX}c.json.gz`]: good('e-2'),
  [`${PREFIX}d.json.gz`]: gzipSync('{"Records": [ {"eventID": "broken"'),
};

describe('S3 import of malformed objects', () => {
  it('reports each with its key and a reason and imports the rest', async () => {
    const s3 = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIATEST', secretAccessKey: 'test' } });
    const mock = mockClient(s3);
    mock.on(ListObjectsV2Command).resolves({
      IsTruncated: false,
      Contents: Object.entries(objects).map(([Key, body]) => ({ Key, ETag: `"${Key.length}-${body.length}"`, Size: body.length, LastModified: new Date('2026-03-01T11:00:00Z') })),
    });
    for (const [Key, body] of Object.entries(objects)) {
      mock.on(GetObjectCommand, { Key }).callsFake(() => ({ ETag: `"${Key.length}-${body.length}"`, Body: Readable.from([body]) as unknown as GetObjectCommandOutput['Body'] }));
    }
    const store = await createEventStore({ path: ':memory:', threads: 1 });
    try {
      const result = await importS3({ store, s3, profile: 'test', bucket: 'trail-bucket', prefix: 'AWSLogs/' });
      expect(result.objects).toBe(4);
      expect(result.objectsImported).toBe(2);
      expect(result.imported).toBe(2);
      expect(result.failed.map((f) => f.key).sort()).toEqual([`${PREFIX}b.json.gz`, `${PREFIX}d.json.gz`]);
      for (const f of result.failed) expect(f.reason.length).toBeGreaterThan(5);
      // The bad ones are tried again next time; the good ones are skipped.
      const again = await importS3({ store, s3, profile: 'test', bucket: 'trail-bucket', prefix: 'AWSLogs/' });
      expect(again).toMatchObject({ objectsSkipped: 2, imported: 0 });
      expect(again.failed).toHaveLength(2);
    } finally {
      await store.close();
      mock.restore();
    }
  });
});
