import type { Core } from '../../main/core/create-core';
import type { CliContext } from '../cli-types';

/**
 * Prints a job's progress on stderr (stdout stays for the result, so `--json` pipes cleanly):
 * at most one line a second, and the last state when it ends. Returns the unsubscribe.
 */
export function printJobProgress(ctx: CliContext, core: Core, jobId: string, label: string): () => void {
  let last = 0;
  return core.bus.subscribe((event, payload) => {
    if (event !== 'jobs:progress' || !('jobId' in payload) || payload.jobId !== jobId) return;
    const now = Date.now();
    const ended = payload.job.state !== 'running';
    if (!ended && now - last < 1000) return;
    last = now;
    const of = payload.total !== undefined ? `${payload.current}/${payload.total}` : `${payload.current}`;
    const eta = payload.etaMs !== undefined ? ` · about ${Math.ceil(payload.etaMs / 1000)} s left` : '';
    const state = payload.job.state === 'paused' ? ` · paused: ${payload.job.message ?? ''}` : '';
    ctx.stderr.write(`${label}: ${of} · ${payload.step}${eta}${state}\n`);
  });
}

/** Cancels the job when the user presses Ctrl-C; the job keeps what it stored. */
export function cancelOnInterrupt(ctx: CliContext, core: Core, jobId: string): void {
  void ctx.interrupted.then(() => {
    if (core.jobs.cancel(jobId)) ctx.stderr.write('Stopping… what was stored is kept; run the command again to resume.\n');
  });
}

/**
 * Brings the text index up to date before the command exits (the app does it in the background),
 * so the next `auditdesk search` reads a few hours of records for a rare word, not all of them.
 * Ctrl-C stops it; the next run carries on.
 */
export async function finishTextIndex(ctx: CliContext, core: Core): Promise<void> {
  let last = 0;
  await (await core.events.store()).indexText((progress) => {
    const now = Date.now();
    if (progress.pendingEvents === 0 || now - last < 1000) return;
    last = now;
    ctx.stderr.write(`text index: ${progress.pendingEvents} events left\n`);
  });
}
