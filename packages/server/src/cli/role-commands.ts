import type { Command } from 'commander';
import { ApiClient } from './api-client.js';
import { type ApiCommandOptions, withApiOptions } from './api-command-options.js';
import { openApiConnection } from './api-connection.js';
import { roleIdOf } from './name-lookup.js';
import { type Column, printRecord, printRecords } from './record-output.js';

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

/** `portcullis roles list|get`, over `/api/v1/roles`. */
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
}
