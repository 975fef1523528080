import { describe, expect, it } from 'vitest';
import type { Statement } from '../src/index.js';
import {
  boolean,
  catalog,
  column,
  name,
  nullLiteral,
  number,
  quoted,
  statementOf,
  string,
  type WithoutPositions,
} from './support/without-positions.js';

type Case = [sql: string, statement: WithoutPositions<Statement>];

const serviceAccounts: Case[] = [
  ['CREATE SERVICE ACCOUNT sa', { kind: 'create_service_account', ifNotExists: false, name: name('sa') }],
  [
    `CREATE SERVICE ACCOUNT IF NOT EXISTS sa WITH DESCRIPTION = 'd' NETWORK_POLICY = p
       IS_ORGANIZATION_ADMIN = TRUE CONNECTION_PREFERENCE = PREFER_PRIVATE`,
    {
      kind: 'create_service_account',
      ifNotExists: true,
      name: name('sa'),
      description: string('d'),
      networkPolicy: name('p'),
      isOrganizationAdmin: true,
      connectionPreference: 'prefer_private',
    },
  ],
  [
    'CREATE SERVICE ACCOUNT sa WITH CONNECTION_PREFERENCE = DEFAULT, IS_ORGANIZATION_ADMIN = false',
    {
      kind: 'create_service_account',
      ifNotExists: false,
      name: name('sa'),
      connectionPreference: null,
      isOrganizationAdmin: false,
    },
  ],
  [
    'ALTER SERVICE ACCOUNT sa SET NETWORK_POLICY = DEFAULT DESCRIPTION = DEFAULT',
    { kind: 'alter_service_account', name: name('sa'), networkPolicy: null, description: null },
  ],
  [
    `ALTER SERVICE ACCOUNT "Sa" SET NETWORK_POLICY = 'p' DESCRIPTION = 'new' IS_ORGANIZATION_ADMIN = FALSE
       CONNECTION_PREFERENCE = PUBLIC_ONLY IS_ENABLED = FALSE`,
    {
      kind: 'alter_service_account',
      name: quoted('Sa'),
      networkPolicy: quoted('p'),
      description: string('new'),
      isOrganizationAdmin: false,
      connectionPreference: 'public_only',
      isEnabled: false,
    },
  ],
  [
    'ALTER SERVICE ACCOUNT sa RENAME TO "sa 2"',
    { kind: 'rename_service_account', name: name('sa'), newName: quoted('sa 2') },
  ],
  ['DROP SERVICE ACCOUNT sa', { kind: 'drop_service_account', ifExists: false, name: name('sa') }],
  ['DROP SERVICE ACCOUNT IF EXISTS sa', { kind: 'drop_service_account', ifExists: true, name: name('sa') }],
  [
    "call FB_GenerateServiceAccountKey('sa')",
    { kind: 'generate_service_account_key', serviceAccount: quoted('sa') },
  ],
];

const logins: Case[] = [
  [
    `CREATE LOGIN "alex@acme.com" WITH FIRST_NAME = 'Alex' LAST_NAME = 'Doe'`,
    {
      kind: 'create_login',
      ifNotExists: false,
      name: quoted('alex@acme.com'),
      firstName: string('Alex'),
      lastName: string('Doe'),
    },
  ],
  [
    `CREATE LOGIN IF NOT EXISTS "alex@acme.com" WITH NETWORK_POLICY = p IS_ORGANIZATION_ADMIN = TRUE
       LAST_NAME = 'Doe', FIRST_NAME = 'Alex', IS_PASSWORD_ENABLED = FALSE, IS_MFA_ENABLED = TRUE`,
    {
      kind: 'create_login',
      ifNotExists: true,
      name: quoted('alex@acme.com'),
      networkPolicy: name('p'),
      isOrganizationAdmin: true,
      lastName: string('Doe'),
      firstName: string('Alex'),
      isPasswordEnabled: false,
      isMfaEnabled: true,
    },
  ],
  [
    `ALTER LOGIN "alex@acme.com" SET NETWORK_POLICY = DEFAULT IS_ORGANIZATION_ADMIN = FALSE
       FIRST_NAME = 'Al' LAST_NAME = 'X' IS_ENABLED = FALSE IS_PASSWORD_ENABLED = TRUE IS_MFA_ENABLED = FALSE`,
    {
      kind: 'alter_login',
      name: quoted('alex@acme.com'),
      networkPolicy: null,
      isOrganizationAdmin: false,
      firstName: string('Al'),
      lastName: string('X'),
      isEnabled: false,
      isPasswordEnabled: true,
      isMfaEnabled: false,
    },
  ],
  [
    `ALTER LOGIN "a@acme.com" RENAME TO "b@acme.com"`,
    { kind: 'rename_login', name: quoted('a@acme.com'), newName: quoted('b@acme.com') },
  ],
  [`DROP LOGIN IF EXISTS "a@acme.com"`, { kind: 'drop_login', ifExists: true, name: quoted('a@acme.com') }],
  [`DROP LOGIN "a@acme.com"`, { kind: 'drop_login', ifExists: false, name: quoted('a@acme.com') }],
];

