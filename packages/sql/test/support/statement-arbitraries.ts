import fc from 'fast-check';
import type { Expression, Literal, Name, Operand, Statement, StringLiteral } from '../../src/index.js';
import { keywords } from './keywords.js';
import type { WithoutPositions } from './without-positions.js';

/*
 * Random syntax trees of every statement, shaped as the parser gives them (no positions): the round-trip
 * property prints them and parses them back.
 */

type Tree<T> = WithoutPositions<T>;

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,11}$/).filter((w) => !keywords.has(w.toUpperCase()));
const lowerWord = word.map((w) => w.toLowerCase()).filter((w) => !keywords.has(w.toUpperCase()));
/** Any characters at all, line breaks, quotes and lone surrogates included. */
const anyText = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 });

const name: fc.Arbitrary<Tree<Name>> = fc.oneof(
  word.map((value) => ({ kind: 'name', value, quoted: false }) as const),
  anyText.map((value) => ({ kind: 'name', value, quoted: true }) as const),
);
const quotedName = anyText.map((value) => ({ kind: 'name', value, quoted: true }) as const);
const string: fc.Arbitrary<Tree<StringLiteral>> = fc
  .string({ unit: 'binary', maxLength: 12 })
  .map((value) => ({ kind: 'string', value }) as const);
const catalogPart = fc.oneof(lowerWord, anyText);
const dotted = fc
  .array(lowerWord, { minLength: 1, maxLength: 3 })
  .map((parts) => ({ value: parts.join('.') }));
const orDefault = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null, freq: 3 });
const connectionPreference = fc.constantFrom(
  'public_only',
  'private_only',
  'prefer_public',
  'prefer_private',
);

const literal: fc.Arbitrary<Tree<Literal>> = fc.oneof(
  string,
  fc.maxSafeNat().map((value) => ({ kind: 'number', value }) as const),
  fc.boolean().map((value) => ({ kind: 'boolean', value }) as const),
  fc.constant({ kind: 'null' } as const),
);
const column = catalogPart.map((name) => ({ kind: 'column', name }) as const);
const operand: fc.Arbitrary<Tree<Operand>> = fc.oneof(column, literal);

