import type { AlterLogin, CreateLogin, DropLogin, RenameLogin } from '../ast.js';
import type { Cursor } from '../cursor.js';
import { OptionList } from '../option-list.js';
import { orDefault, parseBoolean, parseName, parseNameValue, parseString } from '../values.js';
import { acceptIfExists, acceptIfNotExists, acceptRenameTo } from './clauses.js';

const createOptions = new OptionList<Omit<CreateLogin, 'kind' | 'ifNotExists' | 'name'>>(
  {
    firstName: { keyword: 'FIRST_NAME', parse: parseString },
    lastName: { keyword: 'LAST_NAME', parse: parseString },
    networkPolicy: { keyword: 'NETWORK_POLICY', parse: parseNameValue },
    isOrganizationAdmin: { keyword: 'IS_ORGANIZATION_ADMIN', parse: parseBoolean },
    isPasswordEnabled: { keyword: 'IS_PASSWORD_ENABLED', parse: parseBoolean },
    isMfaEnabled: { keyword: 'IS_MFA_ENABLED', parse: parseBoolean },
  },
  { required: ['firstName', 'lastName'] },
);

const alterOptions = new OptionList<Omit<AlterLogin, 'kind' | 'name'>>({
  networkPolicy: { keyword: 'NETWORK_POLICY', parse: orDefault(parseNameValue) },
  isOrganizationAdmin: { keyword: 'IS_ORGANIZATION_ADMIN', parse: parseBoolean },
  firstName: { keyword: 'FIRST_NAME', parse: parseString },
  lastName: { keyword: 'LAST_NAME', parse: parseString },
  isEnabled: { keyword: 'IS_ENABLED', parse: parseBoolean },
  isPasswordEnabled: { keyword: 'IS_PASSWORD_ENABLED', parse: parseBoolean },
  isMfaEnabled: { keyword: 'IS_MFA_ENABLED', parse: parseBoolean },
});

/** After `CREATE LOGIN`: `WITH` and the first and last names are required. */
export function parseCreateLogin(cursor: Cursor): CreateLogin {
  const ifNotExists = acceptIfNotExists(cursor);
  const name = parseName(cursor);
  cursor.expectKeywords('WITH');
  const options = createOptions.parse(cursor);
  return {
    kind: 'create_login',
    ifNotExists,
    name,
    ...options,
    firstName: options.firstName!,
    lastName: options.lastName!,
  };
}

/** After `ALTER LOGIN`. */
export function parseAlterLogin(cursor: Cursor): AlterLogin | RenameLogin {
  const name = parseName(cursor);
  const newName = acceptRenameTo(cursor);
  if (newName !== undefined) return { kind: 'rename_login', name, newName };
  cursor.expectKeywords('SET');
  return { kind: 'alter_login', name, ...alterOptions.parse(cursor) };
}

/** After `DROP LOGIN`. */
export function parseDropLogin(cursor: Cursor): DropLogin {
  const ifExists = acceptIfExists(cursor);
  return { kind: 'drop_login', ifExists, name: parseName(cursor) };
}
