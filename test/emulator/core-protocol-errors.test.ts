import { describe, expect, it } from 'vitest';
import { awsJsonError, queryXmlError, restJsonError, restXmlError } from '../../src/emulator/core/protocol-errors';
import { AwsError } from '../../src/emulator/core/types';

describe('protocol error writers', () => {
  it('awsJson puts __type and message in the body', () => {
    const r = awsJsonError(new AwsError('TrailNotFoundException', 'Unknown trail: x', 400), 'req-1');
    expect(r.status).toBe(400);
    expect(r.headers).toMatchObject({ 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-1' });
    expect(JSON.parse(String(r.body))).toEqual({ __type: 'TrailNotFoundException', message: 'Unknown trail: x' });
  });

  it('restJson puts the code in x-amzn-errortype and extra members in the body', () => {
    const r = restJsonError(new AwsError('ValidationException', 'bad', 400, { reason: 'fieldValidationFailed' }));
    expect(r.headers?.['x-amzn-errortype']).toBe('ValidationException');
    expect(JSON.parse(String(r.body))).toEqual({ message: 'bad', reason: 'fieldValidationFailed' });
  });

  it('query XML is an STS ErrorResponse, Receiver for 5xx', () => {
    expect(String(queryXmlError(new AwsError('AccessDenied', 'no <way>', 403), 'r').body)).toContain(
      '<Type>Sender</Type>\n    <Code>AccessDenied</Code>\n    <Message>no &lt;way&gt;</Message>',
    );
    expect(String(queryXmlError(new AwsError('InternalFailure', 'x', 500)).body)).toContain('<Type>Receiver</Type>');
  });

  it('restXml is a bare S3 <Error> with extra members as elements', () => {
    const r = restXmlError(new AwsError('NoSuchKey', 'The specified key does not exist.', 404, { Key: 'a&b' }), 'rid');
    expect(r.headers).toMatchObject({ 'content-type': 'application/xml', 'x-amz-request-id': 'rid' });
    expect(String(r.body)).toContain('<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>a&amp;b</Key><RequestId>rid</RequestId>');
  });
});
