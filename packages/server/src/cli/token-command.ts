import type { Command } from 'commander';
import { exitCodesHelp } from './api-command-options.js';
import {
  chosenServer,
  connectionEnvironment,
  defaultApiUrl,
  exchangeClientSecret,
} from './api-connection.js';
import { CommandFailure, exitCodes } from './command-failure.js';

interface TokenOptions {
  url?: string;
  clientId?: string;
  clientSecret?: string;
  scope?: string;
  audience?: string;
  account?: string;
  json?: boolean;
}

const tokenHelp = `
Examples:
  $ export ${connectionEnvironment.clientId}=sa_01j… ${connectionEnvironment.clientSecret}=…
  $ curl -H "authorization: Bearer $(portcullis token)" https://api.example.com/incidents
  $ portcullis token --scope incidents:list --audience https://api.acme.example
  $ portcullis token --json | jq .expires_in

The client id comes from --client-id, else ${connectionEnvironment.clientId}; the secret from --client-secret,
else ${connectionEnvironment.clientSecret} (prefer the variable: a flag shows in the process list). The token
is printed alone on one line, for $(…); --json prints the token endpoint's whole answer.

${exitCodesHelp}
`;

/** `portcullis token`: client_credentials at `/oauth/token`, the access token printed alone. */
export function addTokenCommand(program: Command): void {
  program
    .command('token')
    .description('Exchange a client id and secret for an access token, printed alone')
    .option(
      '--url <url>',
      `the server (default: ${connectionEnvironment.url}, the stored login, ${defaultApiUrl})`,
    )
    .option('--client-id <id>', `the service account's id (default: ${connectionEnvironment.clientId})`)
    .option('--client-secret <secret>', `its secret (default: ${connectionEnvironment.clientSecret})`)
    .option('--scope <permissions>', 'narrow the token to these permissions, space-separated')
    .option('--audience <uri>', 'the API the token is for')
    .option('--account <name>', 'the account the service account acts in')
    .option('--json', 'print the whole answer: token, type, lifetime, scope')
    .addHelpText('after', tokenHelp)
    .action(async (options: TokenOptions) => {
      const clientId = options.clientId ?? process.env[connectionEnvironment.clientId];
      const clientSecret = options.clientSecret ?? process.env[connectionEnvironment.clientSecret];
      if (!clientId || !clientSecret) {
        throw new CommandFailure(
          exitCodes.usage,
          `give a client id and secret: --client-id or ${connectionEnvironment.clientId}, and ${connectionEnvironment.clientSecret}`,
        );
      }
      const extra = Object.fromEntries(
        Object.entries({ scope: options.scope, audience: options.audience, account: options.account }).filter(
          (entry): entry is [string, string] => entry[1] !== undefined,
        ),
      );
      const issued = await exchangeClientSecret(chosenServer(options), clientId, clientSecret, extra);
      process.stdout.write(options.json ? `${issued.text.trimEnd()}\n` : `${issued.accessToken}\n`);
    });
}
