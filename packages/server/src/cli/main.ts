#!/usr/bin/env node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PortcullisError } from '@portcullis/core/errors';
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { addAccessKeyCommands } from './access-key-commands.js';
import { addAdminCommands } from './admin-commands.js';
import { addAuditCommands } from './audit-commands.js';
import { addBackupCommands } from './backup-commands.js';
import { addClientCredentialCommands } from './client-credential-commands.js';
import { CommandFailure, exitCodes } from './command-failure.js';
import { addDoctorCommand } from './doctor-command.js';
import { addKeyCommands } from './key-commands.js';
import { addLoginCommands } from './login-commands.js';
import { addNetworkPolicyCommands } from './network-policy-commands.js';
import { configurationExitCode } from './operator-options.js';
import { addOrganizationCommands } from './organization-commands.js';
import { addQuickstartCommand } from './quickstart-command.js';
import { addRoleCommands } from './role-commands.js';
import { addSecretCommands } from './secret-commands.js';
import { addServiceAccountCommands } from './service-account-commands.js';
import { addSqlCommand } from './sql-command.js';
import { addTokenCommand } from './token-command.js';
import { addUserCommands } from './user-commands.js';

/*
 * The server's modules take about a second to load, and `portcullis sql` needs none of them: the commands
 * that run the server or open its database load them when they run.
 */
const server = () => import('../server.js');
const store = async () => ({
  ...(await import('../store/database.js')),
  ...(await import('../store/migrate.js')),
});

// `portcullis users list | head` closes the pipe early: the reader has what it wanted, and that is no crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const examples = (...lines: string[]) => `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;

const program = new Command('portcullis')
  .description('Portcullis programmatic-access server, and the command line of its API')
  .version(version, '-v, --version')
  .showHelpAfterError('(add --help for usage)')
  // Set before the commands are added, which inherit it: commander ends a usage error with 1, which here
  // means a refusal by the server.
  .exitOverride((error) => {
    throw error.exitCode === 0 ? error : new CommanderError(exitCodes.usage, error.code, error.message);
  })
  .addHelpText(
    'after',
    `${examples(
      'portcullis start',
      'portcullis login --url http://127.0.0.1:8080',
      'portcullis quickstart reporting --role "Read only"',
      'portcullis service-accounts list',
      'portcullis audit tail',
      'portcullis doctor',
      'portcullis backup backups/portcullis.db',
    )}
Every command has --help, with examples. docs/cli.md describes them all.
Exit codes of the commands that call a server: 0 done, ${exitCodes.failed} refused, ${exitCodes.usage} usage, ${exitCodes.unreachable} server unreachable.
`,
  );

program
  .command('start')
  .description('Migrate the database, bootstrap it if empty, and serve HTTP')
  .addHelpText(
    'after',
    `${examples(
      'portcullis start',
      'PORTCULLIS_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portcullis PORTCULLIS_PORT=9000 portcullis start',
    )}\nSettings come from PORTCULLIS_* variables: docs/configuration.md.\n`,
  )
  .action(async () => {
    const config = loadConfig();
    const { createPortcullis } = await server();
    const portcullis = await createPortcullis(config);
    const { bootstrap } = portcullis;
    if (bootstrap.created && bootstrap.generatedPassword) {
      // Printed once to the terminal, deliberately not through the logger, so it never reaches log storage.
      process.stdout.write(
        `\nPortcullis bootstrap: demo organization "acme" created.\n` +
          `  admin email:    ${bootstrap.adminEmail}\n` +
          `  admin password: ${bootstrap.generatedPassword}\n` +
          `This password is shown only now. Set PORTCULLIS_ADMIN_EMAIL / PORTCULLIS_ADMIN_PASSWORD to choose them.\n\n`,
      );
    }
    await portcullis.app.listen({ host: config.host, port: config.port });
    const shutdown = async (signal: string) => {
      portcullis.app.log.info({ signal }, 'shutting down');
      await portcullis.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  });

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .addHelpText(
    'after',
    examples('portcullis migrate', 'PORTCULLIS_DATABASE_URL=postgres://… portcullis migrate'),
  )
  .action(async () => {
    const config = loadConfig();
    const { openDatabase, migrateToLatest } = await store();
    const database = openDatabase(config.databaseUrl);
    try {
      const { applied } = await migrateToLatest(database);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
    } finally {
      await database.close();
    }
  });

program
  .command('openapi')
  .description('Print the OpenAPI document of this version, for code generators, and exit')
  .addHelpText('after', examples('portcullis openapi > openapi.json'))
  .action(async () => {
    // The document depends on the routes, not on any data: a throwaway database serves to build them.
    const { createPortcullis } = await server();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'portcullis-openapi-'));
    try {
      const portcullis = await createPortcullis(
        loadConfig({
          PORTCULLIS_DATA_DIR: dataDir,
          PORTCULLIS_CONSOLE_DIR: dataDir,
          PORTCULLIS_LOG_LEVEL: 'silent',
          ...(process.env.PORTCULLIS_ISSUER ? { PORTCULLIS_ISSUER: process.env.PORTCULLIS_ISSUER } : {}),
        }),
      );
      await portcullis.app.ready();
      process.stdout.write(`${JSON.stringify(portcullis.app.swagger(), null, 2)}\n`);
      await portcullis.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

addLoginCommands(program);
addQuickstartCommand(program);
addServiceAccountCommands(program);
addSecretCommands(program);
addUserCommands(program);
addRoleCommands(program);
addNetworkPolicyCommands(program);
addTokenCommand(program);
addSqlCommand(program);
addClientCredentialCommands(program);
addAccessKeyCommands(program);
addAuditCommands(program);
addKeyCommands(program);
addOrganizationCommands(program);
addAdminCommands(program);
addBackupCommands(program);
addDoctorCommand(program);

program.parseAsync().catch((error: unknown) => {
  // Commander has printed its message already.
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
    return;
  }
  if (error instanceof CommandFailure) {
    process.stderr.write(`portcullis: ${error.message}\n`);
    process.exitCode = error.exitCode;
    return;
  }
  // A use case's refusal, from a command that runs one on this machine's database: its code and message,
  // as the API would give them.
  if (error instanceof PortcullisError) {
    const fields = (
      Array.isArray(error.details) ? (error.details as { field?: unknown; message?: unknown }[]) : []
    ).filter((f) => typeof f.field === 'string');
    const named = fields.map((f) => ` ${f.field}: ${f.message}.`).join('');
    process.stderr.write(`portcullis: ${error.code}: ${error.message}${named}\n`);
    process.exitCode = exitCodes.failed;
    return;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`portcullis: configuration error: ${error.message}\n`);
    process.exit(configurationExitCode);
  }
  process.stderr.write(`portcullis: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
