import { demoCatalog } from '@portcullis/core/permissions';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/api/api-types';
import { effectivePermissions, organizationAdminSource } from '../../src/screens/users/effective-permissions';

function role(name: string, permissions: string[]): Role {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    id: `role_${name}`,
    name,
    description: '',
    permissions,
    builtin: false,
    createdAt: at,
    updatedAt: at,
  };
}

const readOnly = role('Read only', ['*:get', '*:list']);
const responder = role('responder', ['incidents:*']);

describe("a user's effective permissions, as its page shows them", () => {
  it('names every role that grants a held cell, and no source for a cell not held', () => {
    const effective = effectivePermissions(demoCatalog, {
      active: true,
      isOrganizationAdmin: false,
      roles: [readOnly, responder],
    });
    expect(effective.sourcesOf('incidents', 'get')).toEqual(['Read only', 'responder']);
    expect(effective.sourcesOf('incidents', 'update')).toEqual(['responder']);
    expect(effective.sourcesOf('findings', 'list')).toEqual(['Read only']);
    expect(effective.sourcesOf('findings', 'delete')).toEqual([]);
    expect(effective.held.has('findings', 'delete')).toBe(false);
    expect(effective.held.cells()).toHaveLength(demoCatalog.resources.length * 2 + 4);
  });

  it('gives an organization admin every cell, naming the admin flag before the roles', () => {
    const effective = effectivePermissions(demoCatalog, {
      active: true,
      isOrganizationAdmin: true,
      roles: [responder],
    });
    expect(effective.held.cells()).toHaveLength(demoCatalog.resources.length * demoCatalog.actions.length);
    expect(effective.sourcesOf('portcullis.users', 'delete')).toEqual([organizationAdminSource]);
    expect(effective.sourcesOf('incidents', 'run')).toEqual([organizationAdminSource, 'responder']);
  });

  it('gives a deactivated user nothing, whatever its roles', () => {
    const effective = effectivePermissions(demoCatalog, {
      active: false,
      isOrganizationAdmin: false,
      roles: [readOnly, responder],
    });
    expect(effective.held.isEmpty()).toBe(true);
    expect(effective.sourcesOf('incidents', 'get')).toEqual([]);
  });

  it('drops what a role names that the catalog no longer has, rather than failing the page', () => {
    const effective = effectivePermissions(demoCatalog, {
      active: true,
      isOrganizationAdmin: false,
      roles: [role('legacy', ['retired_resource:get', 'incidents:get'])],
    });
    expect(effective.held.cells()).toEqual(['incidents:get']);
  });
});
