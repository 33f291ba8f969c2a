import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findProjectRoot } from '../../main/core/project-root';
import { handlers } from '../../main/ipc/handlers';
import { createDispatcher } from '../../main/ipc/dispatcher';
import { startWebServer } from '../../main/web/web-server';
import type { CliCommand } from '../cli-types';
import { createCliCore } from '../cli-core';
import { openInBrowser } from '../open-in-browser';

export const webCommand: CliCommand = {
  name: 'web',
  summary: 'Serve Auditdesk to your browser on 127.0.0.1 (browser mode).',
  usage: `
Usage: auditdesk web [--port N] [--json] [--demo] [--open] [--data-dir DIR]

Serves the app and its API on 127.0.0.1 only, with a random token per run that every call needs.
  --port N   port to listen on (default 0: any free port)
  --json     print one JSON line {"url","port","token"} once ready
  --demo     open the demo workspace (local AWS emulator) instead of your AWS profiles
  --open     open the URL in the system browser`,
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: {
        port: { type: 'string', default: '0' },
        json: { type: 'boolean' },
        demo: { type: 'boolean' },
        open: { type: 'boolean' },
        'data-dir': { type: 'string' },
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      ctx.stderr.write(`auditdesk web: --port must be a number from 0 to 65535.\n`);
      return 2;
    }
    const staticDir = join(findProjectRoot(), 'out', 'renderer');
    if (!existsSync(join(staticDir, 'index.html'))) {
      ctx.stderr.write('auditdesk web: the app is not built yet. Run "npm run build" (or "npm run web", which builds first).\n');
      return 1;
    }
    const core = await createCliCore(ctx, { dataDir: values['data-dir'], face: 'web', demo: values.demo });
    const dispatch = createDispatcher(handlers, { core }, (line) => ctx.stderr.write(`${line}\n`));
    const server = await startWebServer({ dispatch, bus: core.bus, staticDir, port });
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify({ url: server.url, port: server.port, token: server.token })}\n`);
    } else {
      ctx.stdout.write(`Auditdesk is ready. Open this URL in your browser (it holds this run's access token):\n\n  ${server.url}\n\nPress Ctrl-C to stop.\n`);
    }
    if (values.open) await openInBrowser(server.url);
    await ctx.interrupted;
    await server.close();
    await core.close();
    return 0;
  },
};
