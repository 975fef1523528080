import { randomBytes } from 'node:crypto';
import { CommandFailure, exitCodes } from './command-failure.js';
import { firstLineOfStdin } from './login-commands.js';

export const passwordStdinHelp =
  'read the password from the first line of standard input (default: generate one and print it once)';

/**
 * The password an operator's command sets: the first line of standard input when asked (no flag or
 * variable anyone else could read), else a generated one, which the command prints once.
 */
export async function chosenPassword(fromStdin: boolean | undefined): Promise<{
  password: string;
  generated: boolean;
}> {
  if (!fromStdin) return { password: randomBytes(18).toString('base64url'), generated: true };
  const password = await firstLineOfStdin();
  if (!password) throw new CommandFailure(exitCodes.usage, 'no password on standard input');
  return { password, generated: false };
}
