import { z } from 'zod';

export const appChannels = {
  /** Facts about the running core, for the About box and diagnostics. */
  'app:info': {
    input: z.object({}).strict(),
    output: z.object({
      /** Auditdesk version from package.json. */
      version: z.string(),
      /** How the renderer reaches the core: the Electron preload or loopback HTTP. */
      face: z.enum(['electron', 'web']),
      /** Where the local index and settings live (AUDITDESK_DATA_DIR / --data-dir honoured). */
      dataDir: z.string(),
      /** True while the workspace is the built-in demo, backed by the local emulator. */
      demo: z.boolean(),
    }),
  },
} as const;