const { expression } = fc.letrec<{ expression: Tree<Expression> }>((tie) => ({
  expression: fc.oneof(
    { maxDepth: 5, depthIdentifier: 'expression' },
    fc.oneof(
      fc.record({
        kind: fc.constant('comparison' as const),
        operator: fc.constantFrom('=' as const, '<>' as const),
        left: operand,
        right: operand,
      }),
      fc.record({ kind: fc.constant('like' as const), negated: fc.boolean(), operand, pattern: operand }),
      fc.record({
        kind: fc.constant('in' as const),
        negated: fc.boolean(),
        operand,
        values: fc.array(operand, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({ kind: fc.constant('is_null' as const), negated: fc.boolean(), operand }),
    ),
    fc.record({
      kind: fc.constantFrom('and' as const, 'or' as const),
      operands: fc.array(tie('expression'), { minLength: 2, maxLength: 3 }),
    }),
    fc.record({ kind: fc.constant('not' as const), operand: tie('expression') }),
  ),
}));

const hasSomeOption = (tree: object, fixed: number) => Object.keys(tree).length > fixed;

const statements: fc.Arbitrary<Tree<Statement>>[] = [
  fc.record(
    {
      kind: fc.constant('create_service_account' as const),
      ifNotExists: fc.boolean(),
      name,
      description: string,
      networkPolicy: name,
      isOrganizationAdmin: fc.boolean(),
      connectionPreference: orDefault(connectionPreference),
    },
    { requiredKeys: ['kind', 'ifNotExists', 'name'] },
  ),
  fc
    .record(
      {
        kind: fc.constant('alter_service_account' as const),
        name,
        networkPolicy: orDefault(name),
        description: orDefault(string),
        isOrganizationAdmin: fc.boolean(),
        connectionPreference: orDefault(connectionPreference),
        isEnabled: fc.boolean(),
      },
      { requiredKeys: ['kind', 'name'] },
    )
    .filter((tree) => hasSomeOption(tree, 2)),
  fc.record({ kind: fc.constant('rename_service_account' as const), name, newName: name }),
  fc.record({ kind: fc.constant('drop_service_account' as const), ifExists: fc.boolean(), name }),
  fc.record({ kind: fc.constant('generate_service_account_key' as const), serviceAccount: quotedName }),
  fc.record(
    {
      kind: fc.constant('create_login' as const),
      ifNotExists: fc.boolean(),
      name,
      firstName: string,
      lastName: string,
      networkPolicy: name,
      isOrganizationAdmin: fc.boolean(),
      isPasswordEnabled: fc.boolean(),
      isMfaEnabled: fc.boolean(),
    },
    { requiredKeys: ['kind', 'ifNotExists', 'name', 'firstName', 'lastName'] },
  ),
  fc
    .record(
      {
        kind: fc.constant('alter_login' as const),
        name,
        networkPolicy: orDefault(name),
        isOrganizationAdmin: fc.boolean(),
        firstName: string,
        lastName: string,
        isEnabled: fc.boolean(),
        isPasswordEnabled: fc.boolean(),
        isMfaEnabled: fc.boolean(),
      },
      { requiredKeys: ['kind', 'name'] },
    )
    .filter((tree) => hasSomeOption(tree, 2)),
  fc.record({ kind: fc.constant('rename_login' as const), name, newName: name }),
  fc.record({ kind: fc.constant('drop_login' as const), ifExists: fc.boolean(), name }),
  fc
    .record(
      {
        kind: fc.constant('create_user' as const),
        ifNotExists: fc.boolean(),
        name,
        login: name,
        serviceAccount: name,
        defaultDatabase: name,
        defaultEngine: name,
        roles: fc.array(name, { minLength: 1, maxLength: 3 }),
      },
      { requiredKeys: ['kind', 'ifNotExists', 'name'] },
    )
    .filter((tree) => !(tree.login && tree.serviceAccount)),
  fc
    .record(
      {
        kind: fc.constant('alter_user' as const),
        name,
        login: orDefault(name),
        serviceAccount: orDefault(name),
        defaultDatabase: orDefault(name),
        defaultEngine: orDefault(name),
      },
      { requiredKeys: ['kind', 'name'] },
    )
    .filter((tree) => hasSomeOption(tree, 2) && !(tree.login && tree.serviceAccount)),
  fc.record({ kind: fc.constant('rename_user' as const), name, newName: name }),
  fc.record({ kind: fc.constant('drop_user' as const), ifExists: fc.boolean(), name }),
  fc.record(
    {
      kind: fc.constant('create_network_policy' as const),
      ifNotExists: fc.boolean(),
      name,
      allowedIpList: fc.array(string, { maxLength: 3 }),
      blockedIpList: fc.array(string, { maxLength: 3 }),
      description: string,
    },
    { requiredKeys: ['kind', 'ifNotExists', 'name', 'allowedIpList'] },
  ),
  fc
    .record(
      {
        kind: fc.constant('alter_network_policy' as const),
        ifExists: fc.boolean(),
        name,
        operation: fc.constantFrom('set' as const, 'add' as const, 'remove' as const),
        allowedIpList: fc.array(string, { maxLength: 3 }),
        blockedIpList: fc.array(string, { maxLength: 3 }),
        description: string,
      },
      { requiredKeys: ['kind', 'ifExists', 'name', 'operation'] },
    )
    .filter((tree) => hasSomeOption(tree, 4) && (tree.operation === 'set' || tree.description === undefined)),
  fc.record({
    kind: fc.constant('rename_network_policy' as const),
    ifExists: fc.boolean(),
    name,
    newName: name,
  }),
  fc.record(
    {
      kind: fc.constant('drop_network_policy' as const),
      ifExists: fc.boolean(),
      name,
      behavior: fc.constantFrom('restrict' as const, 'cascade' as const),
    },
    { requiredKeys: ['kind', 'ifExists', 'name'] },
  ),
  fc.record(
    { kind: fc.constant('alter_organization' as const), organization: name, networkPolicy: orDefault(name) },
    { requiredKeys: ['kind', 'networkPolicy'] },
  ),
  fc.record({ kind: fc.constant('create_role' as const), ifNotExists: fc.boolean(), name }),
  fc.record({ kind: fc.constant('drop_role' as const), ifExists: fc.boolean(), name }),
  fc.record({ kind: fc.constantFrom('grant_role' as const, 'revoke_role' as const), role: name, user: name }),
  fc.record({
    kind: fc.constantFrom('grant_permission' as const, 'revoke_permission' as const),
    actions: fc.array(
      catalogPart.map((value) => ({ value })),
      { minLength: 1, maxLength: 3 },
    ),
    resource: fc.oneof(dotted, fc.constant({ value: '*' })),
    role: name,
  }),
  fc.record({
    kind: fc.constant('show' as const),
    objects: fc.constantFrom(
      'service_accounts' as const,
      'users' as const,
      'logins' as const,
      'network_policies' as const,
      'roles' as const,
    ),
  }),
  fc.record(
    {
      kind: fc.constant('select' as const),
      columns: fc.oneof(fc.constant('*' as const), fc.array(column, { minLength: 1, maxLength: 3 })),
      table: dotted,
      where: expression,
      orderBy: fc.array(fc.record({ column, direction: fc.constantFrom('asc' as const, 'desc' as const) }), {
        maxLength: 2,
      }),
      limit: fc.maxSafeNat().map((value) => ({ kind: 'number', value }) as const),
    },
    { requiredKeys: ['kind', 'columns', 'table', 'orderBy'] },
  ),
  fc.record({
    kind: fc.constant('select_values' as const),
    values: fc.array(literal, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('set' as const),
    name: dotted,
    value: fc.oneof(
      string,
      fc.maxSafeNat().map((value) => ({ kind: 'number', value }) as const),
      fc.boolean().map((value) => ({ kind: 'boolean', value }) as const),
      name,
    ),
  }),
  fc.record(
    {
      kind: fc.constant('use' as const),
      objectType: fc.constantFrom('database' as const, 'engine' as const),
      name,
    },
    { requiredKeys: ['kind', 'name'] },
  ),
];

export const statement: fc.Arbitrary<Tree<Statement>> = fc.oneof(...statements);

/** What may stand between two tokens: spaces, line breaks of each kind, comments. */
export const separator = fc.constantFrom(
  ' ',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' /* c */ ',
  '/**/',
  ' -- c\n',
  '--\r\n',
  '\u00A0',
);
