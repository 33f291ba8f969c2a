import { AccessDeniedException } from '@aws-sdk/client-accessanalyzer';
import { ExpiredTokenException } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toIpcError } from '../../src/main/ipc/to-ipc-error';
import { AppError } from '../../src/shared/ipc/result';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const KEY_ID = 'ASIAY34FZKBOKMUTVV7A';

/** What the renderer may see: exactly a code and a message, no stack, no frames, no paths. */
function expectClean(error: ReturnType<typeof toIpcError>) {
  expect(Object.keys(error).sort()).toEqual(['code', 'message']);
  expect(typeof error.code).toBe('string');
  expect(typeof error.message).toBe('string');
  expect(error.message).not.toMatch(/\n\s+at /);
  expect(error.message).not.toContain(SECRET);
  expect(error.message).not.toContain(KEY_ID);
}

function zodErrorOf(schema: z.ZodType, input: unknown): z.ZodError {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a parse failure');
  return result.error;
}

describe('toIpcError', () => {
  it('keeps an AppError code and message', () => {
    const error = toIpcError(new AppError('not-found', 'No such job.'));
    expectClean(error);
    expect(error).toEqual({ code: 'not-found', message: 'No such job.' });
  });

  it('passes an AppError detail on: the place of a problem in what the user typed', () => {
    expect(toIpcError(new AppError('bad-query', 'Unexpected ")". (at column 4)', { column: 4, length: 1 }))).toEqual({
      code: 'bad-query',
      message: 'Unexpected ")". (at column 4)',
      detail: { column: 4, length: 1 },
    });
    expect(toIpcError(new AppError('bad-query', 'Filter readonly: not "maybe".', { column: 1, length: 5, chip: 2 })).detail).toEqual({ column: 1, length: 5, chip: 2 });
  });

  it('lets only the numbers of a detail cross, and drops one without a usable column', () => {
    const stuffed = { column: 3, length: 2, stack: 'at handler (/home/alice/x.ts:1:1)', secret: SECRET } as unknown as ConstructorParameters<typeof AppError>[2];
    expect(toIpcError(new AppError('bad-query', 'x', stuffed)).detail).toEqual({ column: 3, length: 2 });
    const odd = { column: 2, length: -4, chip: 1.5 } as ConstructorParameters<typeof AppError>[2];
    expect(toIpcError(new AppError('bad-query', 'x', odd)).detail).toEqual({ column: 2, length: 1 });
    const error = toIpcError(new AppError('bad-query', 'x', { column: 0, length: 1 }));
    expectClean(error);
  });

  it('redacts secrets a handler put in an AppError message', () => {
    const error = toIpcError(new AppError('sign-in', `Could not use key ${KEY_ID} with secret ${SECRET}`));
    expectClean(error);
    expect(error.code).toBe('sign-in');
  });

  it.each([
    ['wrong type', z.object({ jobId: z.string() }).strict(), { jobId: 42 }, 'jobId'],
    ['extra key on a strict schema', z.object({}).strict(), { extra: true }, undefined],
    ['not an object', z.object({ jobId: z.string() }).strict(), 'hello', undefined],
    ['nested path', z.object({ a: z.object({ b: z.array(z.string()) }) }), { a: { b: ['x', 3] } }, 'a.b.1'],
  ])('turns a ZodError (%s) into bad-input', (_name, schema, input, path) => {
    const error = toIpcError(zodErrorOf(schema, input));
    expectClean(error);
    expect(error.code).toBe('bad-input');
    expect(error.message).toMatch(/^Invalid request/);
    if (path) expect(error.message).toContain(`"${path}"`);
  });

  it('turns an AWS SDK service error into aws:<Name> with a redacted message', () => {
    const sdkError = new ExpiredTokenException({
      message: `The security token included in the request is expired (key ${KEY_ID}, secret ${SECRET})`,
      $metadata: { httpStatusCode: 400, requestId: 'req-1' },
    });
    const error = toIpcError(sdkError);
    expectClean(error);
    expect(error.code).toBe('aws:ExpiredTokenException');
    expect(error.message).toContain('The security token included in the request is expired');
    expect(error.message).toContain('ASIAY34F…');
  });

  it('keeps an AWS AccessDenied message, which names the principal and action the auditor needs', () => {
    const message = 'User: arn:aws:sts::123456789012:assumed-role/Audit/alice is not authorized to perform: access-analyzer:ListAnalyzers';
    const error = toIpcError(new AccessDeniedException({ message, $metadata: { httpStatusCode: 403 } }));
    expect(error).toEqual({ code: 'aws:AccessDeniedException', message });
  });

  it('recognises any Error carrying $metadata as an AWS error', () => {
    const error = toIpcError(Object.assign(new Error(''), { name: 'ThrottlingException', $metadata: {} }));
    expectClean(error);
    expect(error).toEqual({ code: 'aws:ThrottlingException', message: 'ThrottlingException' });
  });

  it('turns an AbortError into cancelled', () => {
    const abort = new Error('This operation was aborted');
    abort.name = 'AbortError';
    expect(toIpcError(abort)).toEqual({ code: 'cancelled', message: 'Cancelled.' });
  });

  it('turns an SDK call aborted through its abortSignal into cancelled, not aws:AbortError', () => {
    // What the SDK throws: its retry middleware adds $metadata to every error it passes on.
    const abort = Object.assign(new Error('Request aborted'), { name: 'AbortError', $metadata: { attempts: 1, totalRetryDelay: 0 } });
    expect(toIpcError(abort)).toEqual({ code: 'cancelled', message: 'Cancelled.' });
  });

  it('hides a plain error behind internal: no original message, no stack', () => {
    const original = new Error(`ENOENT: open '/home/alice/.aws/credentials' with ${SECRET}`);
    const error = toIpcError(original);
    expectClean(error);
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain('ENOENT');
    expect(error.message).not.toContain('/home/alice');
    expect(error.message).not.toContain(original.stack ?? 'no stack');
  });

  it.each([
    ['a string', 'boom'],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a plain object that looks like an AWS error', { name: 'AccessDenied', message: 'x', $metadata: {} }],
    ['a plain object that looks like an AppError', { code: 'forbidden', message: 'x' }],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'x')")],
  ])('treats %s as internal', (_name, thrown) => {
    const error = toIpcError(thrown);
    expectClean(error);
    expect(error.code).toBe('internal');
  });
});