const users: Case[] = [
  ['CREATE USER u', { kind: 'create_user', ifNotExists: false, name: name('u') }],
  [
    `CREATE USER IF NOT EXISTS u WITH LOGIN = "alex@acme.com" DEFAULT_DATABASE = db DEFAULT_ENGINE = 'eng'
       ROLE = (r1, "R 2", 'r3')`,
    {
      kind: 'create_user',
      ifNotExists: true,
      name: name('u'),
      login: quoted('alex@acme.com'),
      defaultDatabase: name('db'),
      defaultEngine: quoted('eng'),
      roles: [name('r1'), quoted('R 2'), quoted('r3')],
    },
  ],
  [
    `CREATE USER u WITH SERVICE_ACCOUNT = 'sa' ROLE = admin`,
    {
      kind: 'create_user',
      ifNotExists: false,
      name: name('u'),
      serviceAccount: quoted('sa'),
      roles: [name('admin')],
    },
  ],
  [
    'ALTER USER u SET LOGIN = DEFAULT SERVICE_ACCOUNT = sa DEFAULT_DATABASE = DEFAULT DEFAULT_ENGINE = e',
    {
      kind: 'alter_user',
      name: name('u'),
      login: null,
      serviceAccount: name('sa'),
      defaultDatabase: null,
      defaultEngine: name('e'),
    },
  ],
  [
    'ALTER USER u SET SERVICE_ACCOUNT = sa LOGIN = DEFAULT',
    { kind: 'alter_user', name: name('u'), serviceAccount: name('sa'), login: null },
  ],
  ['ALTER USER u RENAME TO v', { kind: 'rename_user', name: name('u'), newName: name('v') }],
  ['DROP USER IF EXISTS u', { kind: 'drop_user', ifExists: true, name: name('u') }],
];

const networkPolicies: Case[] = [
  [
    "CREATE NETWORK POLICY p WITH ALLOWED_IP_LIST = ('10.0.0.0/8', '192.168.1.1')",
    {
      kind: 'create_network_policy',
      ifNotExists: false,
      name: name('p'),
      allowedIpList: [string('10.0.0.0/8'), string('192.168.1.1')],
    },
  ],
  [
    `CREATE NETWORK POLICY IF NOT EXISTS p WITH ALLOWED_IP_LIST = () BLOCKED_IP_LIST = ('not an address')
       DESCRIPTION = 'office'`,
    {
      kind: 'create_network_policy',
      ifNotExists: true,
      name: name('p'),
      allowedIpList: [],
      blockedIpList: [string('not an address')],
      description: string('office'),
    },
  ],
  [
    "ALTER NETWORK POLICY p SET ALLOWED_IP_LIST = ('1.2.3.4') DESCRIPTION = 'x'",
    {
      kind: 'alter_network_policy',
      ifExists: false,
      name: name('p'),
      operation: 'set',
      allowedIpList: [string('1.2.3.4')],
      description: string('x'),
    },
  ],
  [
    "ALTER NETWORK POLICY IF EXISTS p ADD BLOCKED_IP_LIST = ('5.6.7.8/32')",
    {
      kind: 'alter_network_policy',
      ifExists: true,
      name: name('p'),
      operation: 'add',
      blockedIpList: [string('5.6.7.8/32')],
    },
  ],
  [
    "ALTER NETWORK POLICY p REMOVE ALLOWED_IP_LIST = ('1.2.3.4') BLOCKED_IP_LIST = ()",
    {
      kind: 'alter_network_policy',
      ifExists: false,
      name: name('p'),
      operation: 'remove',
      allowedIpList: [string('1.2.3.4')],
      blockedIpList: [],
    },
  ],
  [
    'ALTER NETWORK POLICY IF EXISTS p RENAME TO q',
    { kind: 'rename_network_policy', ifExists: true, name: name('p'), newName: name('q') },
  ],
  ['DROP NETWORK POLICY p', { kind: 'drop_network_policy', ifExists: false, name: name('p') }],
  [
    'DROP NETWORK POLICY IF EXISTS p CASCADE',
    { kind: 'drop_network_policy', ifExists: true, name: name('p'), behavior: 'cascade' },
  ],
  [
    'DROP NETWORK POLICY p RESTRICT',
    { kind: 'drop_network_policy', ifExists: false, name: name('p'), behavior: 'restrict' },
  ],
];

