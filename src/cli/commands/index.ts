import type { CliCommand } from '../cli-types';
import { emulatorCommand } from './emulator';
import { loginCommand } from './login';
import { profilesCommand } from './profiles';
import { webCommand } from './web';
import { whoamiCommand } from './whoami';

export const commands: CliCommand[] = [profilesCommand, webCommand, emulatorCommand, loginCommand, whoamiCommand];
