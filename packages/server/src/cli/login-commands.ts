import { text } from 'node:stream/consumers';
import type { Command } from 'commander';
import { read } from 'read';
import { exitCodesHelp } from './api-command-options.js';
import {
  chosenServer,
  connectionEnvironment,
  defaultApiUrl,
  exchangeClientSecret,
  serverUrl,
} from './api-connection.js';
import { refusalOf, requestApi } from './api-request.js';
import { CommandFailure, exitCodes } from './command-failure.js';
import { printable } from './sql-output.js';
import { readStoredLogin, removeStoredLogin, storedLoginFile, writeStoredLogin } from './stored-login.js';

const passwordEnvironment = 'PORTCULLIS_PASSWORD';

interface LoginOptions {
  url?: string;
  email?: string;
  clientId?: string;
}

/** A person's answer on the terminal; prompts go to standard error, so standard output stays the command's. */
async function ask(prompt: string, silent: boolean): Promise<string> {
  return String(await read({ prompt, silent, replace: silent ? '' : undefined, output: process.stderr }));
}

/** The first line of standard input: how a script hands over a password without a flag anyone could see. */
export async function firstLineOfStdin(): Promise<string> {
  return (await text(process.stdin)).split(/\r?\n/)[0] ?? '';
}

/** A secret from the environment, else standard input when it is no terminal, else asked for unseen. */
async function secretFrom(variable: string, prompt: string): Promise<string> {
  const fromEnvironment = process.env[variable];
  if (fromEnvironment) return fromEnvironment;
  const given = process.stdin.isTTY ? await ask(prompt, true) : await firstLineOfStdin();
  if (!given)
    throw new CommandFailure(exitCodes.usage, `no ${prompt.replace(/:\s*$/, '').toLowerCase()} given`);
  return given;
}

async function signIn(url: URL, email: string, password: string) {
  const answer = await requestApi(new URL('api/v1/auth/login', url), {
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const { accessToken, expiresAt } = (answer.json ?? {}) as Record<string, unknown>;
  if (answer.status === 200 && typeof accessToken === 'string' && typeof expiresAt === 'number') {
    return { token: accessToken, expiresAt };
  }
  const { code, message } = refusalOf(answer);
  throw new CommandFailure(exitCodes.failed, `${printable(code)}: ${printable(message)}`);
}

const loginHelp = `
Examples:
  $ portcullis login --url https://portcullis.example.com
  $ PORTCULLIS_PASSWORD=… portcullis login --url http://127.0.0.1:8080 --email admin@acme.example
  $ portcullis login --url http://127.0.0.1:8080 --email admin@acme.example < password.txt
  $ ${connectionEnvironment.clientSecret}=… portcullis login --url https://portcullis.example.com --client-id sa_01j…

A person signs in with email and password (asked for on a terminal; for scripts, ${passwordEnvironment} or the
first line of standard input); a service account with --client-id and its secret (${connectionEnvironment.clientSecret},
standard input, or asked for). The token the server issues, never the password or secret, is stored with
the server's URL in the user's configuration folder, readable by the user alone (mode 0600):
$XDG_CONFIG_HOME/portcullis/config.json, else ~/.config/portcullis/config.json (macOS: ~/Library/Application
Support/portcullis, Windows: %APPDATA%\\portcullis). Later commands use it for that server when no --token,
${connectionEnvironment.token} or ${connectionEnvironment.clientId} is given. When it expires, log in again.

${exitCodesHelp}
`;

/** `portcullis login` and `portcullis logout`: a token for a server, kept in the user's config folder. */
export function addLoginCommands(program: Command): void {
  program
    .command('login')
    .description("Sign in to a server and store its URL and a token in the user's config folder")
    .option('--url <url>', `the server (default: ${connectionEnvironment.url}, else ${defaultApiUrl})`)
    .option(
      '--email <email>',
      'sign in as this person (asked for on a terminal when neither this nor --client-id is given)',
    )
    .option(
      '--client-id <id>',
      `sign in as this service account, with its secret from ${connectionEnvironment.clientSecret}`,
    )
    .addHelpText('after', loginHelp)
    .action(async (options: LoginOptions) => {
      const url = serverUrl(options.url ?? process.env[connectionEnvironment.url] ?? defaultApiUrl);
      if (options.email && options.clientId) {
        throw new CommandFailure(exitCodes.usage, 'give --email or --client-id, not both');
      }
      let login: { token: string; expiresAt: number; signedInAs: string };
      if (options.clientId) {
        const secret = await secretFrom(connectionEnvironment.clientSecret, 'Client secret: ');
        const issued = await exchangeClientSecret(url, options.clientId, secret);
        const expiresAt = Math.floor(Date.now() / 1000) + issued.expiresIn;
        login = { token: issued.accessToken, expiresAt, signedInAs: options.clientId };
      } else {
        let email = options.email;
        if (!email && process.stdin.isTTY) email = await ask('Email: ', false);
        if (!email)
          throw new CommandFailure(exitCodes.usage, 'give --email (or --client-id) when not on a terminal');
        const password = await secretFrom(passwordEnvironment, 'Password: ');
        login = { ...(await signIn(url, email, password)), signedInAs: email };
      }
      const file = writeStoredLogin({ url: url.href, ...login });
      const until = new Date(login.expiresAt * 1000).toISOString();
      process.stdout.write(
        `Logged in to ${url.href} as ${printable(login.signedInAs)} until ${until}; stored in ${file}\n`,
      );
    });

  program
    .command('logout')
    .description('End the stored login’s session on its server, and remove it')
    .addHelpText('after', `\nExamples:\n  $ portcullis logout\n\nRemoves ${storedLoginFile()}.\n`)
    .action(async () => {
      const stored = readStoredLogin();
      if (!stored) {
        process.stdout.write('Not logged in.\n');
        return;
      }
      // A person's session ends on the server too; whether it answers, the local copy goes.
      await requestApi(new URL('api/v1/auth/logout', chosenServer({ url: stored.url })), {
        headers: { authorization: `Bearer ${stored.token}` },
      }).catch(() => undefined);
      removeStoredLogin();
      process.stdout.write(`Logged out of ${stored.url}.\n`);
    });
}
