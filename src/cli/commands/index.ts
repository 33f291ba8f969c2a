import type { CliCommand } from '../cli-types';
import { emulatorCommand } from './emulator';
import { findingsCommand } from './findings';
import { importCommand } from './import';
import { loginCommand } from './login';
import { profilesCommand } from './profiles';
import { reportCommand } from './report';
import { searchCommand } from './search';
import { syncCommand } from './sync';
import { webCommand } from './web';
import { whoamiCommand } from './whoami';

export const commands: CliCommand[] = [profilesCommand, webCommand, emulatorCommand, loginCommand, whoamiCommand, syncCommand, importCommand, searchCommand, findingsCommand, reportCommand];
