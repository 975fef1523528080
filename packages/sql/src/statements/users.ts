import type { AlterUser, CreateUser, DropUser, Name, RenameUser } from '../ast.js';
import type { Cursor } from '../cursor.js';
import { OptionList } from '../option-list.js';
import { orDefault, parseList, parseName, parseNameValue } from '../values.js';
import { acceptIfExists, acceptIfNotExists, acceptRenameTo } from './clauses.js';

const loginOrServiceAccount = 'a user has a login or a service account, not both';

/** `ROLE = r` or `ROLE = (r1, r2)`. */
function parseRoles(cursor: Cursor): Name[] {
  return cursor.isSymbol('(') ? parseList(cursor, parseNameValue) : [parseNameValue(cursor)];
}

const createOptions = new OptionList<Omit<CreateUser, 'kind' | 'ifNotExists' | 'name'>>(
  {
    login: { keyword: 'LOGIN', parse: parseNameValue },
    serviceAccount: { keyword: 'SERVICE_ACCOUNT', parse: parseNameValue },
    defaultDatabase: { keyword: 'DEFAULT_DATABASE', parse: parseNameValue },
    defaultEngine: { keyword: 'DEFAULT_ENGINE', parse: parseNameValue },
    roles: { keyword: 'ROLE', parse: parseRoles },
  },
  { exclusive: [{ options: ['login', 'serviceAccount'], why: loginOrServiceAccount }] },
);

type AlterOptions = Omit<AlterUser, 'kind' | 'name'>;

/**
 * A login or service account for ALTER USER: `DEFAULT` only once the other one names something, so that
 * `SET LOGIN = DEFAULT SERVICE_ACCOUNT = sa` (moving the user over) is one statement.
 */
function linkedValue(other: 'login' | 'serviceAccount') {
  const nameOrDefault = orDefault(parseNameValue);
  return (cursor: Cursor, given: Partial<AlterOptions>): Name | null => {
    if (!given[other]) return nameOrDefault(cursor);
    if (!cursor.acceptKeywords('DEFAULT')) cursor.fail(loginOrServiceAccount);
    return null;
  };
}

const alterOptions = new OptionList<AlterOptions>({
  login: { keyword: 'LOGIN', parse: linkedValue('serviceAccount') },
  serviceAccount: { keyword: 'SERVICE_ACCOUNT', parse: linkedValue('login') },
  defaultDatabase: { keyword: 'DEFAULT_DATABASE', parse: orDefault(parseNameValue) },
  defaultEngine: { keyword: 'DEFAULT_ENGINE', parse: orDefault(parseNameValue) },
});

/** After `CREATE USER`. */
export function parseCreateUser(cursor: Cursor): CreateUser {
  const ifNotExists = acceptIfNotExists(cursor);
  const name = parseName(cursor);
  const options = cursor.acceptKeywords('WITH') ? createOptions.parse(cursor) : {};
  return { kind: 'create_user', ifNotExists, name, ...options };
}

/** After `ALTER USER`. */
export function parseAlterUser(cursor: Cursor): AlterUser | RenameUser {
  const name = parseName(cursor);
  const newName = acceptRenameTo(cursor);
  if (newName !== undefined) return { kind: 'rename_user', name, newName };
  cursor.expectKeywords('SET');
  return { kind: 'alter_user', name, ...alterOptions.parse(cursor) };
}

/** After `DROP USER`. */
export function parseDropUser(cursor: Cursor): DropUser {
  const ifExists = acceptIfExists(cursor);
  return { kind: 'drop_user', ifExists, name: parseName(cursor) };
}
