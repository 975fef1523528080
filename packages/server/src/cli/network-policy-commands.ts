import type { Command } from 'commander';
import { ApiClient } from './api-client.js';
import { type ApiCommandOptions, withApiOptions } from './api-command-options.js';
import { openApiConnection } from './api-connection.js';
import { CommandFailure, exitCodes } from './command-failure.js';
import { networkPolicyIdOf } from './name-lookup.js';
import { type Column, printDone, printRecord, printRecords } from './record-output.js';

interface PolicyRecord {
  id: string;
  name: string;
  description: string;
  allowed: string[];
  blocked: string[];
  createdAt: string;
  attachedTo?: {
    organization: boolean;
    logins: { email: string }[];
    serviceAccounts: { name: string }[];
  };
}

const columns: Column<PolicyRecord>[] = [
  { heading: 'id', value: (p) => p.id },
  { heading: 'name', value: (p) => p.name },
  { heading: 'allowed', value: (p) => p.allowed },
  { heading: 'blocked', value: (p) => p.blocked },
  { heading: 'description', value: (p) => p.description },
];

const fields: Column<PolicyRecord>[] = [
  ...columns,
  { heading: 'organization’s', value: (p) => p.attachedTo?.organization },
  { heading: 'service accounts', value: (p) => p.attachedTo?.serviceAccounts.map((sa) => sa.name) },
  { heading: 'logins', value: (p) => p.attachedTo?.logins.map((login) => login.email) },
  { heading: 'created', value: (p) => p.createdAt },
];

interface PolicyOptions extends ApiCommandOptions {
  name?: string;
  description?: string;
  allow?: string[];
  block?: string[];
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

function bodyOf(options: PolicyOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: options.name,
    description: options.description,
    allowed: options.allow,
    blocked: options.block,
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/** `portcullis network-policies list|get|create|edit|delete`, over `/api/v1/network-policies`. */
export function addNetworkPolicyCommands(program: Command): void {
  const group = program
    .command('network-policies')
    .description('Network policies: the addresses tokens may be asked from')
    .addHelpText(
      'after',
      '\nExamples:\n  $ portcullis network-policies create office --allow 203.0.113.0/24\n  $ portcullis network-policies list\n',
    );
  const api = async (options: ApiCommandOptions) => new ApiClient(await openApiConnection(options));

  withApiOptions(group.command('list').description('List the network policies of your organization'), [
    'portcullis network-policies list',
  ]).action(async (options: ApiCommandOptions) => {
    printRecords(await (await api(options)).listAll<PolicyRecord>('network-policies'), columns, options);
  });

  withApiOptions(
    group
      .command('get')
      .description('Show one network policy and where it is attached')
      .argument('<policy>', 'its name or id'),
    ['portcullis network-policies get office'],
  ).action(async (nameOrId: string, options: ApiCommandOptions) => {
    const client = await api(options);
    const id = await networkPolicyIdOf(client, nameOrId);
    printRecord(await client.call<PolicyRecord>('GET', `network-policies/${id}`), fields, options);
  });

  withApiOptions(
    group
      .command('create')
      .description('Create a network policy')
      .argument('<name>', 'unique in the organization')
      .option('--allow <cidr>', 'an address or CIDR range allowed; repeat for more', collect)
      .option('--block <cidr>', 'an address or CIDR range blocked; repeat for more', collect)
      .option('--description <text>', 'what it is for'),
    ['portcullis network-policies create office --allow 203.0.113.0/24 --block 203.0.113.7'],
  ).action(async (name: string, options: PolicyOptions) => {
    const client = await api(options);
    printRecord(
      await client.call<PolicyRecord>('POST', 'network-policies', { ...bodyOf(options), name }),
      columns,
      options,
    );
  });

  withApiOptions(
    group
      .command('edit')
      .description('Change a network policy; the lists given replace the old ones')
      .argument('<policy>', 'its name or id')
      .option('--name <name>', 'a new name')
      .option('--allow <cidr>', 'the addresses allowed; repeat for more', collect)
      .option('--block <cidr>', 'the addresses blocked; repeat for more', collect)
      .option('--description <text>', 'a new description'),
    ['portcullis network-policies edit office --allow 203.0.113.0/24 --allow 198.51.100.0/24'],
  ).action(async (nameOrId: string, options: PolicyOptions) => {
    const body = bodyOf(options);
    if (Object.keys(body).length === 0) throw new CommandFailure(exitCodes.usage, 'nothing to change');
    const client = await api(options);
    const id = await networkPolicyIdOf(client, nameOrId);
    printRecord(await client.call<PolicyRecord>('PATCH', `network-policies/${id}`, body), columns, options);
  });

  withApiOptions(
    group
      .command('delete')
      .description('Delete a network policy; refused while attached, unless --cascade')
      .argument('<policy>', 'its name or id')
      .option('--cascade', 'detach it everywhere first'),
    ['portcullis network-policies delete office --cascade'],
  ).action(async (nameOrId: string, options: ApiCommandOptions & { cascade?: boolean }) => {
    const client = await api(options);
    const id = await networkPolicyIdOf(client, nameOrId);
    await client.call('DELETE', `network-policies/${id}${options.cascade ? '?cascade=true' : ''}`);
    printDone(`deleted network policy ${nameOrId} (${id})`, options, { deleted: id });
  });
}
