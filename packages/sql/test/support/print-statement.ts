import type {
  CatalogName,
  Expression,
  Literal,
  Name,
  Operand,
  Statement,
  StringLiteral,
} from '../../src/index.js';
import { keywords } from './keywords.js';
import type { WithoutPositions } from './without-positions.js';

/*
 * Prints a syntax tree back to SQL, as tokens, for the round-trip and mutation properties: parsing the tokens
 * joined by any spaces or comments must give the tree back. Only the tests use it.
 */

type Tree<T> = WithoutPositions<T>;

export function printName(name: Tree<Name>): string {
  return name.quoted ? `"${name.value.replaceAll('"', '""')}"` : name.value;
}

export function printString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const plainCatalogName = /^[a-z][a-z0-9_]*$/;

/** Unquoted when it reads back the same. */
function printCatalogPart(value: string): string {
  return plainCatalogName.test(value) && !keywords.has(value.toUpperCase())
    ? value
    : `"${value.replaceAll('"', '""')}"`;
}

/** An action or resource: `*` is the wildcard. */
function printPermissionPart(value: string): string {
  return value === '*' ? '*' : printCatalogPart(value);
}

function printDotted(name: Tree<CatalogName>): string[] {
  return name.value
    .split('.')
    .flatMap((part, i) => (i === 0 ? [printPermissionPart(part)] : ['.', printCatalogPart(part)]));
}

function printLiteral(literal: Tree<Literal>): string {
  switch (literal.kind) {
    case 'string':
      return printString(literal.value);
    case 'number':
      return String(literal.value);
    case 'boolean':
      return literal.value ? 'TRUE' : 'FALSE';
    case 'null':
      return 'NULL';
  }
}

function printOperand(operand: Tree<Operand>): string {
  return operand.kind === 'column' ? printCatalogPart(operand.name) : printLiteral(operand);
}

function printGrouped(expression: Tree<Expression>): string[] {
  const tokens = printExpression(expression);
  return expression.kind === 'and' || expression.kind === 'or' || expression.kind === 'not'
    ? ['(', ...tokens, ')']
    : tokens;
}

function printExpression(expression: Tree<Expression>): string[] {
  switch (expression.kind) {
    case 'or':
    case 'and':
      return expression.operands.flatMap((operand, i) => [
        ...(i === 0 ? [] : [expression.kind.toUpperCase()]),
        ...printGrouped(operand),
      ]);
    case 'not':
      return ['NOT', ...printGrouped(expression.operand)];
    case 'comparison':
      return [printOperand(expression.left), expression.operator, printOperand(expression.right)];
    case 'like':
      return [
        printOperand(expression.operand),
        ...(expression.negated ? ['NOT'] : []),
        'LIKE',
        printOperand(expression.pattern),
      ];
    case 'in':
      return [
        printOperand(expression.operand),
        ...(expression.negated ? ['NOT'] : []),
        'IN',
        ...list(expression.values.map((value) => [printOperand(value)])),
      ];
    case 'is_null':
      return [printOperand(expression.operand), 'IS', ...(expression.negated ? ['NOT'] : []), 'NULL'];
  }
}

function list(items: string[][]): string[] {
  return ['(', ...items.flatMap((item, i) => (i === 0 ? item : [',', ...item])), ')'];
}

type OptionValue =
  | Tree<Name>
  | Tree<StringLiteral>
  | Tree<StringLiteral>[]
  | Tree<Name>[]
  | boolean
  | string
  | null
  | undefined;

/** Prints the options of `tree` named in `keywords`, in that order, those present only. */
function printOptions(tree: object, keywords: Record<string, string>): string[] {
  const values = tree as Record<string, OptionValue>;
  return Object.entries(keywords).flatMap(([key, keyword]) => {
    const value = values[key];
    return value === undefined ? [] : [keyword, '=', ...printValue(value)];
  });
}

