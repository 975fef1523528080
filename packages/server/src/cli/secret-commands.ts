import { type Command, InvalidArgumentError } from 'commander';
import { ApiClient } from './api-client.js';
import { type ApiCommandOptions, withApiOptions } from './api-command-options.js';
import { type ApiConnection, openApiConnection } from './api-connection.js';
import { serviceAccountIdOf } from './name-lookup.js';
import { type Column, printDone, printRecord, printRecords } from './record-output.js';

/** What `POST /api/v1/service-accounts/{id}/secrets` answers: the only answer that holds the secret. */
export interface GeneratedSecret {
  clientId: string;
  clientSecret: string;
  secretId: string;
  displayPrefix: string;
  createdAt: string;
}

interface SecretRecord {
  id: string;
  displayPrefix: string;
  status: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const secretColumns: Column<SecretRecord>[] = [
  { heading: 'id', value: (s) => s.id },
  { heading: 'prefix', value: (s) => s.displayPrefix },
  { heading: 'status', value: (s) => s.status },
  { heading: 'created', value: (s) => s.createdAt },
  { heading: 'expires', value: (s) => s.expiresAt },
  { heading: 'last used', value: (s) => s.lastUsedAt },
];

export const generatedFields: Column<GeneratedSecret>[] = [
  { heading: 'client id', value: (g) => g.clientId },
  { heading: 'client secret', value: (g) => g.clientSecret },
  { heading: 'secret id', value: (g) => g.secretId },
];

const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** A grace period: seconds, or a number with s, m, h or d. */
export function graceSeconds(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (!match) throw new InvalidArgumentError('expected seconds, or a number with s, m, h or d (e.g. 1h)');
  return Number(match[1]) * (units[match[2] || 's'] ?? 1);
}

/** A new secret for a service account; the previous one keeps working for `grace` seconds. */
export async function generateSecret(api: ApiClient, serviceAccountId: string, grace = 0) {
  return api.call<GeneratedSecret>(
    'POST',
    `service-accounts/${serviceAccountId}/secrets`,
    grace ? { gracePeriodSeconds: grace } : undefined,
  );
}

/** A command a person can paste to get a token with the new secret. */
function tokenCurl(
  connection: ApiConnection,
  generated: Pick<GeneratedSecret, 'clientId' | 'clientSecret'>,
): string {
  const endpoint = new URL('oauth/token', connection.url).href;
  return `curl -sS -u '${generated.clientId}:${generated.clientSecret}' -d grant_type=client_credentials ${endpoint}`;
}

/** After a secret's record, for a person: it will not be shown again, and how to use it. */
export function printSecretAdvice(
  connection: ApiConnection,
  generated: Pick<GeneratedSecret, 'clientId' | 'clientSecret'>,
): void {
  process.stdout.write(
    `The secret is shown only now: keep it safe. A token with it:\n  ${tokenCurl(connection, generated)}\n`,
  );
}

/** `portcullis secrets generate|list|revoke`, over `/api/v1/service-accounts/{id}/secrets`. */
export function addSecretCommands(program: Command): void {
  const group = program
    .command('secrets')
    .description("Service accounts' client secrets: generate (shown once), list, revoke")
    .addHelpText(
      'after',
      '\nExamples:\n  $ portcullis secrets generate nightly-etl --grace 1h\n  $ portcullis secrets list nightly-etl\n  $ portcullis secrets revoke nightly-etl sec_01j…\n',
    );

  withApiOptions(
    group
      .command('generate')
      .description('Generate a secret; the previous one stops at once, or after --grace')
      .argument('<service-account>', 'its name or id')
      .option(
        '--grace <duration>',
        'keep the previous secret working this long (e.g. 1h, at most 7d)',
        graceSeconds,
      ),
    [
      'portcullis secrets generate nightly-etl',
      'portcullis secrets generate nightly-etl --grace 1h --json | jq -r .clientSecret',
    ],
  ).action(async (nameOrId: string, options: ApiCommandOptions & { grace?: number }) => {
    const connection = await openApiConnection(options);
    const client = new ApiClient(connection);
    const generated = await generateSecret(client, await serviceAccountIdOf(client, nameOrId), options.grace);
    printRecord(generated, generatedFields, options);
    if (!options.json) {
      printSecretAdvice(connection, generated);
    }
  });

  withApiOptions(
    group
      .command('list')
      .description("A service account's secrets: prefix, status, dates (never the secret itself)")
      .argument('<service-account>', 'its name or id'),
    ['portcullis secrets list nightly-etl'],
  ).action(async (nameOrId: string, options: ApiCommandOptions) => {
    const client = new ApiClient(await openApiConnection(options));
    const id = await serviceAccountIdOf(client, nameOrId);
    printRecords(
      await client.listAll<SecretRecord>(`service-accounts/${id}/secrets`),
      secretColumns,
      options,
    );
  });

  withApiOptions(
    group
      .command('revoke')
      .description("Revoke one secret; the service account's tokens stop at once")
      .argument('<service-account>', 'its name or id')
      .argument('<secret-id>', 'the id "secrets list" shows'),
    ['portcullis secrets revoke nightly-etl sec_01j…'],
  ).action(async (nameOrId: string, secretId: string, options: ApiCommandOptions) => {
    const client = new ApiClient(await openApiConnection(options));
    const id = await serviceAccountIdOf(client, nameOrId);
    await client.call('DELETE', `service-accounts/${id}/secrets/${encodeURIComponent(secretId)}`);
    printDone(`revoked secret ${secretId} of ${nameOrId}`, options, { revoked: secretId });
  });
}
