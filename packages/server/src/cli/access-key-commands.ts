import type { Command } from 'commander';
import { ApiClient } from './api-client.js';
import { type ApiCommandOptions, withApiOptions } from './api-command-options.js';
import { openApiConnection } from './api-connection.js';
import { type Column, printDone, printRecord, printRecords } from './record-output.js';

/** One of the caller's access keys as `/api/v1/users/me/access-keys` shows it. */
interface AccessKeyRecord {
  accessKey: string;
  description: string;
  validTo: string | null;
  timezone: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

/** What creating one answers: the only answer that holds its secret key. */
interface CreatedAccessKey extends Omit<AccessKeyRecord, 'lastUsedAt' | 'description'> {
  secretKey: string;
}

const columns: Column<AccessKeyRecord>[] = [
  { heading: 'access key', value: (k) => k.accessKey },
  { heading: 'description', value: (k) => k.description },
  { heading: 'valid to', value: (k) => k.validTo },
  { heading: 'last used', value: (k) => k.lastUsedAt },
  { heading: 'created', value: (k) => k.createdAt },
];

const createdFields: Column<CreatedAccessKey>[] = [
  { heading: 'access key', value: (k) => k.accessKey },
  { heading: 'secret key', value: (k) => k.secretKey },
  { heading: 'valid to', value: (k) => k.validTo },
];

interface CreateOptions extends ApiCommandOptions {
  description?: string;
  validTo?: string;
  timezone?: string;
}

/**
 * `portcullis access-keys list|create|delete`: the caller's own key pairs (Firefly's), over
 * `/api/v1/users/me/access-keys`. A pair acts with exactly the caller's rights, at `POST /v2/login` or as
 * HTTP Basic.
 */
export function addAccessKeyCommands(program: Command): void {
  const group = program
    .command('access-keys')
    .description('Your own access key pairs (for POST /v2/login and Basic auth), acting with your rights')
    .addHelpText(
      'after',
      '\nExamples:\n  $ portcullis access-keys create --description "terraform on my laptop"\n  $ portcullis access-keys list\n  $ portcullis access-keys delete sa_01j…\n',
    );
  const api = async (options: ApiCommandOptions) => new ApiClient(await openApiConnection(options));

  withApiOptions(group.command('list').description('List your access keys (never the secret keys)'), [
    'portcullis access-keys list',
    'portcullis access-keys list --json | jq -r ".[].accessKey"',
  ]).action(async (options: ApiCommandOptions) => {
    printRecords(
      await (await api(options)).listAll<AccessKeyRecord>('users/me/access-keys'),
      columns,
      options,
    );
  });

  withApiOptions(
    group
      .command('create')
      .description('Create an access key pair acting as you; the secret key is shown only now')
      .option('--description <text>', 'what it is for')
      .option('--valid-to <time>', 'when it stops working, e.g. 2027-06-30T18:00 (required where capped)')
      .option('--timezone <zone>', 'the IANA zone --valid-to is read in (default UTC)'),
    [
      'portcullis access-keys create --description "terraform on my laptop"',
      'portcullis access-keys create --valid-to 2027-01-01 --json | jq -r .secretKey',
    ],
  ).action(async (options: CreateOptions) => {
    const connection = await openApiConnection(options);
    const body = Object.fromEntries(
      Object.entries({
        description: options.description,
        validTo: options.validTo,
        timezone: options.timezone,
      }).filter(([, value]) => value !== undefined),
    );
    const created = await new ApiClient(connection).call<CreatedAccessKey>(
      'POST',
      'users/me/access-keys',
      body,
    );
    printRecord(created, createdFields, options);
    if (!options.json) {
      const login = new URL('v2/login', connection.url).href;
      process.stdout.write(
        `The secret key is shown only now: keep it safe. A token with it:\n  curl -sS ${login} -H 'content-type: application/json' -d '${JSON.stringify({ accessKey: created.accessKey, secretKey: created.secretKey })}'\n`,
      );
    }
  });

  withApiOptions(
    group
      .command('delete')
      .description('Delete one of your access keys; it and its tokens stop at once')
      .argument('<access-key>', 'the access key "access-keys list" shows'),
    ['portcullis access-keys delete sa_01j…'],
  ).action(async (accessKey: string, options: ApiCommandOptions) => {
    await (await api(options)).call('DELETE', `users/me/access-keys/${encodeURIComponent(accessKey)}`);
    printDone(`deleted access key ${accessKey}`, options, { deleted: accessKey });
  });
}
