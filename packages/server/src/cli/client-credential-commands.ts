import { type Command, InvalidArgumentError, Option } from 'commander';
import { ApiClient } from './api-client.js';
import { type ApiCommandOptions, withApiOptions } from './api-command-options.js';
import { openApiConnection } from './api-connection.js';
import { CommandFailure, exitCodes } from './command-failure.js';
import { clientCredentialIdOf } from './name-lookup.js';
import { type Column, printDone, printRecord, printRecords } from './record-output.js';
import { type GeneratedSecret, generatedFields, graceSeconds, printSecretAdvice } from './secret-commands.js';

/** One of the caller's client credentials as `/api/v1/client-credentials` shows it. */
interface CredentialRecord {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  permissions: string[];
  validTo: string | null;
  timezone: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

/** What creating one answers: the only answer that holds its secret. */
interface CreatedCredential extends CredentialRecord {
  clientId: string;
  clientSecret: string;
}

const columns: Column<CredentialRecord>[] = [
  { heading: 'id (client id)', value: (c) => c.id },
  { heading: 'name', value: (c) => c.name },
  { heading: 'enabled', value: (c) => c.enabled },
  { heading: 'permissions', value: (c) => (c.permissions.length ? c.permissions.join(' ') : 'yours') },
  { heading: 'valid to', value: (c) => c.validTo },
  { heading: 'last used', value: (c) => c.lastUsedAt },
];

const fields: Column<CredentialRecord>[] = [
  ...columns.slice(0, 3),
  { heading: 'description', value: (c) => c.description },
  { heading: 'permissions', value: (c) => (c.permissions.length ? c.permissions.join('\n') : 'yours') },
  { heading: 'valid to', value: (c) => c.validTo },
  { heading: 'timezone', value: (c) => c.timezone },
  { heading: 'last used', value: (c) => c.lastUsedAt },
  { heading: 'created', value: (c) => c.createdAt },
];

const createdFields: Column<CreatedCredential>[] = [
  { heading: 'client id', value: (c) => c.clientId },
  { heading: 'client secret', value: (c) => c.clientSecret },
  { heading: 'name', value: (c) => c.name },
  { heading: 'permissions', value: (c) => (c.permissions.length ? c.permissions.join('\n') : 'yours') },
  { heading: 'valid to', value: (c) => c.validTo },
];

interface CredentialOptions extends ApiCommandOptions {
  name?: string;
  description?: string;
  preset?: 'admin' | 'read_only';
  permission?: string[];
  validTo?: string;
  timezone?: string;
  enable?: boolean;
  disable?: boolean;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

const presetOption = new Option(
  '--preset <preset>',
  'start from Admin (everything you hold) or Read only (get and list)',
).argParser((value) => {
  const preset = { admin: 'admin', 'read-only': 'read_only', read_only: 'read_only' }[value];
  if (!preset) throw new InvalidArgumentError('expected admin or read-only');
  return preset;
});

function bodyOf(options: CredentialOptions): Record<string, unknown> {
  if (options.enable && options.disable) {
    throw new CommandFailure(exitCodes.usage, 'give --enable or --disable, not both');
  }
  const body: Record<string, unknown> = {
    name: options.name,
    description: options.description,
    preset: options.preset,
    permissions: options.permission,
    enabled: options.enable ? true : options.disable ? false : undefined,
    validTo: options.validTo === 'none' ? null : options.validTo,
    timezone: options.timezone,
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/**
 * `portcullis client-credentials list|get|create|edit|new-secret|delete`: the caller's own client
 * credentials (FireTail's), over `/api/v1/client-credentials`. They act as the caller, within the caller's
 * permissions, and shrink with them.
 */
export function addClientCredentialCommands(program: Command): void {
  const group = program
    .command('client-credentials')
    .description('Your own client credentials: a client id and secret acting as you, within your permissions')
    .addHelpText(
      'after',
      '\nExamples:\n  $ portcullis client-credentials create weekly-report --preset read-only --valid-to 2027-01-01\n  $ portcullis client-credentials list\n  $ portcullis client-credentials new-secret weekly-report --grace 1h\n',
    );
  const api = async (options: ApiCommandOptions) => new ApiClient(await openApiConnection(options));

  withApiOptions(group.command('list').description('List your client credentials (never their secrets)'), [
    'portcullis client-credentials list',
    'portcullis client-credentials list --json | jq -r ".[].id"',
  ]).action(async (options: ApiCommandOptions) => {
    printRecords(
      await (await api(options)).listAll<CredentialRecord>('client-credentials'),
      columns,
      options,
    );
  });

  withApiOptions(
    group
      .command('get')
      .description('Show one of your client credentials')
      .argument('<credential>', 'its name or id'),
    ['portcullis client-credentials get weekly-report'],
  ).action(async (nameOrId: string, options: ApiCommandOptions) => {
    const client = await api(options);
    const id = await clientCredentialIdOf(client, nameOrId);
    printRecord(await client.call<CredentialRecord>('GET', `client-credentials/${id}`), fields, options);
  });

  withApiOptions(
    group
      .command('create')
      .description('Create a client credential acting as you; its secret is shown only now')
      .argument('<name>', 'unique in the organization')
      .option('--description <text>', 'what it is for')
      .addOption(presetOption)
      .option('--permission <resource:action>', 'a permission it is granted; repeat for more', collect)
      .option('--valid-to <time>', 'when it stops working, e.g. 2027-06-30T18:00 (required where capped)')
      .option('--timezone <zone>', 'the IANA zone --valid-to is read in (default UTC)'),
    [
      'portcullis client-credentials create weekly-report --preset read-only',
      'portcullis client-credentials create ci --permission incidents:list --permission incidents:get --valid-to 2027-01-01',
      'portcullis client-credentials create ci --json | jq -r .clientSecret',
    ],
  ).action(async (name: string, options: CredentialOptions) => {
    const connection = await openApiConnection(options);
    const created = await new ApiClient(connection).call<CreatedCredential>('POST', 'client-credentials', {
      ...bodyOf(options),
      name,
    });
    printRecord(created, createdFields, options);
    if (!options.json) {
      printSecretAdvice(connection, created);
    }
  });

  withApiOptions(
    group
      .command('edit')
      .description('Change one of your client credentials; new permissions must lie within yours')
      .argument('<credential>', 'its name or id')
      .option('--name <name>', 'a new name')
      .option('--description <text>', 'a new description')
      .addOption(presetOption)
      .option('--permission <resource:action>', 'grant exactly these permissions; repeat for more', collect)
      .option('--enable', 'let it get tokens again')
      .option('--disable', 'stop it and its tokens')
      .option('--valid-to <time>', 'when it stops working, or none for never')
      .option('--timezone <zone>', 'the IANA zone --valid-to is read in (default UTC)'),
    [
      'portcullis client-credentials edit weekly-report --disable',
      'portcullis client-credentials edit weekly-report --valid-to 2027-06-30T18:00 --timezone Europe/Berlin',
    ],
  ).action(async (nameOrId: string, options: CredentialOptions) => {
    const body = bodyOf(options);
    if (Object.keys(body).length === 0) throw new CommandFailure(exitCodes.usage, 'nothing to change');
    const client = await api(options);
    const id = await clientCredentialIdOf(client, nameOrId);
    printRecord(
      await client.call<CredentialRecord>('PATCH', `client-credentials/${id}`, body),
      fields,
      options,
    );
  });

  withApiOptions(
    group
      .command('new-secret')
      .description(
        'A new secret for one of your client credentials; the old one stops at once, or after --grace',
      )
      .argument('<credential>', 'its name or id')
      .option(
        '--grace <duration>',
        'keep the old secret working this long (e.g. 1h, at most 7d)',
        graceSeconds,
      ),
    [
      'portcullis client-credentials new-secret weekly-report',
      'portcullis client-credentials new-secret weekly-report --grace 1h --json | jq -r .clientSecret',
    ],
  ).action(async (nameOrId: string, options: ApiCommandOptions & { grace?: number }) => {
    const connection = await openApiConnection(options);
    const client = new ApiClient(connection);
    const id = await clientCredentialIdOf(client, nameOrId);
    const generated = await client.call<GeneratedSecret>(
      'POST',
      `client-credentials/${id}/secrets`,
      options.grace ? { gracePeriodSeconds: options.grace } : undefined,
    );
    printRecord(generated, generatedFields, options);
    if (!options.json) {
      printSecretAdvice(connection, generated);
    }
  });

  withApiOptions(
    group
      .command('delete')
      .description('Delete one of your client credentials; it and its tokens stop at once')
      .argument('<credential>', 'its name or id'),
    ['portcullis client-credentials delete weekly-report'],
  ).action(async (nameOrId: string, options: ApiCommandOptions) => {
    const client = await api(options);
    const id = await clientCredentialIdOf(client, nameOrId);
    await client.call('DELETE', `client-credentials/${id}`);
    printDone(`deleted client credential ${nameOrId} (${id})`, options, { deleted: id });
  });
}
