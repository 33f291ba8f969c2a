import { awsJsonError, restJsonError, restXmlError } from '../../src/emulator/core/protocol-errors';
import type { ServiceFactory } from '../../src/emulator/core/start-runtime';
import type { EmulatorRequest } from '../../src/emulator/core/types';

/**
 * Minimal stand-ins for the three data services, one per protocol family, so the core's routing,
 * SigV4 checks and error families are tested with the real CloudTrail, Access Analyzer and S3
 * clients. They answer one or two operations each, and echo what the core saw.
 */
export interface SeenRequest {
  service: string;
  path: string;
  accountId?: string;
}

export function stubServices(seen: SeenRequest[]): ServiceFactory[] {
  const record = (req: EmulatorRequest): void => {
    seen.push({ service: req.service, path: req.path, ...(req.caller ? { accountId: req.caller.accountId } : {}) });
  };
  return [
    () => ({
      signingNames: ['cloudtrail'],
      operationOf: (req) => req.headers['x-amz-target']?.split('.').pop(),
      errorResponse: (err) => awsJsonError(err),
      handle: async (req) => {
        record(req);
        return { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ Events: [] }) };
      },
    }),
    () => ({
      signingNames: ['access-analyzer'],
      operationOf: (req) => (req.path.startsWith('/analyzer/') ? 'GetAnalyzer' : 'ListAnalyzers'),
      errorResponse: (err) => restJsonError(err),
      handle: async (req) => {
        record(req);
        return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ analyzers: [] }) };
      },
    }),
    () => ({
      signingNames: ['s3'],
      operationOf: (req) => (req.path === '/' ? 'ListBuckets' : 'GetObject'),
      errorResponse: (err) => restXmlError(err),
      handle: async (req) => {
        record(req);
        if (req.path !== '/') return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from('hello') };
        return {
          status: 200,
          headers: { 'content-type': 'application/xml' },
          body: '<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult><Buckets></Buckets><Owner><ID>x</ID></Owner></ListAllMyBucketsResult>',
        };
      },
    }),
  ];
}