const organizationAndRoles: Case[] = [
  ['ALTER ORGANIZATION SET NETWORK_POLICY = p', { kind: 'alter_organization', networkPolicy: name('p') }],
  [
    'ALTER ORGANIZATION acme SET NETWORK_POLICY = DEFAULT',
    { kind: 'alter_organization', organization: name('acme'), networkPolicy: null },
  ],
  ['CREATE ROLE r', { kind: 'create_role', ifNotExists: false, name: name('r') }],
  ['CREATE ROLE IF NOT EXISTS "R"', { kind: 'create_role', ifNotExists: true, name: quoted('R') }],
  ['CREATE ROLE if', { kind: 'create_role', ifNotExists: false, name: name('if') }],
  ['DROP ROLE IF EXISTS r', { kind: 'drop_role', ifExists: true, name: name('r') }],
  ['GRANT ROLE r TO USER u', { kind: 'grant_role', role: name('r'), user: name('u') }],
  ['REVOKE ROLE r FROM USER "U"', { kind: 'revoke_role', role: name('r'), user: quoted('U') }],
  [
    'GRANT get, LIST ON incidents TO r',
    {
      kind: 'grant_permission',
      actions: [catalog('get'), catalog('list')],
      resource: catalog('incidents'),
      role: name('r'),
    },
  ],
  [
    'GRANT * ON Portcullis.Service_Accounts TO r',
    {
      kind: 'grant_permission',
      actions: [catalog('*')],
      resource: catalog('portcullis.service_accounts'),
      role: name('r'),
    },
  ],
  [
    'REVOKE update ON * FROM "Ops"',
    { kind: 'revoke_permission', actions: [catalog('update')], resource: catalog('*'), role: quoted('Ops') },
  ],
];

const reading: Case[] = [
  ['SHOW SERVICE ACCOUNTS', { kind: 'show', objects: 'service_accounts' }],
  ['show users', { kind: 'show', objects: 'users' }],
  ['SHOW LOGINS', { kind: 'show', objects: 'logins' }],
  ['SHOW NETWORK POLICIES', { kind: 'show', objects: 'network_policies' }],
  ['SHOW ROLES', { kind: 'show', objects: 'roles' }],
  [
    'SELECT * FROM information_schema.service_accounts',
    { kind: 'select', columns: '*', table: catalog('information_schema.service_accounts'), orderBy: [] },
  ],
  [
    'select Service_Account_Name, "description" from INFORMATION_SCHEMA.Users order by name desc, email limit 5',
    {
      kind: 'select',
      columns: [column('service_account_name'), column('description')],
      table: catalog('information_schema.users'),
      orderBy: [
        { column: column('name'), direction: 'desc' },
        { column: column('email'), direction: 'asc' },
      ],
      limit: number(5),
    },
  ],
  [
    "SELECT name FROM information_schema.logins WHERE email LIKE '%@acme.com' ORDER BY name ASC",
    {
      kind: 'select',
      columns: [column('name')],
      table: catalog('information_schema.logins'),
      where: { kind: 'like', negated: false, operand: column('email'), pattern: string('%@acme.com') },
      orderBy: [{ column: column('name'), direction: 'asc' }],
    },
  ],
  ['SELECT 1', { kind: 'select_values', values: [number(1)] }],
  [
    "SELECT 'a', TRUE, false, NULL",
    { kind: 'select_values', values: [string('a'), boolean(true), boolean(false), nullLiteral] },
  ],
  ["SET time_zone = 'UTC'", { kind: 'set', name: catalog('time_zone'), value: string('UTC') }],
  ['SET Statement_Timeout = 60', { kind: 'set', name: catalog('statement_timeout'), value: number(60) }],
  [
    'SET enable_result_cache = FALSE',
    { kind: 'set', name: catalog('enable_result_cache'), value: boolean(false) },
  ],
  ['SET engine = My_Engine', { kind: 'set', name: catalog('engine'), value: name('My_Engine') }],
  ['USE DATABASE db', { kind: 'use', objectType: 'database', name: name('db') }],
  ['USE ENGINE "Eng"', { kind: 'use', objectType: 'engine', name: quoted('Eng') }],
  ['USE db', { kind: 'use', name: name('db') }],
  ['USE engine', { kind: 'use', name: name('engine') }],
];

