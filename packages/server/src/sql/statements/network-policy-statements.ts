import { isPortcullisError, PortcullisError } from '@portcullis/core/errors';
import type {
  AlterNetworkPolicy,
  AlterOrganization,
  CreateNetworkPolicy,
  DropNetworkPolicy,
  RenameNetworkPolicy,
  StringLiteral,
} from '@portcullis/sql';
import {
  createPolicy,
  deletePolicy,
  updatePolicy,
} from '../../services/network-policies/manage-network-policies.js';
import { networkPolicyNamed, required, unlessMissing } from '../../services/object-names/objects-named.js';
import {
  getOwnOrganization,
  updateOwnOrganization,
} from '../../services/organizations/manage-organizations.js';
import { noRows, type StatementResult } from '../sql-outcome.js';
import { policyId } from './service-account-statements.js';
import { type StatementContext, unlessExists } from './statement-context.js';

const values = (list: StringLiteral[] | undefined) => list?.map((item) => item.value);

/** The policy's id, or undefined when it is missing and the statement said IF EXISTS. */
const existingPolicy = (
  s: StatementContext,
  st: { ifExists: boolean; name: { value: string } },
  action: 'update' | 'delete' = 'update',
) =>
  unlessMissing(
    networkPolicyNamed(s.ctx, s.caller, st.name.value, action),
    st.ifExists,
    'Network policy',
    st.name.value,
  );

export async function createNetworkPolicyStatement(
  s: StatementContext,
  st: CreateNetworkPolicy,
): Promise<StatementResult> {
  if (st.ifNotExists && (await networkPolicyNamed(s.ctx, s.caller, st.name.value, 'create'))) return noRows;
  await unlessExists(st.ifNotExists, 'network_policy_exists', () =>
    createPolicy(s.ctx, s.caller, {
      name: st.name.value,
      description: st.description?.value,
      allowed: values(st.allowedIpList),
      blocked: values(st.blockedIpList),
    }),
  );
  return noRows;
}

export async function alterNetworkPolicyStatement(
  s: StatementContext,
  st: AlterNetworkPolicy,
): Promise<StatementResult> {
  const id = await existingPolicy(s, st);
  if (id === undefined) return noRows;
  await updatePolicy(s.ctx, s.caller, id, {
    allowed: values(st.allowedIpList),
    blocked: values(st.blockedIpList),
    description: st.description?.value,
    entries: st.operation === 'set' ? undefined : st.operation,
  });
  return noRows;
}

export async function renameNetworkPolicyStatement(
  s: StatementContext,
  st: RenameNetworkPolicy,
): Promise<StatementResult> {
  const id = await existingPolicy(s, st);
  if (id !== undefined) await updatePolicy(s.ctx, s.caller, id, { name: st.newName.value });
  return noRows;
}

export async function dropNetworkPolicyStatement(
  s: StatementContext,
  st: DropNetworkPolicy,
): Promise<StatementResult> {
  const id = await existingPolicy(s, st, 'delete');
  if (id === undefined) return noRows;
  try {
    await deletePolicy(s.ctx, s.caller, id, st.behavior === 'cascade');
  } catch (error) {
    if (isPortcullisError(error) && error.code === 'network_policy_attached') {
      throw new PortcullisError(
        error.code,
        `Network policy "${st.name.value}" is still attached; detach it, or drop it with CASCADE.`,
        { details: error.details },
      );
    }
    throw error;
  }
  return noRows;
}

/** Only the caller's own organization; naming another answers as if it did not exist. */
export async function alterOrganizationStatement(
  s: StatementContext,
  st: AlterOrganization,
): Promise<StatementResult> {
  if (st.organization && (await getOwnOrganization(s.ctx, s.caller)).name !== st.organization.value) {
    await required(Promise.resolve(undefined), 'Organization', st.organization.value);
  }
  await updateOwnOrganization(s.ctx, s.caller, { networkPolicyId: await policyId(s, st.networkPolicy) });
  return noRows;
}
