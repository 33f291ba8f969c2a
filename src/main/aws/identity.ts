import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { CallerIdentity } from '../../shared/ipc/channels/sessions';

/** Who a profile's credentials are: the one call every principal may make. */
export async function getCallerIdentity(sts: STSClient, signal?: AbortSignal): Promise<CallerIdentity> {
  const out = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
  if (!out.Account || !out.Arn || !out.UserId) throw new Error('sts:GetCallerIdentity returned an incomplete identity.');
  return { account: out.Account, arn: out.Arn, userId: out.UserId };
}
