import type { Command } from 'commander';
import { ApiClient } from './api-client.js';
import { type ApiCommandOptions, withApiOptions } from './api-command-options.js';
import { openApiConnection } from './api-connection.js';
import { CommandFailure, exitCodes } from './command-failure.js';
import { roleIdOf } from './name-lookup.js';
import { type Column, printDone, printRecord, printRecords } from './record-output.js';

interface RoleRecord {
  id: string;
  name: string;
  description: string;
  permissions: string[];
  builtin: boolean;
  createdAt: string;
}

const columns: Column<RoleRecord>[] = [
  { heading: 'id', value: (r) => r.id },
  { heading: 'name', value: (r) => r.name },
  { heading: 'built in', value: (r) => r.builtin },
  { heading: 'permissions', value: (r) => r.permissions.join(' ') },
];

const fields: Column<RoleRecord>[] = [
  ...columns.slice(0, 3),
  { heading: 'description', value: (r) => r.description },
  { heading: 'permissions', value: (r) => r.permissions.join('\n') },
  { heading: 'created', value: (r) => r.createdAt },
];

interface RoleOptions extends ApiCommandOptions {
  name?: string;
  description?: string;
  permission?: string[];
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

function bodyOf(options: RoleOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: options.name,
    description: options.description,
    permissions: options.permission,
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/** `portcullis roles list|get|create|edit|delete`, over `/api/v1/roles`. */
export function addRoleCommands(program: Command): void {
  const group = program
    .command('roles')
    .description('Roles: the permissions a user holds')
    .addHelpText('after', '\nExamples:\n  $ portcullis roles list\n  $ portcullis roles get "Read only"\n');
  const api = async (options: ApiCommandOptions) => new ApiClient(await openApiConnection(options));

  withApiOptions(group.command('list').description('List the roles: the built-in ones first, then yours'), [
    'portcullis roles list',
    'portcullis roles list --json | jq -r \'.[] | select(.name == "Read only") | .id\'',
  ]).action(async (options: ApiCommandOptions) => {
    printRecords(await (await api(options)).listAll<RoleRecord>('roles'), columns, options);
  });

  withApiOptions(
    group
      .command('get')
      .description('Show one role and its permissions')
      .argument('<role>', 'its name or id'),
    ['portcullis roles get "Read only"'],
  ).action(async (nameOrId: string, options: ApiCommandOptions) => {
    const client = await api(options);
    const id = await roleIdOf(client, nameOrId);
    printRecord(await client.call<RoleRecord>('GET', `roles/${id}`), fields, options);
  });

  withApiOptions(
    group
      .command('create')
      .description('Create a role, within your own permissions')
      .argument('<name>', 'unique in the organization')
      .requiredOption(
        '--permission <permission>',
        'resource:action, * on either side; repeat for more',
        collect,
      )
      .option('--description <text>', 'what it is for'),
    ['portcullis roles create incident-reader --permission incidents:get --permission incidents:list'],
  ).action(async (name: string, options: RoleOptions) => {
    const client = await api(options);
    printRecord(
      await client.call<RoleRecord>('POST', 'roles', { ...bodyOf(options), name }),
      fields,
      options,
    );
  });

  withApiOptions(
    group
      .command('edit')
      .description('Change a custom role; its holders have the new permissions at once')
      .argument('<role>', 'its name or id')
      .option('--name <name>', 'a new name')
      .option(
        '--permission <permission>',
        'the permissions, replacing the old ones; repeat for more',
        collect,
      )
      .option('--description <text>', 'a new description'),
    ['portcullis roles edit incident-reader --permission incidents:list'],
  ).action(async (nameOrId: string, options: RoleOptions) => {
    const body = bodyOf(options);
    if (Object.keys(body).length === 0) throw new CommandFailure(exitCodes.usage, 'nothing to change');
    const client = await api(options);
    const id = await roleIdOf(client, nameOrId);
    printRecord(await client.call<RoleRecord>('PATCH', `roles/${id}`, body), fields, options);
  });

  withApiOptions(
    group
      .command('delete')
      .description('Delete a custom role; its holders lose it at once')
      .argument('<role>', 'its name or id'),
    ['portcullis roles delete incident-reader'],
  ).action(async (nameOrId: string, options: ApiCommandOptions) => {
    const client = await api(options);
    const id = await roleIdOf(client, nameOrId);
    await client.call('DELETE', `roles/${id}`);
    printDone(`deleted role ${nameOrId} (${id})`, options, { deleted: id });
  });
}
