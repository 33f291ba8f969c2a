import { z } from 'zod';

export const WorkspaceSummary = z.object({
  /** `user`: the profiles in the user's AWS files; `demo`: the built-in emulator. */
  kind: z.enum(['user', 'demo']),
  /** Profiles switched on; every view and job works over these. */
  activeProfiles: z.array(z.string()),
  /** The AWS config file in use (the emulator's own file in the demo). */
  configFile: z.string(),
  /** Demo only: where the local emulator listens. */
  demoEndpoint: z.string().optional(),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

export const workspaceChannels = {
  'workspace:get': { input: z.object({}).strict(), output: WorkspaceSummary },
  /** Starts the local emulator and switches to its profiles; the user's ~/.aws is never touched. */
  'workspace:open-demo': { input: z.object({}).strict(), output: WorkspaceSummary },
  /** Leaves the demo for the user's own profiles. */
  'workspace:open-user': { input: z.object({}).strict(), output: WorkspaceSummary },
  'workspace:set-active-profiles': {
    input: z.object({ profiles: z.array(z.string().min(1).max(200)).max(500) }).strict(),
    output: WorkspaceSummary,
  },
} as const;

export const workspaceEvents = {
  /** The workspace or its active profiles changed; views reload what they show. */
  'workspace:changed': z.object({ kind: z.enum(['user', 'demo']), activeProfiles: z.array(z.string()) }),
} as const;
