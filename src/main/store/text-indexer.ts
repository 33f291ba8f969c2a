import type { TextIndexProgress } from './text-index';

/**
 * Runs the text index's steps after writes settle: `kick` after each write, and once the writes
 * have paused for `delayMs` (an import flushes every few seconds; a sync writes a page at a
 * time) the steps run back to back until nothing is pending. Searches stay correct meanwhile:
 * they scan what the index has not reached.
 */
export interface TextIndexer {
  kick(): void;
  /** Runs the steps now until nothing is pending (the CLI, before it exits). */
  drain(onProgress?: (progress: TextIndexProgress) => void): Promise<void>;
  /** No more steps; resolves once the one running, if any, ends (closing the store interrupts it). */
  stop(): Promise<void>;
}

export interface TextIndexerOptions {
  step: () => Promise<TextIndexProgress>;
  delayMs: number;
  /** A failed step (the index file went read-only, the disk is full…): the next kick tries again. */
  onError: (error: unknown) => void;
}

export function createTextIndexer(options: TextIndexerOptions): TextIndexer {
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;

  async function runUntilDone(onProgress?: (progress: TextIndexProgress) => void): Promise<void> {
    for (;;) {
      if (stopped) return;
      const progress = await options.step();
      onProgress?.(progress);
      if (progress.indexedEvents === 0) return;
    }
  }

  /** `report`: a background run's failure goes to onError; a drain's is its caller's. */
  function start(report: boolean, onProgress?: (progress: TextIndexProgress) => void): Promise<void> {
    const run = chain.then(() => runUntilDone(onProgress));
    // A step interrupted by closing the store is no error: it rolled back, and runs again next time.
    chain = run.catch((error: unknown) => {
      if (report && !stopped) options.onError(error);
    });
    return run;
  }

  return {
    kick() {
      if (stopped) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void start(true);
      }, options.delayMs);
      timer.unref?.();
    },
    drain(onProgress) {
      clearTimeout(timer);
      return start(false, onProgress);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await chain;
    },
  };
}
