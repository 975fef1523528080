import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { type Command, CommanderError, Option } from 'commander';
import { connectionEnvironment, connectionHelp, defaultApiUrl, openApiConnection } from './api-connection.js';
import { type ApiAnswer, refusalOf, requestApi } from './api-request.js';
import { CommandFailure, exitCodes } from './command-failure.js';
import { renderFailure, renderStatements, type SqlFailure, type StatementResult } from './sql-output.js';

interface SqlOptions {
  execute?: string;
  url?: string;
  token?: string;
  account?: string;
  format: 'table' | 'json';
}

const examples = `
Examples:
  $ portcullis sql -e 'SHOW SERVICE ACCOUNTS'
  $ portcullis sql setup.sql
  $ portcullis sql < setup.sql
  $ portcullis sql --account dev -e 'CREATE USER ci WITH SERVICE_ACCOUNT = ci'
  $ portcullis sql --format json -e "CALL fb_GENERATESERVICEACCOUNTKEY('ci')" | jq -r '.statements[0].rows[0][2]'
  $ PORTCULLIS_URL=https://portcullis.example.com ${connectionEnvironment.clientId}=… ${connectionEnvironment.clientSecret}=… portcullis sql setup.sql

${connectionHelp}

Statements run in order, each with the caller's permissions; the first failure stops the script, and what
ran before it stays done. A script that does not parse runs nothing. The secret fb_GENERATESERVICEACCOUNTKEY
makes is printed with its row, once: keep the output safe.

Exit codes:
  0  every statement ran
  ${exitCodes.failed}  the server refused the script or a statement (the error is on standard error)
  ${exitCodes.usage}  usage: bad options, no script, a file that cannot be read, no credentials
  ${exitCodes.unreachable}  the server cannot be reached
`;

/** Where the script comes from: `-e`, a file, or standard input when it is not a terminal. */
async function readScript(
  file: string | undefined,
  options: SqlOptions,
  command: Command,
): Promise<string | undefined> {
  if (options.execute !== undefined) {
    if (file !== undefined) throw new CommandFailure(exitCodes.usage, 'give a file or -e, not both');
    return options.execute;
  }
  if (file !== undefined && file !== '-') {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      throw new CommandFailure(exitCodes.usage, `cannot read ${file}: ${(error as Error).message}`);
    }
  }
  if (file === undefined && process.stdin.isTTY) {
    command.outputHelp({ error: true });
    return undefined;
  }
  return text(process.stdin);
}

function isStatementList(value: unknown): value is StatementResult[] {
  return Array.isArray(value);
}

/** Prints the answer as asked, and says how the command ends. */
function report(answer: ApiAnswer, format: SqlOptions['format']): number {
  const body = answer.json as { statements?: unknown } | undefined;
  const statements = isStatementList(body?.statements) ? body.statements : undefined;
  if (format === 'json' && answer.json !== undefined) process.stdout.write(`${answer.text.trimEnd()}\n`);
  if (answer.status === 200 && statements) {
    if (format === 'table') process.stdout.write(renderStatements(statements));
    return 0;
  }
  if (format === 'table' && statements?.length) process.stdout.write(renderStatements(statements));
  const failure: SqlFailure =
    statements && answer.json ? (answer.json as SqlFailure) : { error: refusalOf(answer) };
  process.stderr.write(renderFailure(failure));
  return exitCodes.failed;
}

/** `portcullis sql`: a script run by a running server over `POST /api/v1/sql`, never on its database. */
export function addSqlCommand(program: Command): void {
  program
    .command('sql')
    .description('Run SQL admin statements (docs/sql.md) on a running Portcullis, over its REST API')
    .argument('[file]', 'a file of statements separated by ";" (- or none: standard input)')
    .option('-e, --execute <script>', 'the statements to run, instead of a file')
    .option('--url <url>', `the server (default: ${connectionEnvironment.url}, else ${defaultApiUrl})`)
    .option('--token <token>', `an access token (default: ${connectionEnvironment.token})`)
    .option('--account <name>', 'the account user statements act in (default: the default account)')
    .addOption(
      new Option('--format <format>', 'table: a table per query; json: the API’s answer as is')
        .choices(['table', 'json'])
        .default('table'),
    )
    .addHelpText('after', examples)
    // Commander ends a usage error with 1, which here means a refusal by the server.
    .exitOverride((error) => {
      throw error.exitCode === 0 ? error : new CommanderError(exitCodes.usage, error.code, error.message);
    })
    .action(async (file: string | undefined, options: SqlOptions, command: Command) => {
      const script = await readScript(file, options, command);
      if (script === undefined) {
        process.exitCode = exitCodes.usage;
        return;
      }
      if (script.trim() === '')
        throw new CommandFailure(exitCodes.usage, 'the script is empty: nothing to run');
      const connection = await openApiConnection(options);
      const answer = await requestApi(new URL('api/v1/sql', connection.url), {
        headers: {
          authorization: `Bearer ${connection.token}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({
          query: script,
          ...(options.account === undefined ? {} : { account: options.account }),
        }),
      });
      process.exitCode = report(answer, options.format);
    });
}
