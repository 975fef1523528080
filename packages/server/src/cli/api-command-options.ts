import type { Command } from 'commander';
import {
  type ConnectionFlags,
  connectionEnvironment,
  connectionHelp,
  defaultApiUrl,
} from './api-connection.js';
import { exitCodes } from './command-failure.js';
import type { OutputOptions } from './record-output.js';

/** The options every command that calls the API takes. */
export type ApiCommandOptions = ConnectionFlags & OutputOptions;

export const exitCodesHelp = `Exit codes:
  0  done
  ${exitCodes.failed}  the server refused (its error code and message are on standard error)
  ${exitCodes.usage}  usage: bad options or arguments, no credentials
  ${exitCodes.unreachable}  the server cannot be reached`;

/** Adds --url, --token and --json, and help that ends with the examples, how credentials are found, and the exit codes. */
export function withApiOptions(command: Command, examples: string[]): Command {
  return command
    .option(
      '--url <url>',
      `the server (default: ${connectionEnvironment.url}, the stored login, ${defaultApiUrl})`,
    )
    .option('--token <token>', `an access token (default: ${connectionEnvironment.token})`)
    .option('--json', 'print the API’s JSON instead of a table, for scripts')
    .addHelpText(
      'after',
      `\nExamples:\n${examples.map((line) => `  $ ${line}`).join('\n')}\n\n${connectionHelp}\n\n${exitCodesHelp}\n`,
    );
}
