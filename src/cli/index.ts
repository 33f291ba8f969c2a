import { runCli } from './run-cli';

// The `auditdesk` command: the same core as the desktop app, for scripting, headless exports and
// browser mode. bin/auditdesk.mjs loads this bundle.
// The SDK warns on every run that its 2027 releases will need Node 22; the desktop app runs on
// Electron's newer Node, and for the CLI the warning would only clutter stderr of scripts.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const controller = new AbortController();
const interrupted = new Promise<void>((resolve) => {
  const stop = () => {
    controller.abort();
    resolve();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});

runCli({ args: process.argv.slice(2), stdout: process.stdout, stderr: process.stderr, env: process.env, interrupted }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`auditdesk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
