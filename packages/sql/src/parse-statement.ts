import type { Statement } from './ast.js';
import type { Cursor } from './cursor.js';
import { parseAlterLogin, parseCreateLogin, parseDropLogin } from './statements/logins.js';
import {
  parseAlterNetworkPolicy,
  parseCreateNetworkPolicy,
  parseDropNetworkPolicy,
} from './statements/network-policies.js';
import { parseAlterOrganization } from './statements/organizations.js';
import { parseSelect, parseShow } from './statements/reading.js';
import { parseCreateRole, parseDropRole, parseGrant, parseRevoke } from './statements/roles.js';
import {
  parseAlterServiceAccount,
  parseCall,
  parseCreateServiceAccount,
  parseDropServiceAccount,
} from './statements/service-accounts.js';
import { parseSet, parseUse } from './statements/session.js';
import { parseAlterUser, parseCreateUser, parseDropUser } from './statements/users.js';

/** Keywords that lead to a statement, tried in order, and what reads the rest. */
type Branches = [phrase: string, parse: (cursor: Cursor) => Statement][];

const created: Branches = [
  ['SERVICE ACCOUNT', parseCreateServiceAccount],
  ['LOGIN', parseCreateLogin],
  ['USER', parseCreateUser],
  ['NETWORK POLICY', parseCreateNetworkPolicy],
  ['ROLE', parseCreateRole],
];

const altered: Branches = [
  ['SERVICE ACCOUNT', parseAlterServiceAccount],
  ['LOGIN', parseAlterLogin],
  ['USER', parseAlterUser],
  ['NETWORK POLICY', parseAlterNetworkPolicy],
  ['ORGANIZATION', parseAlterOrganization],
];

const dropped: Branches = [
  ['SERVICE ACCOUNT', parseDropServiceAccount],
  ['LOGIN', parseDropLogin],
  ['USER', parseDropUser],
  ['NETWORK POLICY', parseDropNetworkPolicy],
  ['ROLE', parseDropRole],
];

const statements: Branches = [
  ['CREATE', (cursor) => branch(cursor, created)],
  ['ALTER', (cursor) => branch(cursor, altered)],
  ['DROP', (cursor) => branch(cursor, dropped)],
  ['GRANT', parseGrant],
  ['REVOKE', parseRevoke],
  ['CALL', parseCall],
  ['SHOW', parseShow],
  ['SELECT', parseSelect],
  ['SET', parseSet],
  ['USE', parseUse],
];

function branch(cursor: Cursor, branches: Branches): Statement {
  for (const entry of branches) if (cursor.acceptKeywords(entry[0])) return entry[1](cursor);
  return cursor.fail();
}

/** One statement from the current token; the caller checks what follows it. */
export function parseStatement(cursor: Cursor): Statement {
  return branch(cursor, statements);
}
