import type { Command } from 'commander';
import { ApiClient } from './api-client.js';
import { type ApiCommandOptions, withApiOptions } from './api-command-options.js';
import { openApiConnection } from './api-connection.js';
import { CommandFailure, exitCodes } from './command-failure.js';
import { roleIdOf, serviceAccountIdOf, userIdOf } from './name-lookup.js';
import { type Column, type OutputOptions, printDone, printRecord, printRecords } from './record-output.js';

/** A user as `/api/v1/users` shows it. */
export interface UserRecord {
  id: string;
  accountId: string;
  name: string;
  loginId: string | null;
  serviceAccountId: string | null;
  roleIds: string[];
  active: boolean;
  defaultDatabase: string | null;
  defaultEngine: string | null;
  createdAt: string;
}

/** Role names, for people; `--json` keeps the API's ids and saves the request. */
async function roleNamesOf(api: ApiClient, options: OutputOptions): Promise<Map<string, string>> {
  if (options.json) return new Map();
  const roles = await api.listAll<{ id: string; name: string }>('roles');
  return new Map(roles.map((role) => [role.id, role.name]));
}

const columnsOf = (roleNames: Map<string, string>): Column<UserRecord>[] => [
  { heading: 'id', value: (u) => u.id },
  { heading: 'name', value: (u) => u.name },
  { heading: 'active', value: (u) => u.active },
  { heading: 'service account', value: (u) => u.serviceAccountId },
  { heading: 'login', value: (u) => u.loginId },
  { heading: 'roles', value: (u) => u.roleIds.map((id) => roleNames.get(id) ?? id) },
];

const fieldsOf = (roleNames: Map<string, string>): Column<UserRecord>[] => [
  ...columnsOf(roleNames),
  { heading: 'account', value: (u) => u.accountId },
  { heading: 'default database', value: (u) => u.defaultDatabase },
  { heading: 'default engine', value: (u) => u.defaultEngine },
  { heading: 'created', value: (u) => u.createdAt },
];

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface CreateOptions extends ApiCommandOptions {
  serviceAccount?: string;
  role?: string[];
  account?: string;
  login?: string;
}

interface EditOptions extends ApiCommandOptions {
  name?: string;
  serviceAccount?: string;
  active?: boolean;
  addRole?: string[];
  removeRole?: string[];
}

/** A user tied to a service account, holding the roles named, in the default account or `accountId`. */
export async function createUser(
  api: ApiClient,
  input: { name: string; serviceAccountId?: string; roles?: string[]; accountId?: string; loginId?: string },
): Promise<UserRecord> {
  const roleIds = await Promise.all((input.roles ?? []).map((role) => roleIdOf(api, role)));
  const body = {
    name: input.name,
    ...(input.serviceAccountId ? { serviceAccountId: input.serviceAccountId } : {}),
    ...(input.accountId ? { accountId: input.accountId } : {}),
    ...(input.loginId ? { loginId: input.loginId } : {}),
    ...(roleIds.length ? { roleIds } : {}),
  };
  return api.call<UserRecord>('POST', 'users', body);
}

