import type { Command } from 'commander';
import { ApiClient } from './api-client.js';
import { type ApiCommandOptions, withApiOptions } from './api-command-options.js';
import { openApiConnection } from './api-connection.js';
import { CommandFailure, exitCodes } from './command-failure.js';
import { networkPolicyIdOf, serviceAccountIdOf } from './name-lookup.js';
import { type Column, printDone, printRecord, printRecords } from './record-output.js';

/** A service account as `/api/v1/service-accounts` shows it. */
export interface ServiceAccountRecord {
  id: string;
  name: string;
  description: string;
  isOrganizationAdmin: boolean;
  enabled: boolean;
  networkPolicyId: string | null;
  validTo: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

const columns: Column<ServiceAccountRecord>[] = [
  { heading: 'id (client id)', value: (sa) => sa.id },
  { heading: 'name', value: (sa) => sa.name },
  { heading: 'enabled', value: (sa) => sa.enabled },
  { heading: 'admin', value: (sa) => sa.isOrganizationAdmin },
  { heading: 'description', value: (sa) => sa.description },
  { heading: 'last used', value: (sa) => sa.lastUsedAt },
];

const fields: Column<ServiceAccountRecord>[] = [
  ...columns.slice(0, 4),
  { heading: 'description', value: (sa) => sa.description },
  { heading: 'network policy', value: (sa) => sa.networkPolicyId },
  { heading: 'valid to', value: (sa) => sa.validTo },
  { heading: 'last used', value: (sa) => sa.lastUsedAt },
  { heading: 'created', value: (sa) => sa.createdAt },
];

interface CreateOptions extends ApiCommandOptions {
  description?: string;
  admin?: boolean;
  networkPolicy?: string;
  validTo?: string;
  timezone?: string;
}

interface EditOptions extends CreateOptions {
  name?: string;
  enable?: boolean;
  disable?: boolean;
}

const api = async (options: ApiCommandOptions) => new ApiClient(await openApiConnection(options));

/** The fields of a create or edit body that the options set, and only those; a policy named by its id. */
async function bodyOf(client: ApiClient, options: EditOptions): Promise<Record<string, unknown>> {
  if (options.enable && options.disable) {
    throw new CommandFailure(exitCodes.usage, 'give --enable or --disable, not both');
  }
  const none = (value: string | undefined) => (value === 'none' ? null : value);
  const body: Record<string, unknown> = {
    name: options.name,
    description: options.description,
    isOrganizationAdmin: options.admin,
    enabled: options.enable ? true : options.disable ? false : undefined,
    networkPolicyId:
      options.networkPolicy && options.networkPolicy !== 'none'
        ? await networkPolicyIdOf(client, options.networkPolicy)
        : none(options.networkPolicy),
    validTo: none(options.validTo),
    timezone: options.timezone,
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/** `portcullis service-accounts list|get|create|edit|delete`, over `/api/v1/service-accounts`. */
export function addServiceAccountCommands(program: Command): void {
  const group = program
    .command('service-accounts')
    .alias('sa')
    .description('Service accounts: the identities programs act as (their id is the OAuth client_id)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ portcullis service-accounts create nightly-etl --description "loads the warehouse"\n  $ portcullis service-accounts list\n  $ portcullis service-accounts edit nightly-etl --disable\n',
    );

  withApiOptions(
    group
      .command('list')
      .description('List the service accounts of your organization')
      .option('--name <text>', 'only those whose name contains it (ignoring case)'),
    [
      'portcullis service-accounts list',
      'portcullis service-accounts list --name etl --json | jq -r ".[].id"',
    ],
  ).action(async (options: ApiCommandOptions & { name?: string }) => {
    const client = await api(options);
    const items = await client.listAll<ServiceAccountRecord>(
      'service-accounts',
      options.name ? { name: options.name } : {},
    );
    printRecords(items, columns, options);
  });

  withApiOptions(
    group
      .command('get')
      .description('Show one service account')
      .argument('<service-account>', 'its name or id'),
    ['portcullis service-accounts get nightly-etl', 'portcullis service-accounts get sa_01j… --json'],
  ).action(async (nameOrId: string, options: ApiCommandOptions) => {
    const client = await api(options);
    const id = await serviceAccountIdOf(client, nameOrId);
    printRecord(await client.call<ServiceAccountRecord>('GET', `service-accounts/${id}`), fields, options);
  });

  withApiOptions(
    group
      .command('create')
      .description('Create a service account (then: secrets generate, and users create --service-account)')
      .argument('<name>', 'unique in the organization')
      .option('--description <text>', 'what it is for')
      .option('--admin', 'an organization admin: everything in every account (needs an organization admin)')
      .option('--network-policy <id>', 'the network policy (name or id) its tokens are asked from within')
      .option('--valid-to <time>', 'when it stops working, e.g. 2027-06-30T18:00 or 2027-06-30T18:00Z')
      .option('--timezone <zone>', 'the IANA zone --valid-to is read in (default UTC)'),
    [
      'portcullis service-accounts create nightly-etl --description "loads the warehouse"',
      'SA=$(portcullis service-accounts create ci --json | jq -r .id)',
    ],
  ).action(async (name: string, options: CreateOptions) => {
    const client = await api(options);
    const created = await client.call<ServiceAccountRecord>('POST', 'service-accounts', {
      ...(await bodyOf(client, options)),
      name,
    });
    printRecord(created, fields, options);
  });

  withApiOptions(
    group
      .command('edit')
      .description('Change a service account; disabling it stops its tokens at once')
      .argument('<service-account>', 'its name or id')
      .option('--name <name>', 'a new name')
      .option('--description <text>', 'a new description')
      .option('--admin', 'make it an organization admin')
      .option('--no-admin', 'make it no organization admin')
      .option('--enable', 'let it get tokens again')
      .option('--disable', 'stop it and its tokens')
      .option('--network-policy <id>', 'a network policy (name or id), or none to remove it')
      .option('--valid-to <time>', 'when it stops working, or none for never')
      .option('--timezone <zone>', 'the IANA zone --valid-to is read in (default UTC)'),
    [
      'portcullis service-accounts edit nightly-etl --disable',
      'portcullis service-accounts edit nightly-etl --valid-to 2027-06-30T18:00 --timezone Europe/Berlin',
    ],
  ).action(async (nameOrId: string, options: EditOptions) => {
    const client = await api(options);
    const body = await bodyOf(client, options);
    if (Object.keys(body).length === 0) throw new CommandFailure(exitCodes.usage, 'nothing to change');
    const id = await serviceAccountIdOf(client, nameOrId);
    printRecord(
      await client.call<ServiceAccountRecord>('PATCH', `service-accounts/${id}`, body),
      fields,
      options,
    );
  });

  withApiOptions(
    group
      .command('delete')
      .description('Delete a service account; refused while users are tied to it')
      .argument('<service-account>', 'its name or id'),
    ['portcullis service-accounts delete nightly-etl'],
  ).action(async (nameOrId: string, options: ApiCommandOptions) => {
    const client = await api(options);
    const id = await serviceAccountIdOf(client, nameOrId);
    await client.call('DELETE', `service-accounts/${id}`);
    printDone(`deleted service account ${nameOrId} (${id})`, options, { deleted: id });
  });
}
