import { createCore, type Core, type CoreOptions } from '../main/core/create-core';
import { resolveDataDir } from '../main/core/data-dir';
import { openInBrowser } from './open-in-browser';
import type { CliContext } from './cli-types';

/** A core for a CLI command, with the data folder from --data-dir or AUDITDESK_DATA_DIR. */
export function createCliCore(ctx: CliContext, opts: { dataDir?: string; face?: CoreOptions['face']; demo?: boolean }): Promise<Core> {
  return createCore({
    dataDir: resolveDataDir({ flag: opts.dataDir, env: ctx.env }),
    env: ctx.env,
    face: opts.face ?? 'cli',
    openExternal: openInBrowser,
    demo: opts.demo,
    log: (line) => ctx.stderr.write(`${line}\n`),
  });
}
