import {
  type CompiledPolicy,
  compilePolicy,
  type NetworkVerdict,
  networkVerdict,
} from '@portcullis/core/network-policies';
import { findNetworkPolicy } from '../../store/repositories/network-policies.js';
import type { Organization } from '../../store/repositories/organizations.js';
import type { ServiceContext } from '../context.js';

async function compiled(ctx: ServiceContext, organizationId: string, policyId: string | null) {
  if (!policyId) return undefined;
  const policy = await findNetworkPolicy(ctx.db, organizationId, policyId);
  return policy && compilePolicy(policy.allowed, policy.blocked);
}

/**
 * May a principal (login or service account) with this policy connect from this address? Enforced on the
 * token endpoint and human sign-in (and, with the OAuth standards work, /v2/login and Basic auth).
 */
export async function checkNetworkAccess(
  ctx: ServiceContext,
  org: Organization,
  principalPolicyId: string | null,
  clientAddress: string | null,
): Promise<NetworkVerdict> {
  if (!org.networkPolicyId && !principalPolicyId) return { allowed: true };
  return networkVerdict(
    await compiled(ctx, org.id, org.networkPolicyId),
    await compiled(ctx, org.id, principalPolicyId),
    clientAddress ?? '',
  );
}

export interface AttachedPolicies {
  organization: CompiledPolicy | undefined;
  principal: CompiledPolicy | undefined;
}

/** The policies that apply to a principal, compiled, for callers that keep them between requests. */
export async function attachedPolicies(
  ctx: ServiceContext,
  org: Organization,
  principalPolicyId: string | null,
): Promise<AttachedPolicies> {
  return {
    organization: await compiled(ctx, org.id, org.networkPolicyId),
    principal: await compiled(ctx, org.id, principalPolicyId),
  };
}
