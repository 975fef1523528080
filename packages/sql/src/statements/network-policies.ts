import type {
  AlterNetworkPolicy,
  CreateNetworkPolicy,
  DropNetworkPolicy,
  RenameNetworkPolicy,
  StringLiteral,
} from '../ast.js';
import type { Cursor } from '../cursor.js';
import { OptionList } from '../option-list.js';
import { parseList, parseName, parseString } from '../values.js';
import { acceptIfExists, acceptIfNotExists, acceptRenameTo } from './clauses.js';

/** `('…', …)`, `()` included: the entries are checked by the server. */
function parseIpList(cursor: Cursor): StringLiteral[] {
  return parseList(cursor, parseString, { empty: true });
}

const createOptions = new OptionList<Omit<CreateNetworkPolicy, 'kind' | 'ifNotExists' | 'name'>>(
  {
    allowedIpList: { keyword: 'ALLOWED_IP_LIST', parse: parseIpList },
    blockedIpList: { keyword: 'BLOCKED_IP_LIST', parse: parseIpList },
    description: { keyword: 'DESCRIPTION', parse: parseString },
  },
  { required: ['allowedIpList'] },
);

type AlterOptions = Omit<AlterNetworkPolicy, 'kind' | 'ifExists' | 'name' | 'operation'>;

const setOptions = new OptionList<AlterOptions>({
  allowedIpList: { keyword: 'ALLOWED_IP_LIST', parse: parseIpList },
  blockedIpList: { keyword: 'BLOCKED_IP_LIST', parse: parseIpList },
  description: { keyword: 'DESCRIPTION', parse: parseString },
});

const addOrRemoveOptions = new OptionList<Omit<AlterOptions, 'description'>>(
  {
    allowedIpList: { keyword: 'ALLOWED_IP_LIST', parse: parseIpList },
    blockedIpList: { keyword: 'BLOCKED_IP_LIST', parse: parseIpList },
  },
  { misplaced: { DESCRIPTION: 'DESCRIPTION is changed with SET only' } },
);

const operations = ['SET', 'ADD', 'REMOVE'] as const;
const behaviors = ['RESTRICT', 'CASCADE'] as const;

/** After `CREATE NETWORK POLICY`: `WITH ALLOWED_IP_LIST` is required. */
export function parseCreateNetworkPolicy(cursor: Cursor): CreateNetworkPolicy {
  const ifNotExists = acceptIfNotExists(cursor);
  const name = parseName(cursor);
  cursor.expectKeywords('WITH');
  const options = createOptions.parse(cursor);
  return {
    kind: 'create_network_policy',
    ifNotExists,
    name,
    ...options,
    allowedIpList: options.allowedIpList!,
  };
}

/** After `ALTER NETWORK POLICY`. */
export function parseAlterNetworkPolicy(cursor: Cursor): AlterNetworkPolicy | RenameNetworkPolicy {
  const ifExists = acceptIfExists(cursor);
  const name = parseName(cursor);
  const newName = acceptRenameTo(cursor);
  if (newName !== undefined) return { kind: 'rename_network_policy', ifExists, name, newName };
  const operation = cursor.expectOneOf(operations);
  if (operation === 'SET') {
    return {
      kind: 'alter_network_policy',
      ifExists,
      name,
      operation: 'set',
      ...setOptions.parse(cursor),
    };
  }
  const options = addOrRemoveOptions.parse(cursor);
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
  const statement: DropNetworkPolicy = { kind: 'drop_network_policy', ifExists, name };
  const behavior = cursor.acceptOneOf(behaviors);
  if (behavior !== undefined) statement.behavior = behavior === 'RESTRICT' ? 'restrict' : 'cascade';
  return statement;
}