function whereOf(condition: string) {
  const statement = statementOf(`SELECT * FROM information_schema.users WHERE ${condition}`);
  if (statement.kind !== 'select') throw new Error(statement.kind);
  return statement.where;
}

describe('each statement form parses to its syntax tree', () => {
  describe.each([
    ['service accounts', serviceAccounts],
    ['logins', logins],
    ['users', users],
    ['network policies', networkPolicies],
    ['organization and roles', organizationAndRoles],
    ['reading and session', reading],
  ] as const)('%s', (_, cases) => {
    it.each(cases)('%s', (sql, expected) => {
      expect(statementOf(sql)).toEqual(expected);
    });
  });
});

describe('WHERE conditions', () => {
  it('read each comparison and predicate', () => {
    expect(whereOf("name = 'a'")).toEqual({
      kind: 'comparison',
      operator: '=',
      left: column('name'),
      right: string('a'),
    });
    expect(whereOf('1 <> is_enabled')).toEqual({
      kind: 'comparison',
      operator: '<>',
      left: number(1),
      right: column('is_enabled'),
    });
    expect(whereOf('is_enabled != TRUE')).toEqual({
      kind: 'comparison',
      operator: '<>',
      left: column('is_enabled'),
      right: boolean(true),
    });
    expect(whereOf("name NOT LIKE 'x%'")).toEqual({
      kind: 'like',
      negated: true,
      operand: column('name'),
      pattern: string('x%'),
    });
    expect(whereOf("name IN ('a', description, NULL)")).toEqual({
      kind: 'in',
      negated: false,
      operand: column('name'),
      values: [string('a'), column('description'), nullLiteral],
    });
    expect(whereOf('name NOT IN (1)')).toEqual({
      kind: 'in',
      negated: true,
      operand: column('name'),
      values: [number(1)],
    });
    expect(whereOf('description IS NULL')).toEqual({
      kind: 'is_null',
      negated: false,
      operand: column('description'),
    });
    expect(whereOf('description is not null')).toEqual({
      kind: 'is_null',
      negated: true,
      operand: column('description'),
    });
  });

  it('bind NOT tighter than AND, and AND tighter than OR', () => {
    const a = { kind: 'comparison', operator: '=', left: column('a'), right: number(1) } as const;
    const b = { kind: 'comparison', operator: '=', left: column('b'), right: number(2) } as const;
    const c = { kind: 'comparison', operator: '=', left: column('c'), right: number(3) } as const;
    expect(whereOf('a = 1 OR b = 2 AND NOT c = 3')).toEqual({
      kind: 'or',
      operands: [a, { kind: 'and', operands: [b, { kind: 'not', operand: c }] }],
    });
    expect(whereOf('NOT a = 1 AND b = 2 OR c = 3')).toEqual({
      kind: 'or',
      operands: [{ kind: 'and', operands: [{ kind: 'not', operand: a }, b] }, c],
    });
  });

  it('let parentheses group, and keep a chain of AND or OR as one node', () => {
    const a = { kind: 'is_null', negated: false, operand: column('a') } as const;
    const b = { kind: 'is_null', negated: false, operand: column('b') } as const;
    const c = { kind: 'is_null', negated: false, operand: column('c') } as const;
    expect(whereOf('(a IS NULL OR b IS NULL) AND c IS NULL')).toEqual({
      kind: 'and',
      operands: [{ kind: 'or', operands: [a, b] }, c],
    });
    expect(whereOf('a IS NULL AND b IS NULL AND c IS NULL')).toEqual({ kind: 'and', operands: [a, b, c] });
    expect(whereOf('a IS NULL OR b IS NULL OR c IS NULL')).toEqual({ kind: 'or', operands: [a, b, c] });
    expect(whereOf('NOT NOT ((a IS NULL))')).toEqual({ kind: 'not', operand: { kind: 'not', operand: a } });
  });
});
