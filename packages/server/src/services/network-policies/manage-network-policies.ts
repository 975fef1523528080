import { PortcullisError } from '@portcullis/core/errors';
import { newId } from '@portcullis/core/ids';
import { parseEntries } from '@portcullis/core/network-policies';
import {
  deleteNetworkPolicy as deletePolicyRow,
  detachPolicy,
  findNamedPolicyAttachments,
  findPolicyAttachments,
  insertNetworkPolicy,
  listNetworkPolicies,
  type NamedPolicyAttachments,
  type NetworkPolicy,
  updateNetworkPolicy,
} from '../../store/repositories/network-policies.js';
import type { Page, PageRequest } from '../../store/repositories/page.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { organizationOf, requirePermission } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { asConflict } from '../unique-conflicts.js';
import { findPolicyOfOrganization } from './policy-lookup.js';

/**
 * A policy's edit. The lists replace the current ones, or with `entries` (Firebolt's ALTER NETWORK POLICY …
 * ADD | REMOVE) are added to them or taken from them.
 */
export interface NetworkPolicyUpdate extends Partial<NetworkPolicyInput> {
  entries?: 'add' | 'remove' | undefined;
}

export interface NetworkPolicyInput {
  name: string;
  description?: string | undefined;
  allowed?: readonly string[] | undefined;
  blocked?: readonly string[] | undefined;
}

function entries(field: 'allowed' | 'blocked', list: readonly string[] | undefined): string[] {
  const { entries: valid, invalid } = parseEntries(list ?? []);
  if (invalid.length > 0) {
    throw new PortcullisError(
      'invalid_network_entry',
      `Not an IP address or CIDR range: ${invalid.join(', ')}.`,
      {
        details: { field, invalid },
      },
    );
  }
  return valid;
}

export async function listPolicies(
  ctx: ServiceContext,
  caller: Caller,
  page: PageRequest,
): Promise<Page<NetworkPolicy>> {
  requirePermission(caller.actor, 'portcullis.network_policies', 'list');
  return listNetworkPolicies(ctx.db, organizationOf(caller.actor), page);
}

/** A policy and where it is attached, so a person sees what a change to it affects. */
export async function getPolicy(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
): Promise<{ policy: NetworkPolicy; attachedTo: NamedPolicyAttachments }> {
  requirePermission(caller.actor, 'portcullis.network_policies', 'get');
  const policy = await findPolicyOfOrganization(ctx, organizationOf(caller.actor), id);
  return { policy, attachedTo: await findNamedPolicyAttachments(ctx.db, policy.id) };
}

export async function createPolicy(
  ctx: ServiceContext,
  caller: Caller,
  input: NetworkPolicyInput,
): Promise<NetworkPolicy> {
  requirePermission(caller.actor, 'portcullis.network_policies', 'create');
  const now = ctx.clock();
  const policy: NetworkPolicy = {
    id: newId('networkPolicy'),
    organizationId: organizationOf(caller.actor),
    name: input.name,
    description: input.description ?? '',
    allowed: entries('allowed', input.allowed),
    blocked: entries('blocked', input.blocked),
    createdAt: now,
    updatedAt: now,
  };
  try {
    await inTransaction(ctx, async (tx) => {
      await insertNetworkPolicy(tx.db, policy);
      await recordAuditEvent(tx.db, caller, now, {
        organizationId: policy.organizationId,
        action: 'network_policy.created',
        targetType: 'network_policy',
        targetId: policy.id,
        details: { name: policy.name, allowed: policy.allowed, blocked: policy.blocked },
      });
    });
  } catch (error) {
    throw asConflict(error);
  }
  return policy;
}

export async function updatePolicy(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
  changes: NetworkPolicyUpdate,
): Promise<NetworkPolicy> {
  requirePermission(caller.actor, 'portcullis.network_policies', 'update');
  const now = ctx.clock();
  const allowed = changes.allowed && entries('allowed', changes.allowed);
  const blocked = changes.blocked && entries('blocked', changes.blocked);
  try {
    return await inTransaction(ctx, async (tx) => {
      const policy = await findPolicyOfOrganization(tx, organizationOf(caller.actor), id);
      // Entry by entry, on the lists as they are now, inside the transaction.
      const edit = (field: 'allowed' | 'blocked', current: readonly string[], given?: readonly string[]) => {
        if (!given || !changes.entries) return undefined;
        const list = entries(field, given);
        return changes.entries === 'add'
          ? entries(field, [...current, ...list.filter((entry) => !current.includes(entry))])
          : current.filter((entry) => !list.includes(entry));
      };
      const updated: NetworkPolicy = {
        ...policy,
        name: changes.name ?? policy.name,
        description: changes.description ?? policy.description,
        allowed: edit('allowed', policy.allowed, changes.allowed) ?? allowed ?? policy.allowed,
        blocked: edit('blocked', policy.blocked, changes.blocked) ?? blocked ?? policy.blocked,
        updatedAt: now,
      };
      await updateNetworkPolicy(tx.db, updated);
      await recordAuditEvent(tx.db, caller, now, {
        organizationId: policy.organizationId,
        action: 'network_policy.updated',
        targetType: 'network_policy',
        targetId: policy.id,
        details: { name: updated.name, allowed: updated.allowed, blocked: updated.blocked },
      });
      return updated;
    });
  } catch (error) {
    throw asConflict(error);
  }
}

/** Firebolt's RESTRICT / CASCADE: an attached policy is kept unless the caller asks to detach it everywhere. */
export async function deletePolicy(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
  cascade: boolean,
): Promise<void> {
  requirePermission(caller.actor, 'portcullis.network_policies', 'delete');
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const policy = await findPolicyOfOrganization(tx, organizationOf(caller.actor), id);
    const attachments = await findPolicyAttachments(tx.db, policy.id);
    const attached = Object.values(attachments).some((list) => list.length > 0);
    if (attached && !cascade) {
      throw new PortcullisError(
        'network_policy_attached',
        'The policy is still attached; detach it or delete with cascade=true.',
        {
          details: attachments,
        },
      );
    }
    if (attached) await detachPolicy(tx.db, policy.id);
    await deletePolicyRow(tx.db, policy.id);
    await recordAuditEvent(tx.db, caller, now, {
      organizationId: policy.organizationId,
      action: 'network_policy.deleted',
      targetType: 'network_policy',
      targetId: policy.id,
      details: { name: policy.name, detached: attached ? attachments : null },
    });
  });
}
