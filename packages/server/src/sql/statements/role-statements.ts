import type { CreateRole, DropRole, GrantPermission, RevokePermission } from '@portcullis/sql';
import { required, roleNamed, unlessMissing } from '../../services/object-names/objects-named.js';
import { createRole, deleteRole, updateRole } from '../../services/roles/manage-roles.js';
import { noRows, type StatementResult } from '../sql-outcome.js';
import { type StatementContext, unlessExists } from './statement-context.js';

export async function createRoleStatement(s: StatementContext, st: CreateRole): Promise<StatementResult> {
  if (st.ifNotExists && (await roleNamed(s.ctx, s.caller, st.name.value, 'create'))) return noRows;
  await unlessExists(st.ifNotExists, 'role_exists', () =>
    createRole(s.ctx, s.caller, { name: st.name.value, permissions: [] }),
  );
  return noRows;
}

export async function dropRoleStatement(s: StatementContext, st: DropRole): Promise<StatementResult> {
  const lookup = roleNamed(s.ctx, s.caller, st.name.value, 'delete');
  const id = await unlessMissing(lookup, st.ifExists, 'Role', st.name.value);
  if (id === undefined) return noRows;
  await deleteRole(s.ctx, s.caller, id);
  return noRows;
}

/** `GRANT get, list ON incidents TO r` is `incidents:get incidents:list`, checked against the catalog. */
const items = (st: GrantPermission | RevokePermission) =>
  st.actions.map((action) => `${st.resource.value}:${action.value}`);

export async function grantPermissionStatement(
  s: StatementContext,
  st: GrantPermission,
): Promise<StatementResult> {
  const id = await required(roleNamed(s.ctx, s.caller, st.role.value, 'update'), 'Role', st.role.value);
  await updateRole(s.ctx, s.caller, id, { grant: items(st) });
  return noRows;
}

export async function revokePermissionStatement(
  s: StatementContext,
  st: RevokePermission,
): Promise<StatementResult> {
  const id = await required(roleNamed(s.ctx, s.caller, st.role.value, 'update'), 'Role', st.role.value);
  await updateRole(s.ctx, s.caller, id, { revoke: items(st) });
  return noRows;
}
