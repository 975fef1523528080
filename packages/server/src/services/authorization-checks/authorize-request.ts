import { missingForSearch, PermissionSet } from '@portcullis/core/permissions';
import type { Actor, ServiceContext } from '../context.js';

export interface AuthorizeQuery {
  permissions?: readonly string[] | undefined;
  /** Resource types a search would cover: adds FireTail's search rule. */
  search?: readonly string[] | undefined;
}

export interface AuthorizeAnswer {
  allowed: boolean;
  missing: string[];
}

/**
 * "May this token do these things?" for resource servers in any language. The answer uses the token's
 * live effective permissions, so it reflects downgrades the token's own `scope` claim cannot.
 */
export function authorizeRequest(ctx: ServiceContext, actor: Actor, query: AuthorizeQuery): AuthorizeAnswer {
  const held = actor.permissions ?? PermissionSet.empty(ctx.catalog);
  const required = PermissionSet.parse(ctx.catalog, query.permissions ?? []);
  const missing = required.minus(held).cells();
  if (query.search) {
    for (const item of missingForSearch(held, query.search)) if (!missing.includes(item)) missing.push(item);
  }
  return { allowed: missing.length === 0, missing };
}
