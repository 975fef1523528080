import { demoPlatformResources } from '@portcullis/core/permissions';
import { describe, expect, it } from 'vitest';
import { isBearerError } from '../../src/bearer-error.js';
import { catalogFromResources, catalogFromScopes } from '../../src/permission-catalog.js';
import { PermissionChecks } from '../../src/permission-checks.js';
import { createPrincipal } from '../../src/principal.js';

const checks = new PermissionChecks(catalogFromResources(demoPlatformResources.map((r) => r.id)));
const principalWith = (scope: string) =>
  createPrincipal(
    { iss: 'https://auth.example.com', sub: 'sa_1', aud: 'api', exp: 2, iat: 1, jti: 'j', scope },
    checks,
    'api',
  );

/** The refusal a thrown check carries, or undefined when it passed. */
function refusalOf(check: () => void) {
  try {
    check();
    return undefined;
  } catch (error) {
    if (!isBearerError(error)) throw error;
    return error.refusal;
  }
}

describe('permission checks on a verified principal', () => {
  it("reads Read-only's wildcards as Portcullis does: get and list everywhere, nothing else", () => {
    const readOnly = principalWith('*:get *:list');
    expect(readOnly.can('incidents', 'list')).toBe(true);
    expect(readOnly.can('findings', 'get')).toBe(true);
    expect(readOnly.can('incidents', 'create')).toBe(false);
    expect(readOnly.can('*', 'list')).toBe(true);
    expect(readOnly.can('incidents', '*')).toBe(false);
  });

  it('holds everything for Admin (*:*)', () => {
    const admin = principalWith('*:*');
    expect(admin.can('incidents', '*')).toBe(true);
    expect(admin.can('portcullis.roles', 'update')).toBe(true);
  });

  it('requireAll refuses with 403 insufficient_scope naming exactly the missing permissions', () => {
    const refusal = refusalOf(() =>
      principalWith('incidents:list findings:*').requireAll([
        'incidents:list',
        'incidents:create',
        'findings:get',
      ]),
    );
    expect(refusal?.status).toBe(403);
    expect(refusal?.body).toEqual({
      error: 'insufficient_scope',
      error_description: 'The token lacks this permission: incidents:create.',
      missing: ['incidents:create'],
    });
    expect(refusal?.headers['www-authenticate']).toBe(
      'Bearer realm="api", error="insufficient_scope", error_description="The token lacks this permission: incidents:create.", scope="incidents:create"',
    );
  });

  it('requireAll on a wildcard names each action that is lacking', () => {
    const refusal = refusalOf(() =>
      principalWith('incidents:get incidents:list').requireAll(['incidents:*']),
    );
    expect(refusal?.body.missing).toEqual([
      'incidents:create',
      'incidents:delete',
      'incidents:run',
      'incidents:update',
    ]);
  });

  it('requireAny passes with one of them and otherwise names them all as alternatives', () => {
    const principal = principalWith('findings:list');
    expect(refusalOf(() => principal.requireAny(['incidents:list', 'findings:list']))).toBeUndefined();
    const refusal = refusalOf(() => principal.requireAny(['incidents:list', 'incidents:get']));
    expect(refusal?.body.missing).toEqual(['incidents:list', 'incidents:get']);
    expect(refusal?.body.error_description).toBe(
      'The token needs one of these permissions: incidents:list, incidents:get.',
    );
  });

  it("applies FireTail's search rule: search:create plus list on every type searched", () => {
    const searcher = principalWith('search:create incidents:list');
    expect(searcher.canSearch(['incidents'])).toBe(true);
    expect(searcher.canSearch(['incidents', 'findings'])).toBe(false);
    expect(principalWith('*:list').canSearch(['incidents'])).toBe(false);
    expect(refusalOf(() => searcher.requireSearch(['incidents', 'findings']))?.body.missing).toEqual([
      'findings:list',
    ]);
  });

  it('throws unknown_permission for a requirement naming no resource of the catalog: a typo, not a refusal', () => {
    expect(() => principalWith('*:*').can('incident', 'list')).toThrow(/Unknown permission: incident:list/);
  });

  it("builds the same catalog from the metadata's scopes_supported as from the resource list", () => {
    const fromScopes = catalogFromScopes(
      [...demoPlatformResources.map((r) => r.id), 'portcullis.roles'].flatMap((id) => [
        `${id}:get`,
        `${id}:list`,
      ]),
    );
    expect(fromScopes.resources.map((r) => r.id)).toEqual(checks.catalog.resources.map((r) => r.id));
  });
});
