import { type CloudTrailClient, LookupEventsCommand, type LookupEventsCommandInput, type LookupEventsCommandOutput } from '@aws-sdk/client-cloudtrail';
import { awsErrorName, isAbortError } from '../../aws/aws-errors';
import { abortableSleep, type RateGate } from './rate-gate';

/** Counters of one account-region's calls, for its status line and the benchmark. */
export interface CallCounters {
  requests: number;
  /** ThrottlingException answers absorbed by back-off (never shown to the user unless exhausted). */
  throttled: number;
}

/** Raised when the service kept throttling after every back-off: the account-region stops, the others go on. */
export class ThrottlingExhaustedError extends Error {
  override name = 'ThrottlingExhaustedError';
}

export interface LookupCallOptions {
  /** Throttled answers absorbed before giving up on the account-region. */
  maxThrottleRetries?: number;
  /** 5xx and dropped connections retried before giving up. */
  maxTransientRetries?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const THROTTLING = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded']);

export function isThrottlingError(error: unknown): boolean {
  const name = awsErrorName(error);
  return name !== undefined && THROTTLING.has(name);
}

/** Server-side failures and dropped connections: worth another try after a pause. */
function isTransientError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (status !== undefined) return status >= 500;
  const code = (error as { code?: unknown }).code;
  return error.name === 'TimeoutError' || (typeof code === 'string' && /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|EAI_AGAIN)$/.test(code));
}

/**
 * The command with the gate inside the SDK's middleware stack, after credentials and signing:
 * the wait ends right before the request leaves, so a slow credential refresh cannot bunch two
 * requests together on the wire.
 */
function gatedCommand(input: LookupEventsCommandInput, gate: RateGate, signal: AbortSignal, counters: CallCounters): LookupEventsCommand {
  const command = new LookupEventsCommand(input);
  command.middlewareStack.add(
    (next) => async (args) => {
      await gate.acquire(signal);
      counters.requests++;
      return next(args);
    },
    { step: 'deserialize', priority: 'high', name: 'auditdeskLookupRateGate' },
  );
  return command;
}

/**
 * One LookupEvents page through the account-region's gate. Every attempt (retries included)
 * takes a slot, so the account-region never goes over its rate however the service answers.
 */
export async function lookupPage(
  client: CloudTrailClient,
  gate: RateGate,
  input: LookupEventsCommandInput,
  signal: AbortSignal,
  counters: CallCounters,
  opts: LookupCallOptions = {},
): Promise<LookupEventsCommandOutput> {
  const sleep = opts.sleep ?? abortableSleep;
  const maxThrottle = opts.maxThrottleRetries ?? 10;
  const maxTransient = opts.maxTransientRetries ?? 4;
  let throttles = 0;
  let transients = 0;
  for (;;) {
    try {
      const out = await client.send(gatedCommand(input, gate, signal, counters), { abortSignal: signal });
      gate.succeeded();
      return out;
    } catch (error) {
      if (signal.aborted || isAbortError(error)) throw error;
      if (isThrottlingError(error)) {
        counters.throttled++;
        gate.throttled();
        if (++throttles > maxThrottle) throw new ThrottlingExhaustedError(`LookupEvents stayed throttled after ${maxThrottle} slower retries.`);
        continue;
      }
      if (isTransientError(error) && ++transients <= maxTransient) {
        // Exponential with jitter: a struggling endpoint is not helped by lock-step retries.
        await sleep(250 * 2 ** transients * (0.5 + Math.random() / 2), signal);
        continue;
      }
      throw error;
    }
  }
}
