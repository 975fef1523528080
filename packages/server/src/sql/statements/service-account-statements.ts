import { isPortcullisError, PortcullisError } from '@portcullis/core/errors';
import type {
  AlterServiceAccount,
  CreateServiceAccount,
  DropServiceAccount,
  GenerateServiceAccountKey,
  RenameServiceAccount,
} from '@portcullis/sql';
import {
  networkPolicyNamed,
  required,
  serviceAccountNamed,
  unlessMissing,
} from '../../services/object-names/objects-named.js';
import { createServiceAccount } from '../../services/service-accounts/create-service-account.js';
import { deleteServiceAccount } from '../../services/service-accounts/delete-service-account.js';
import { generateSecret } from '../../services/service-accounts/generate-secret.js';
import { updateServiceAccount } from '../../services/service-accounts/update-service-account.js';
import { noRows, type StatementResult } from '../sql-outcome.js';
import { type StatementContext, unlessExists } from './statement-context.js';

const serviceAccount = (s: StatementContext, name: string, action: 'update' | 'delete') =>
  required(serviceAccountNamed(s.ctx, s.caller, name, action), 'Service account', name);

/** A referenced policy must exist; `null` (DEFAULT) detaches. */
export async function policyId(s: StatementContext, name: { value: string } | null | undefined) {
  if (name === undefined) return undefined;
  if (name === null) return null;
  return required(networkPolicyNamed(s.ctx, s.caller, name.value, 'get'), 'Network policy', name.value);
}

export async function createServiceAccountStatement(
  s: StatementContext,
  st: CreateServiceAccount,
): Promise<StatementResult> {
  if (st.ifNotExists && (await serviceAccountNamed(s.ctx, s.caller, st.name.value, 'create'))) return noRows;
  const networkPolicyId = (await policyId(s, st.networkPolicy)) ?? undefined;
  await unlessExists(st.ifNotExists, 'service_account_exists', () =>
    createServiceAccount(s.ctx, s.caller, {
      name: st.name.value,
      description: st.description?.value,
      isOrganizationAdmin: st.isOrganizationAdmin,
      networkPolicyId,
      connectionPreference: st.connectionPreference ?? undefined,
    }),
  );
  return noRows;
}

export async function alterServiceAccountStatement(
  s: StatementContext,
  st: AlterServiceAccount,
): Promise<StatementResult> {
  const id = await serviceAccount(s, st.name.value, 'update');
  await updateServiceAccount(s.ctx, s.caller, id, {
    networkPolicyId: await policyId(s, st.networkPolicy),
    description: st.description === undefined ? undefined : (st.description?.value ?? ''),
    isOrganizationAdmin: st.isOrganizationAdmin,
    connectionPreference: st.connectionPreference,
    enabled: st.isEnabled,
  });
  return noRows;
}

export async function renameServiceAccountStatement(
  s: StatementContext,
  st: RenameServiceAccount,
): Promise<StatementResult> {
  const id = await serviceAccount(s, st.name.value, 'update');
  await updateServiceAccount(s.ctx, s.caller, id, { name: st.newName.value });
  return noRows;
}

interface LinkedUser {
  name: string;
}

/** Firebolt's refusal, with the statement that unlinks each user. */
function linkedRefusal(error: PortcullisError, name: string): PortcullisError {
  const users = ((error.details as { users?: LinkedUser[] } | undefined)?.users ?? []).map((u) => u.name);
  const unlink = users.map((u) => `ALTER USER "${u.replaceAll('"', '""')}" SET SERVICE_ACCOUNT = DEFAULT;`);
  return new PortcullisError(
    error.code,
    `Service account "${name}" is tied to ${users.length === 1 ? 'user' : 'users'} ${users.map((u) => `"${u}"`).join(', ')}; unlink ${users.length === 1 ? 'it' : 'them'} first: ${unlink.join(' ')}`,
    { details: error.details },
  );
}

export async function dropServiceAccountStatement(
  s: StatementContext,
  st: DropServiceAccount,
): Promise<StatementResult> {
  const lookup = serviceAccountNamed(s.ctx, s.caller, st.name.value, 'delete');
  const id = await unlessMissing(lookup, st.ifExists, 'Service account', st.name.value);
  if (id === undefined) return noRows;
  try {
    await deleteServiceAccount(s.ctx, s.caller, id);
  } catch (error) {
    if (isPortcullisError(error) && error.code === 'service_account_linked') {
      throw linkedRefusal(error, st.name.value);
    }
    throw error;
  }
  return noRows;
}

/**
 * Firebolt's key: a new secret, the previous one stops working at once. The row carries the client id as
 * `service_account_id` — what `/oauth/token` takes as `client_id` — and the secret, shown this once.
 */
export async function generateServiceAccountKeyStatement(
  s: StatementContext,
  st: GenerateServiceAccountKey,
): Promise<StatementResult> {
  const name = st.serviceAccount.value;
  const id = await serviceAccount(s, name, 'update');
  const generated = await generateSecret(s.ctx, s.caller, id);
  return {
    columns: [
      { name: 'service_account_name', type: 'text' },
      { name: 'service_account_id', type: 'text' },
      { name: 'secret', type: 'text' },
    ],
    rows: [[name, generated.clientId, generated.clientSecret]],
  };
}
