import type { Command } from 'commander';
import { ApiClient } from './api-client.js';
import { type ApiCommandOptions, withApiOptions } from './api-command-options.js';
import { openApiConnection } from './api-connection.js';
import { roleIdOf } from './name-lookup.js';
import { printRecord } from './record-output.js';
import { generatedFields, generateSecret, printSecretAdvice } from './secret-commands.js';
import type { ServiceAccountRecord } from './service-account-commands.js';
import type { UserRecord } from './user-commands.js';

interface QuickstartOptions extends ApiCommandOptions {
  role: string[];
  account?: string;
  description?: string;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/**
 * `portcullis quickstart NAME`: from nothing to a working credential in one command, as `hydra create
 * client` is: a service account, its user holding the roles, and a secret. A step that fails undoes the
 * ones before it, so the same command can simply be run again.
 */
export function addQuickstartCommand(program: Command): void {
  withApiOptions(
    program
      .command('quickstart')
      .description(
        'Create a service account with a user, its roles and a secret; print the client id, secret and a curl',
      )
      .argument('<name>', 'the name of the service account and of its user')
      .option(
        '--role <role>',
        'a role its user holds (name or id); repeat for more (default: "Read only")',
        collect,
      )
      .option('--account <id>', 'the account its user lives in (default: the default account)')
      .option('--description <text>', 'what the service account is for'),
    [
      'portcullis quickstart reporting',
      'portcullis quickstart ops-bot --role Admin --description "the on-call robot"',
      'portcullis quickstart ci --json | jq -r .clientSecret',
    ],
  ).action(async (name: string, options: QuickstartOptions) => {
    const connection = await openApiConnection(options);
    const api = new ApiClient(connection);
    const roleIds = await Promise.all((options.role ?? ['Read only']).map((role) => roleIdOf(api, role)));
    const serviceAccount = await api.call<ServiceAccountRecord>('POST', 'service-accounts', {
      name,
      ...(options.description ? { description: options.description } : {}),
    });
    let user: UserRecord | undefined;
    try {
      user = await api.call<UserRecord>('POST', 'users', {
        name,
        serviceAccountId: serviceAccount.id,
        roleIds,
        ...(options.account ? { accountId: options.account } : {}),
      });
      const generated = await generateSecret(api, serviceAccount.id);
      if (options.json) {
        const tokenEndpoint = new URL('oauth/token', connection.url).href;
        process.stdout.write(
          `${JSON.stringify({ ...generated, serviceAccount, user, tokenEndpoint }, null, 2)}\n`,
        );
        return;
      }
      process.stdout.write(
        `Service account ${serviceAccount.name} acts through user ${user.name}, holding ${options.role?.join(', ') ?? 'Read only'}.\n`,
      );
      printRecord(generated, generatedFields, options);
      printSecretAdvice(connection, generated);
    } catch (error) {
      if (user) await api.call('DELETE', `users/${user.id}`).catch(() => undefined);
      await api.call('DELETE', `service-accounts/${serviceAccount.id}`).catch(() => undefined);
      throw error;
    }
  });
}