function printValue(value: Exclude<OptionValue, undefined>): string[] {
  if (value === null) return ['DEFAULT'];
  if (typeof value === 'boolean') return [value ? 'TRUE' : 'FALSE'];
  if (typeof value === 'string') return [value.toUpperCase()];
  if (Array.isArray(value)) return list(value.map((item) => printValue(item)));
  return value.kind === 'string' ? [printString(value.value)] : [printName(value)];
}

const ifNotExists = (flag: boolean) => (flag ? ['IF', 'NOT', 'EXISTS'] : []);
const ifExists = (flag: boolean) => (flag ? ['IF', 'EXISTS'] : []);
const withOptions = (options: string[]) => (options.length > 0 ? ['WITH', ...options] : []);

const serviceAccountOptions = {
  description: 'DESCRIPTION',
  networkPolicy: 'NETWORK_POLICY',
  isOrganizationAdmin: 'IS_ORGANIZATION_ADMIN',
  connectionPreference: 'CONNECTION_PREFERENCE',
  isEnabled: 'IS_ENABLED',
};
const loginOptions = {
  firstName: 'FIRST_NAME',
  lastName: 'LAST_NAME',
  networkPolicy: 'NETWORK_POLICY',
  isOrganizationAdmin: 'IS_ORGANIZATION_ADMIN',
  isEnabled: 'IS_ENABLED',
  isPasswordEnabled: 'IS_PASSWORD_ENABLED',
  isMfaEnabled: 'IS_MFA_ENABLED',
};
const userOptions = {
  login: 'LOGIN',
  serviceAccount: 'SERVICE_ACCOUNT',
  defaultDatabase: 'DEFAULT_DATABASE',
  defaultEngine: 'DEFAULT_ENGINE',
  roles: 'ROLE',
};
const networkPolicyOptions = {
  allowedIpList: 'ALLOWED_IP_LIST',
  blockedIpList: 'BLOCKED_IP_LIST',
  description: 'DESCRIPTION',
};
const shownWords = {
  service_accounts: ['SERVICE', 'ACCOUNTS'],
  users: ['USERS'],
  logins: ['LOGINS'],
  network_policies: ['NETWORK', 'POLICIES'],
  roles: ['ROLES'],
};

