import type { Statement } from '@portcullis/sql';
import type { StatementResult } from './sql-outcome.js';
import {
  alterLoginStatement,
  createLoginStatement,
  dropLoginStatement,
  renameLoginStatement,
} from './statements/login-statements.js';
import {
  alterNetworkPolicyStatement,
  alterOrganizationStatement,
  createNetworkPolicyStatement,
  dropNetworkPolicyStatement,
  renameNetworkPolicyStatement,
} from './statements/network-policy-statements.js';
import { selectStatement, showStatement } from './statements/reading-statements.js';
import {
  createRoleStatement,
  dropRoleStatement,
  grantPermissionStatement,
  revokePermissionStatement,
} from './statements/role-statements.js';
import {
  alterServiceAccountStatement,
  createServiceAccountStatement,
  dropServiceAccountStatement,
  generateServiceAccountKeyStatement,
  renameServiceAccountStatement,
} from './statements/service-account-statements.js';
import { selectValuesStatement, setStatement, useStatement } from './statements/session-statements.js';
import type { StatementContext } from './statements/statement-context.js';
import {
  alterUserStatement,
  createUserStatement,
  dropUserStatement,
  grantRoleStatement,
  renameUserStatement,
  revokeRoleStatement,
} from './statements/user-statements.js';

/**
 * One statement, through the use case its REST call uses (each one transaction with its audit event), so
 * a statement that fails has changed nothing.
 */
export async function runStatement(s: StatementContext, st: Statement): Promise<StatementResult> {
  switch (st.kind) {
    case 'create_service_account':
      return createServiceAccountStatement(s, st);
    case 'alter_service_account':
      return alterServiceAccountStatement(s, st);
    case 'rename_service_account':
      return renameServiceAccountStatement(s, st);
    case 'drop_service_account':
      return dropServiceAccountStatement(s, st);
    case 'generate_service_account_key':
      return generateServiceAccountKeyStatement(s, st);
    case 'create_login':
      return createLoginStatement(s, st);
    case 'alter_login':
      return alterLoginStatement(s, st);
    case 'rename_login':
      return renameLoginStatement(s, st);
    case 'drop_login':
      return dropLoginStatement(s, st);
    case 'create_user':
      return createUserStatement(s, st);
    case 'alter_user':
      return alterUserStatement(s, st);
    case 'rename_user':
      return renameUserStatement(s, st);
    case 'drop_user':
      return dropUserStatement(s, st);
    case 'create_network_policy':
      return createNetworkPolicyStatement(s, st);
    case 'alter_network_policy':
      return alterNetworkPolicyStatement(s, st);
    case 'rename_network_policy':
      return renameNetworkPolicyStatement(s, st);
    case 'drop_network_policy':
      return dropNetworkPolicyStatement(s, st);
    case 'alter_organization':
      return alterOrganizationStatement(s, st);
    case 'create_role':
      return createRoleStatement(s, st);
    case 'drop_role':
      return dropRoleStatement(s, st);
    case 'grant_role':
      return grantRoleStatement(s, st);
    case 'revoke_role':
      return revokeRoleStatement(s, st);
    case 'grant_permission':
      return grantPermissionStatement(s, st);
    case 'revoke_permission':
      return revokePermissionStatement(s, st);
    case 'show':
      return showStatement(s, st);
    case 'select':
      return selectStatement(s, st);
    case 'select_values':
      return selectValuesStatement(s, st);
    case 'set':
      return setStatement(s, st);
    case 'use':
      return useStatement(s, st);
  }
}
