import { startEmulator } from '../../../emulator';
import type { DemoBackend } from './workspace-service';

/**
 * The demo workspace's AWS: the project's emulator in this process, on a free loopback port.
 * Sign-ins are approved automatically (there is no person at the emulator's approval page in the
 * demo), but still go through the real OIDC flow so the demo exercises the same code as AWS.
 */
export async function startDemoEmulator(stateDir: string): Promise<DemoBackend> {
  const emulator = await startEmulator({ port: 0, stateDir, autoApproveSignIn: true });
  return {
    endpoint: emulator.endpoint,
    configFile: emulator.configFile,
    credentialsFile: emulator.credentialsFile,
    profiles: emulator.profiles,
    close: () => emulator.close(),
  };
}