/** `portcullis users list|get|create|edit|delete`, over `/api/v1/users`. */
export function addUserCommands(program: Command): void {
  const group = program
    .command('users')
    .description(
      "Users: who acts in an account, with that account's roles; a service account acts through one",
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ portcullis users create etl --service-account nightly-etl --role "Read only"\n  $ portcullis users list\n  $ portcullis users edit etl --add-role Admin\n',
    );
  const api = async (options: ApiCommandOptions) => new ApiClient(await openApiConnection(options));

  withApiOptions(group.command('list').description('List the users of your account'), [
    'portcullis users list',
    "portcullis users list --json | jq -r '.[] | select(.serviceAccountId) | .name'",
  ]).action(async (options: ApiCommandOptions) => {
    const client = await api(options);
    const users = await client.listAll<UserRecord>('users');
    printRecords(users, columnsOf(await roleNamesOf(client, options)), options);
  });

  withApiOptions(
    group.command('get').description('Show one user with its roles').argument('<user>', 'its name or id'),
    ['portcullis users get etl'],
  ).action(async (nameOrId: string, options: ApiCommandOptions) => {
    const client = await api(options);
    const id = await userIdOf(client, nameOrId);
    const user = await client.call<UserRecord>('GET', `users/${id}`);
    printRecord(user, fieldsOf(await roleNamesOf(client, options)), options);
  });

  withApiOptions(
    group
      .command('create')
      .description('Create a user, tied to a service account or a login, holding roles')
      .argument('<name>', 'unique in its account')
      .option('--service-account <service-account>', 'the service account that acts through it (name or id)')
      .option('--role <role>', 'a role it holds (name or id); repeat for more', collect)
      .option('--account <id>', 'the account it lives in (default: the default account)')
      .option('--login <id>', 'the login (a person) it stands for, instead of a service account'),
    [
      'portcullis users create etl --service-account nightly-etl --role "Read only"',
      'portcullis users create ops --service-account ops-bot --role Admin --role incident-reader',
    ],
  ).action(async (name: string, options: CreateOptions) => {
    const client = await api(options);
    const serviceAccountId = options.serviceAccount
      ? await serviceAccountIdOf(client, options.serviceAccount)
      : undefined;
    const created = await createUser(client, {
      name,
      ...(serviceAccountId ? { serviceAccountId } : {}),
      ...(options.role ? { roles: options.role } : {}),
      ...(options.account ? { accountId: options.account } : {}),
      ...(options.login ? { loginId: options.login } : {}),
    });
    printRecord(created, fieldsOf(await roleNamesOf(client, options)), options);
  });

  withApiOptions(
    group
      .command('edit')
      .description('Change a user: name, service account, active, roles')
      .argument('<user>', 'its name or id')
      .option('--name <name>', 'a new name')
      .option(
        '--service-account <service-account>',
        'tie a service account to it (name or id), or none to untie',
      )
      .option('--active', 'let it act again')
      .option('--no-active', 'stop it and every credential acting through it')
      .option('--add-role <role>', 'grant a role (name or id); repeat for more', collect)
      .option('--remove-role <role>', 'revoke a role (name or id); repeat for more', collect),
    [
      'portcullis users edit etl --service-account nightly-etl',
      'portcullis users edit etl --add-role incident-reader --remove-role "Read only"',
      'portcullis users edit etl --no-active',
    ],
  ).action(async (nameOrId: string, options: EditOptions) => {
    const client = await api(options);
    const patch: Record<string, unknown> = {};
    if (options.name !== undefined) patch.name = options.name;
    if (options.active !== undefined) patch.active = options.active;
    if (options.serviceAccount !== undefined) {
      patch.serviceAccountId =
        options.serviceAccount === 'none' ? null : await serviceAccountIdOf(client, options.serviceAccount);
    }
    if (!Object.keys(patch).length && !options.addRole && !options.removeRole) {
      throw new CommandFailure(exitCodes.usage, 'nothing to change');
    }
    const id = await userIdOf(client, nameOrId);
    let user = Object.keys(patch).length
      ? await client.call<UserRecord>('PATCH', `users/${id}`, patch)
      : await client.call<UserRecord>('GET', `users/${id}`);
    for (const role of options.addRole ?? []) {
      user = await client.call<UserRecord>('PUT', `users/${id}/roles/${await roleIdOf(client, role)}`);
    }
    for (const role of options.removeRole ?? []) {
      user = await client.call<UserRecord>('DELETE', `users/${id}/roles/${await roleIdOf(client, role)}`);
    }
    printRecord(user, fieldsOf(await roleNamesOf(client, options)), options);
  });

  withApiOptions(
    group
      .command('delete')
      .description('Delete a user; credentials acting through it stop at once')
      .argument('<user>', 'its name or id'),
    ['portcullis users delete etl'],
  ).action(async (nameOrId: string, options: ApiCommandOptions) => {
    const client = await api(options);
    const id = await userIdOf(client, nameOrId);
    await client.call('DELETE', `users/${id}`);
    printDone(`deleted user ${nameOrId} (${id})`, options, { deleted: id });
  });
}
