import { notFound } from '@portcullis/core/errors';
import { findNetworkPolicy, type NetworkPolicy } from '../../store/repositories/network-policies.js';
import type { ServiceContext } from '../context.js';

/** A policy can only be attached within its own organization; another's answers 404 like any object. */
export async function findPolicyOfOrganization(
  ctx: ServiceContext,
  organizationId: string,
  id: string,
): Promise<NetworkPolicy> {
  const policy = await findNetworkPolicy(ctx.db, organizationId, id);
  if (!policy) throw notFound('Network policy');
  return policy;
}
