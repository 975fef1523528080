import type { Command } from 'commander';
import { exitCodes } from './command-failure.js';

/** Exit 78 (EX_CONFIG) when the settings cannot be used, as `start` does. */
export const configurationExitCode = 78;

export const operatorExamples = (...lines: string[]) =>
  `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;

const operatorHelp = `The database and keys are the server's: the same PORTCULLIS_* settings as "portcullis start"
(PORTCULLIS_DATABASE_URL, PORTCULLIS_DATA_DIR, PORTCULLIS_MASTER_KEY …; docs/configuration.md).

Exit codes:
  0   done
  ${exitCodes.failed}   refused or failed (the reason is on standard error)
  ${exitCodes.usage}   usage: bad options or arguments, or not possible on this database engine
  ${configurationExitCode}  the settings cannot be used`;

/** Help that ends with the examples, where the settings come from, and the exit codes. */
export function withOperatorOptions(command: Command, examples: string[]): Command {
  return command.addHelpText('after', `${operatorExamples(...examples)}\n${operatorHelp}\n`);
}
