import {
  GetAnalyzerCommand,
  GetFindingRecommendationCommand,
  GetFindingV2Command,
  ListAnalyzersCommand,
  ListArchiveRulesCommand,
  ListFindingsV2Command,
  ResourceNotFoundException,
  ValidationException,
  type AccessAnalyzerClient,
  type ListFindingsV2CommandInput,
} from '@aws-sdk/client-accessanalyzer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAaHarness, type AaHarness } from './helpers/aa-harness';
import { analyzerArn } from './helpers/aa-reference';
import { AA_MANAGEMENT, aaTestWorld } from './helpers/aa-world';

const ORG = analyzerArn('us-east-1', AA_MANAGEMENT, 'ConsoleAnalyzer-organization');
let h: AaHarness;
let client: AccessAnalyzerClient;

beforeAll(async () => {
  h = await startAaHarness(aaTestWorld());
  client = h.client(AA_MANAGEMENT);
});
afterAll(async () => {
  await h.close();
});

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e,
  );
}

async function validation(p: Promise<unknown>): Promise<ValidationException> {
  const err = await failure(p);
  expect(err).toBeInstanceOf(ValidationException);
  return err as ValidationException;
}

describe('not found', () => {
  it('types an unknown analyzer ARN as ResourceNotFoundException (404) with its members', async () => {
    const arn = analyzerArn('us-east-1', AA_MANAGEMENT, 'NoSuchAnalyzer');
    const err = await failure(client.send(new ListFindingsV2Command({ analyzerArn: arn })));
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    const e = err as ResourceNotFoundException;
    expect(e.$metadata.httpStatusCode).toBe(404);
    expect(e.resourceId).toBe(arn);
    expect(e.resourceType).toBe('Analyzer');
    expect(e.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not serve an analyzer from another region than the one signed for', async () => {
    const err = await failure(h.client(AA_MANAGEMENT, 'eu-west-1').send(new ListFindingsV2Command({ analyzerArn: ORG })));
    expect(err).toBeInstanceOf(ResourceNotFoundException);
  });

  it('types unknown names and finding ids the same way', async () => {
    expect(await failure(client.send(new GetAnalyzerCommand({ analyzerName: 'nope' })))).toBeInstanceOf(ResourceNotFoundException);
    expect(await failure(client.send(new ListArchiveRulesCommand({ analyzerName: 'nope' })))).toBeInstanceOf(ResourceNotFoundException);
    const id = '00000000-0000-4000-8000-000000000000';
    const err = await failure(client.send(new GetFindingV2Command({ analyzerArn: ORG, id })));
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect((err as ResourceNotFoundException).resourceId).toBe(id);
  });
});

describe('validation', () => {
  it.each([0, 1001, -5])('refuses maxResults %i', async (maxResults) => {
    const e = await validation(client.send(new ListFindingsV2Command({ analyzerArn: ORG, maxResults })));
    expect(e.reason).toBe('fieldValidationFailed');
    expect(e.fieldList?.map((f) => f.name)).toEqual(['maxResults']);
    const q = await validation(client.send(new ListAnalyzersCommand({ maxResults })));
    expect(q.fieldList?.map((f) => f.name)).toEqual(['maxResults']);
  });

  it('refuses maxResults over the model bound of GetFindingRecommendation', async () => {
    const e = await validation(client.send(new GetFindingRecommendationCommand({ analyzerArn: ORG, id: 'x', maxResults: 1001 })));
    expect(e.fieldList?.[0]?.message).toContain('less than or equal to 1000');
  });

  it('refuses bad enum values with the allowed set', async () => {
    const e = await validation(client.send(new ListAnalyzersCommand({ type: 'PERSONAL' as 'ACCOUNT' })));
    expect(e.fieldList).toEqual([{ name: 'type', message: expect.stringContaining('ACCOUNT, ORGANIZATION, ACCOUNT_UNUSED_ACCESS') }]);
    const sort = await validation(client.send(new ListFindingsV2Command({ analyzerArn: ORG, sort: { attributeName: 'createdAt', orderBy: 'UP' as 'ASC' } })));
    expect(sort.fieldList?.map((f) => f.name)).toEqual(['sort.orderBy']);
    const filter = await validation(client.send(new ListFindingsV2Command({ analyzerArn: ORG, filter: { status: { eq: ['OPEN'] } } })));
    expect(filter.fieldList?.map((f) => f.name)).toEqual(['filter.status.eq']);
  });

  it('refuses unknown filter keys, empty criteria, value lists outside 1..20 and unknown sort attributes', async () => {
    const send = (input: Omit<ListFindingsV2CommandInput, 'analyzerArn'>): Promise<ValidationException> =>
      validation(client.send(new ListFindingsV2Command({ analyzerArn: ORG, ...input })));
    expect((await send({ filter: { colour: { eq: ['red'] } } })).fieldList?.[0]?.name).toBe('filter.colour');
    expect((await send({ filter: { status: {} } })).fieldList?.[0]?.name).toBe('filter.status');
    expect((await send({ filter: { resource: { contains: [] } } })).fieldList?.[0]?.name).toBe('filter.resource.contains');
    const many = Array.from({ length: 21 }, (_, i) => `v${i}`);
    expect((await send({ filter: { resource: { eq: many } } })).fieldList?.[0]?.name).toBe('filter.resource.eq');
    expect((await send({ sort: { attributeName: 'colour' } })).fieldList?.[0]?.name).toBe('sort.attributeName');
  });

  it('lists every missing required member at once', async () => {
    const e = await validation(client.send(new ListFindingsV2Command({} as ListFindingsV2CommandInput)));
    expect(e.fieldList?.map((f) => f.name)).toEqual(['analyzerArn']);
    expect(e.message).toMatch(/^1 validation error detected/);
  });

  it('checks ARN patterns', async () => {
    const e = await validation(client.send(new ListFindingsV2Command({ analyzerArn: 'not-an-arn' })));
    expect(e.fieldList?.map((f) => f.name)).toEqual(['analyzerArn']);
  });
});

describe('wire details', () => {
  it('writes restJson1 errors with x-amzn-errortype and a JSON body', async () => {
    const res = await h.raw('POST', '/findingv2', { body: JSON.stringify({ analyzerArn: ORG, maxResults: 5000 }) });
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('ValidationException');
    expect(JSON.parse(res.body)).toMatchObject({ reason: 'fieldValidationFailed', fieldList: [{ name: 'maxResults' }] });
  });

  it('writes iso8601 timestamps, as the model says', async () => {
    const res = await h.raw('GET', '/analyzer/ConsoleAnalyzer-organization');
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { analyzer: { createdAt: unknown } };
    expect(body.analyzer.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await h.raw('POST', '/findingv2', { body: '{"analyzerArn":' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ reason: 'cannotParse' });
  });

  it('names unknown and not emulated operations', async () => {
    const unknown = await h.raw('GET', '/no/such/path');
    expect(JSON.parse(unknown.body)).toMatchObject({ reason: 'unknownOperation' });
    expect(h.service.operationOf({ method: 'PUT', path: '/analyzer', query: new URLSearchParams(), headers: {}, body: Buffer.alloc(0), service: 'access-analyzer', region: 'us-east-1', now: new Date() })).toBe('CreateAnalyzer');
    const notEmulated = await h.raw('PUT', '/analyzer', { body: '{}' });
    expect(JSON.parse(notEmulated.body).message).toContain('CreateAnalyzer');
  });

  it('tells statistics apart from an analyzer named "findings"', () => {
    const req = { query: new URLSearchParams(), headers: {}, body: Buffer.alloc(0), service: 'access-analyzer', region: 'us-east-1', now: new Date() };
    expect(h.service.operationOf({ ...req, method: 'POST', path: '/analyzer/findings/statistics' })).toBe('GetFindingsStatistics');
    expect(h.service.operationOf({ ...req, method: 'GET', path: '/analyzer/findings' })).toBe('GetAnalyzer');
  });

  it('refuses an unsigned request', async () => {
    const res = await h.raw('GET', '/analyzer', { signed: false });
    expect(res.status).toBe(403);
    expect(res.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  });
});
