import type {
  AlterServiceAccount,
  CreateServiceAccount,
  DropServiceAccount,
  GenerateServiceAccountKey,
  RenameServiceAccount,
} from '../ast.js';
import type { Cursor } from '../cursor.js';
import { OptionList } from '../option-list.js';
import {
  aString,
  oneOfKeywords,
  orDefault,
  parseBoolean,
  parseName,
  parseNameValue,
  parseString,
} from '../values.js';
import { acceptIfExists, acceptIfNotExists, acceptRenameTo } from './clauses.js';

const connectionPreference = oneOfKeywords([
  'PUBLIC_ONLY',
  'PRIVATE_ONLY',
  'PREFER_PUBLIC',
  'PREFER_PRIVATE',
]);

const createOptions = new OptionList<Omit<CreateServiceAccount, 'kind' | 'ifNotExists' | 'name'>>({
  description: { keyword: 'DESCRIPTION', parse: parseString },
  networkPolicy: { keyword: 'NETWORK_POLICY', parse: parseNameValue },
  isOrganizationAdmin: { keyword: 'IS_ORGANIZATION_ADMIN', parse: parseBoolean },
  connectionPreference: { keyword: 'CONNECTION_PREFERENCE', parse: orDefault(connectionPreference) },
});

const alterOptions = new OptionList<Omit<AlterServiceAccount, 'kind' | 'name'>>({
  networkPolicy: { keyword: 'NETWORK_POLICY', parse: orDefault(parseNameValue) },
  description: { keyword: 'DESCRIPTION', parse: orDefault(parseString) },
  isOrganizationAdmin: { keyword: 'IS_ORGANIZATION_ADMIN', parse: parseBoolean },
  connectionPreference: { keyword: 'CONNECTION_PREFERENCE', parse: orDefault(connectionPreference) },
  isEnabled: { keyword: 'IS_ENABLED', parse: parseBoolean },
});

/** After `CREATE SERVICE ACCOUNT`. */
export function parseCreateServiceAccount(cursor: Cursor): CreateServiceAccount {
  const ifNotExists = acceptIfNotExists(cursor);
  const name = parseName(cursor);
  const options = cursor.acceptKeywords('WITH') ? createOptions.parse(cursor) : {};
  return { kind: 'create_service_account', ifNotExists, name, ...options };
}

/** After `ALTER SERVICE ACCOUNT`. */
export function parseAlterServiceAccount(cursor: Cursor): AlterServiceAccount | RenameServiceAccount {
  const name = parseName(cursor);
  const newName = acceptRenameTo(cursor);
  if (newName !== undefined) return { kind: 'rename_service_account', name, newName };
  cursor.expectKeywords('SET');
  return { kind: 'alter_service_account', name, ...alterOptions.parse(cursor) };
}

/** After `DROP SERVICE ACCOUNT`. */
export function parseDropServiceAccount(cursor: Cursor): DropServiceAccount {
  const ifExists = acceptIfExists(cursor);
  return { kind: 'drop_service_account', ifExists, name: parseName(cursor) };
}

/** After `CALL`: `fb_GENERATESERVICEACCOUNTKEY('n')`, the one procedure there is. */
export function parseCall(cursor: Cursor): GenerateServiceAccountKey {
  cursor.expectKeywords('FB_GENERATESERVICEACCOUNTKEY');
  cursor.expectSymbol('(');
  const token = cursor.peek();
  if (token.type === 'string' && token.endOffset - token.offset === 2) {
    cursor.failAt(token, [aString], "the service account's name is empty");
  }
  const argument = parseString(cursor);
  cursor.expectSymbol(')');
  return {
    kind: 'generate_service_account_key',
    serviceAccount: { kind: 'name', value: argument.value, quoted: true, start: argument.start },
  };
}
