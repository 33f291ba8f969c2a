import { AwsError } from '../../core/types';
import { hashParts, hex32 } from '../../seed/hash';

/**
 * LookupEvents NextToken: where each event source stopped, bound to the parameters of the call
 * that issued it. AWS rejects a token replayed with other parameters (InvalidNextTokenException),
 * so the token carries a hash of them; a checksum makes an edited token invalid too.
 */
export interface LookupParams {
  accountId: string;
  region: string;
  attributeKey?: string;
  attributeValue?: string;
  startMs?: number;
  endMs?: number;
  eventCategory?: string;
}

function paramsHash(seed: string, p: LookupParams): string {
  return hex32(
    hashParts(
      seed,
      p.accountId,
      p.region,
      p.attributeKey ?? '',
      p.attributeValue ?? '',
      String(p.startMs ?? ''),
      String(p.endMs ?? ''),
      p.eventCategory ?? '',
    ),
  );
}

export function encodeLookupToken(seed: string, params: LookupParams, positions: readonly number[]): string {
  const body = `${positions.join('-')}.${paramsHash(seed, params)}`;
  return Buffer.from(`${body}.${hex32(hashParts(seed, 'lookup-token', body))}`).toString('base64');
}

/** The positions a token resumes from; throws InvalidNextTokenException if it is not for these parameters. */
export function decodeLookupToken(seed: string, params: LookupParams, token: string, sources: number): number[] {
  const invalid = new AwsError('InvalidNextTokenException', 'Invalid NextToken');
  const text = Buffer.from(token, 'base64').toString('utf8');
  const m = /^([0-9-]*)\.([0-9a-f]{8})\.([0-9a-f]{8})$/.exec(text);
  if (!m) throw invalid;
  const [, positions = '', hash, check] = m;
  if (check !== hex32(hashParts(seed, 'lookup-token', `${positions}.${hash}`))) throw invalid;
  if (hash !== paramsHash(seed, params)) throw invalid;
  const out = positions === '' ? [] : positions.split('-').map(Number);
  if (out.length !== sources || out.some((n) => !Number.isSafeInteger(n) || n < 0)) throw invalid;
  return out;
}
