import type {
  AlterNetworkPolicy,
  CreateNetworkPolicy,
  DropNetworkPolicy,
  RenameNetworkPolicy,
  StringLiteral,
} from '../ast.js';
import type { Cursor } from '../cursor.js';
import { type OptionSpecs, parseOptions } from '../option-list.js';
import { parseList, parseName, parseString } from '../values.js';
import { acceptIfExists, acceptIfNotExists, acceptRenameTo } from './clauses.js';

/** `('…', …)`, `()` included: the entries are checked by the server. */
function parseIpList(cursor: Cursor): StringLiteral[] {
  return parseList(cursor, parseString, { empty: true });
}

const createOptions: OptionSpecs<Omit<CreateNetworkPolicy, 'kind' | 'ifNotExists' | 'name'>> = {
  allowedIpList: { keyword: 'ALLOWED_IP_LIST', parse: parseIpList },
  blockedIpList: { keyword: 'BLOCKED_IP_LIST', parse: parseIpList },
  description: { keyword: 'DESCRIPTION', parse: parseString },
};

type AlterOptions = Omit<AlterNetworkPolicy, 'kind' | 'ifExists' | 'name' | 'operation'>;

const setOptions: OptionSpecs<AlterOptions> = {
  allowedIpList: { keyword: 'ALLOWED_IP_LIST', parse: parseIpList },
  blockedIpList: { keyword: 'BLOCKED_IP_LIST', parse: parseIpList },
  description: { keyword: 'DESCRIPTION', parse: parseString },
};

const addOrRemoveOptions: OptionSpecs<Omit<AlterOptions, 'description'>> = {
  allowedIpList: { keyword: 'ALLOWED_IP_LIST', parse: parseIpList },
  blockedIpList: { keyword: 'BLOCKED_IP_LIST', parse: parseIpList },
};

/** After `CREATE NETWORK POLICY`: `WITH ALLOWED_IP_LIST` is required. */
export function parseCreateNetworkPolicy(cursor: Cursor): CreateNetworkPolicy {
  const ifNotExists = acceptIfNotExists(cursor);
  const name = parseName(cursor);
  cursor.expectKeywords('WITH');
  const { allowedIpList, ...options } = parseOptions(cursor, createOptions, { required: ['allowedIpList'] });
  return { kind: 'create_network_policy', ifNotExists, name, allowedIpList: allowedIpList!, ...options };
}

/** After `ALTER NETWORK POLICY`. */
export function parseAlterNetworkPolicy(cursor: Cursor): AlterNetworkPolicy | RenameNetworkPolicy {
  const ifExists = acceptIfExists(cursor);
  const name = parseName(cursor);
  const newName = acceptRenameTo(cursor);
  if (newName !== undefined) return { kind: 'rename_network_policy', ifExists, name, newName };
  const operation = cursor.expectOneOf(['SET', 'ADD', 'REMOVE'] as const);
  if (operation === 'SET') {
    return {
      kind: 'alter_network_policy',
      ifExists,
      name,
      operation: 'set',
      ...parseOptions(cursor, setOptions),
    };
  }
  const options = parseOptions(cursor, addOrRemoveOptions, {
    misplaced: { DESCRIPTION: 'DESCRIPTION is changed with SET only' },
  });
  return {
    kind: 'alter_network_policy',
    ifExists,
    name,
    operation: operation === 'ADD' ? 'add' : 'remove',
    ...options,
  };
}

/** After `DROP NETWORK POLICY`. */
export function parseDropNetworkPolicy(cursor: Cursor): DropNetworkPolicy {
  const ifExists = acceptIfExists(cursor);
  const name = parseName(cursor);
  const behavior = cursor.acceptOneOf(['RESTRICT', 'CASCADE'] as const);
  return {
    kind: 'drop_network_policy',
    ifExists,
    name,
    ...(behavior && { behavior: behavior === 'RESTRICT' ? 'restrict' : 'cascade' }),
  };
}
