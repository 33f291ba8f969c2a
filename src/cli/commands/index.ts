import type { CliCommand } from '../cli-types';
import { profilesCommand } from './profiles';
import { webCommand } from './web';

export const commands: CliCommand[] = [profilesCommand, webCommand];
