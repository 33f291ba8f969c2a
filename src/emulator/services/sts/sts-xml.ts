import { randomUUID } from 'node:crypto';
import { xmlEscape } from '../../core/protocol-errors';
import type { EmulatorResponse } from '../../core/types';

/** awsQuery answers: `<XResponse><XResult>…</XResult><ResponseMetadata>…` in the STS namespace. */
export type XmlValue = string | number | undefined | XmlFields;
export interface XmlFields {
  [element: string]: XmlValue;
}

export function stsResponse(action: string, result: XmlFields): EmulatorResponse {
  const requestId = randomUUID();
  const body =
    `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n` +
    `  <${action}Result>\n${fields(result, '    ')}  </${action}Result>\n` +
    `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n` +
    `</${action}Response>\n`;
  return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

function fields(obj: XmlFields, indent: string): string {
  let out = '';
  for (const [name, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    if (typeof value === 'object') out += `${indent}<${name}>\n${fields(value, `${indent}  `)}${indent}</${name}>\n`;
    else out += `${indent}<${name}>${xmlEscape(String(value))}</${name}>\n`;
  }
  return out;
}

/** STS writes timestamps as ISO 8601 without milliseconds. */
export function stsTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