export function printStatement(s: Tree<Statement>): string[] {
  switch (s.kind) {
    case 'create_service_account':
      return [
        ...['CREATE', 'SERVICE', 'ACCOUNT', ...ifNotExists(s.ifNotExists), printName(s.name)],
        ...withOptions(printOptions(s, serviceAccountOptions)),
      ];
    case 'alter_service_account':
      return [
        'ALTER',
        'SERVICE',
        'ACCOUNT',
        printName(s.name),
        'SET',
        ...printOptions(s, serviceAccountOptions),
      ];
    case 'rename_service_account':
      return ['ALTER', 'SERVICE', 'ACCOUNT', printName(s.name), 'RENAME', 'TO', printName(s.newName)];
    case 'drop_service_account':
      return ['DROP', 'SERVICE', 'ACCOUNT', ...ifExists(s.ifExists), printName(s.name)];
    case 'generate_service_account_key':
      return ['CALL', 'fb_GENERATESERVICEACCOUNTKEY', '(', printString(s.serviceAccount.value), ')'];
    case 'create_login':
      return [
        ...['CREATE', 'LOGIN', ...ifNotExists(s.ifNotExists), printName(s.name)],
        ...withOptions(printOptions(s, loginOptions)),
      ];
    case 'alter_login':
      return ['ALTER', 'LOGIN', printName(s.name), 'SET', ...printOptions(s, loginOptions)];
    case 'rename_login':
      return ['ALTER', 'LOGIN', printName(s.name), 'RENAME', 'TO', printName(s.newName)];
    case 'drop_login':
      return ['DROP', 'LOGIN', ...ifExists(s.ifExists), printName(s.name)];
    case 'create_user':
      return [
        ...['CREATE', 'USER', ...ifNotExists(s.ifNotExists), printName(s.name)],
        ...withOptions(printOptions(s, userOptions)),
      ];
    case 'alter_user':
      return ['ALTER', 'USER', printName(s.name), 'SET', ...printOptions(s, userOptions)];
    case 'rename_user':
      return ['ALTER', 'USER', printName(s.name), 'RENAME', 'TO', printName(s.newName)];
    case 'drop_user':
      return ['DROP', 'USER', ...ifExists(s.ifExists), printName(s.name)];
    case 'create_network_policy':
      return [
        ...['CREATE', 'NETWORK', 'POLICY', ...ifNotExists(s.ifNotExists), printName(s.name)],
        ...withOptions(printOptions(s, networkPolicyOptions)),
      ];
    case 'alter_network_policy':
      return [
        ...[
          'ALTER',
          'NETWORK',
          'POLICY',
          ...ifExists(s.ifExists),
          printName(s.name),
          s.operation.toUpperCase(),
        ],
        ...printOptions(s, networkPolicyOptions),
      ];
    case 'rename_network_policy':
      return [
        ...['ALTER', 'NETWORK', 'POLICY', ...ifExists(s.ifExists), printName(s.name)],
        ...['RENAME', 'TO', printName(s.newName)],
      ];
    case 'drop_network_policy':
      return [
        ...['DROP', 'NETWORK', 'POLICY', ...ifExists(s.ifExists), printName(s.name)],
        ...(s.behavior ? [s.behavior.toUpperCase()] : []),
      ];
    case 'alter_organization':
      return [
        ...['ALTER', 'ORGANIZATION', ...(s.organization ? [printName(s.organization)] : [])],
        ...['SET', 'NETWORK_POLICY', '=', s.networkPolicy === null ? 'DEFAULT' : printName(s.networkPolicy)],
      ];
    case 'create_role':
      return ['CREATE', 'ROLE', ...ifNotExists(s.ifNotExists), printName(s.name)];
    case 'drop_role':
      return ['DROP', 'ROLE', ...ifExists(s.ifExists), printName(s.name)];
    case 'grant_role':
      return ['GRANT', 'ROLE', printName(s.role), 'TO', 'USER', printName(s.user)];
    case 'revoke_role':
      return ['REVOKE', 'ROLE', printName(s.role), 'FROM', 'USER', printName(s.user)];
    case 'grant_permission':
    case 'revoke_permission':
      return [
        s.kind === 'grant_permission' ? 'GRANT' : 'REVOKE',
        ...s.actions.flatMap((action, i) => [...(i === 0 ? [] : [',']), printPermissionPart(action.value)]),
        'ON',
        ...printDotted(s.resource),
        s.kind === 'grant_permission' ? 'TO' : 'FROM',
        printName(s.role),
      ];
    case 'show':
      return ['SHOW', ...shownWords[s.objects]];
    case 'select':
      return [
        'SELECT',
        ...(s.columns === '*'
          ? ['*']
          : s.columns.flatMap((column, i) => [...(i === 0 ? [] : [',']), printCatalogPart(column.name)])),
        'FROM',
        ...printDotted(s.table),
        ...(s.where ? ['WHERE', ...printExpression(s.where)] : []),
        ...(s.orderBy.length > 0
          ? [
              'ORDER',
              'BY',
              ...s.orderBy.flatMap(({ column, direction }, i) => [
                ...(i === 0 ? [] : [',']),
                printCatalogPart(column.name),
                direction.toUpperCase(),
              ]),
            ]
          : []),
        ...(s.limit ? ['LIMIT', String(s.limit.value)] : []),
      ];
    case 'select_values':
      return ['SELECT', ...s.values.flatMap((value, i) => [...(i === 0 ? [] : [',']), printLiteral(value)])];
    case 'set':
      return [
        'SET',
        ...printDotted(s.name),
        '=',
        s.value.kind === 'name' ? printName(s.value) : printLiteral(s.value),
      ];
    case 'use':
      return ['USE', ...(s.objectType ? [s.objectType.toUpperCase()] : []), printName(s.name)];
  }
}
