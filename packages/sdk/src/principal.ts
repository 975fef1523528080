import type { PermissionSet } from '@portcullis/core/permissions';
import { BearerError } from './bearer-error.js';
import { insufficientScope } from './bearer-refusal.js';
import type { PermissionChecks } from './permission-checks.js';

/** The claims of a verified Portcullis access token (RFC 9068). */
export interface AccessTokenClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  iat: number;
  jti: string;
  scope?: string;
  client_id?: string;
  org_id?: string;
  account_id?: string;
  [claim: string]: unknown;
}

/** Who called, and what they may do: a verified token. */
export interface Principal {
  /** A service account (`sa_…`) or a person's login. */
  readonly subject: string;
  readonly clientId: string | undefined;
  readonly organizationId: string | undefined;
  readonly accountId: string | undefined;
  readonly tokenId: string;
  /** Unix seconds. */
  readonly issuedAt: number;
  readonly expiresAt: number;
  /** The token's `scope`, as Portcullis wrote it (`*` forms included). */
  readonly scope: string;
  readonly claims: Readonly<AccessTokenClaims>;
  /** `*` stands for every resource or every action: `can('incidents', '*')` needs them all. */
  can(resource: string, action: string): boolean;
  /** Throws a BearerError (403 insufficient_scope naming what is missing) unless every one is held. */
  requireAll(permissions: readonly string[]): void;
  /** Throws unless at least one is held. */
  requireAny(permissions: readonly string[]): void;
  /** FireTail's search rule: `search:create` and `list` on each type searched. */
  canSearch(types: readonly string[]): boolean;
  requireSearch(types: readonly string[]): void;
}

const heldSymbol: unique symbol = Symbol('portcullis.held');

export function createPrincipal(
  claims: AccessTokenClaims,
  checks: PermissionChecks,
  realm: string,
): Principal {
  const scope = typeof claims.scope === 'string' ? claims.scope : '';
  const held: PermissionSet = checks.held(scope);
  const refuse = (missing: string[], mode: 'all' | 'any') => {
    if (missing.length > 0) throw new BearerError(insufficientScope(realm, missing, mode));
  };
  return Object.freeze({
    subject: claims.sub,
    clientId: typeof claims.client_id === 'string' ? claims.client_id : undefined,
    organizationId: typeof claims.org_id === 'string' ? claims.org_id : undefined,
    accountId: typeof claims.account_id === 'string' ? claims.account_id : undefined,
    tokenId: claims.jti,
    issuedAt: claims.iat,
    expiresAt: claims.exp,
    scope,
    // fast-jwt's payload, parsed for this call alone (its cache is off): frozen as it is, not copied.
    claims: Object.freeze(claims),
    can: (resource: string, action: string) => checks.can(held, resource, action),
    requireAll: (permissions: readonly string[]) => refuse(checks.missingAll(held, permissions), 'all'),
    requireAny: (permissions: readonly string[]) => refuse(checks.missingAny(held, permissions), 'any'),
    canSearch: (types: readonly string[]) => checks.missingForSearch(held, types).length === 0,
    requireSearch: (types: readonly string[]) => refuse(checks.missingForSearch(held, types), 'all'),
    [heldSymbol]: held,
  });
}

/** The parsed scope, kept out of the public shape: `authorize` checks a route's requirement against it. */
export function heldOf(principal: Principal): PermissionSet {
  return (principal as Principal & { [heldSymbol]: PermissionSet })[heldSymbol];
}
