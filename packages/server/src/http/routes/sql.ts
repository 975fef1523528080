import { isUtf8 } from 'node:buffer';
import { PortcullisError, statusOf } from '@portcullis/core/errors';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';
import { requireScriptSize, runSqlScript } from '../../sql/run-sql-script.js';
import type { StatementSpan } from '../../sql/sql-outcome.js';
import { callerOf } from '../request-context.js';
import { ErrorBody, errorResponses, withExample } from '../schemas/common.js';

const SqlBody = withExample(
  Type.Object(
    {
      query: Type.String({ description: 'One or more statements, separated by `;`.' }),
      account: Type.Optional(
        Type.String({ maxLength: 255, description: 'The account user statements act in (name or id).' }),
      ),
    },
    { additionalProperties: false },
  ),
  {
    query:
      'CREATE SERVICE ACCOUNT IF NOT EXISTS "reporting" WITH DESCRIPTION = \'nightly reports\';\nSELECT service_account_name, is_enabled FROM information_schema.service_accounts;',
  },
);

const SqlQuery = Type.Object(
  { account: Type.Optional(Type.String({ maxLength: 255, description: 'As `account` in a JSON body.' })) },
  { additionalProperties: false },
);

const StatementPlace = {
  index: Type.Integer({ description: 'The statement’s number in the script, from 0.' }),
  statement: Type.String({ description: 'Its text, as written.' }),
  line: Type.Integer(),
  column: Type.Integer(),
};

const StatementResultView = Type.Object({
  ...StatementPlace,
  columns: Type.Array(Type.Object({ name: Type.String(), type: Type.String() })),
  rows: Type.Array(Type.Array(Type.Unknown())),
});

const SqlResultView = Type.Object({
  statements: Type.Array(StatementResultView, { description: 'Every statement, in order, with its rows.' }),
});

const SqlFailureView = Type.Object(
  {
    error: ErrorBody.properties.error,
    failedStatement: Type.Optional(
      Type.Object(StatementPlace, { description: 'Absent when the script does not parse: nothing ran.' }),
    ),
    statements: Type.Optional(
      Type.Array(StatementResultView, { description: 'The statements that ran before it.' }),
    ),
  },
  {
    description:
      'The first failure stops the script; what ran before it stays done. A request refused before any statement ran (its body, its size, the caller) has the error alone.',
  },
);

const placeOf = (span: StatementSpan) => ({
  index: span.index,
  statement: span.text,
  line: span.start.line,
  column: span.start.column,
});

/**
 * `POST /api/v1/sql`: Firebolt's admin statements (docs/sql.md), each through the use case its REST call
 * uses, with the caller's permissions, in its own transaction. The script comes as `text/plain` or as JSON.
 */
export async function sqlRoutes(
  app: FastifyInstance,
  opts: { ctx: ServiceContext; maxScriptBytes: number },
): Promise<void> {
  const { ctx, maxScriptBytes } = opts;
  // The body may be a little over the maximum, so the refusal can say how long the script was; far over,
  // it is not read at all.
  const bodyLimit = 2 * maxScriptBytes + 4096;
  app.addContentTypeParser('text/plain', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
    if (!isUtf8(body as Buffer)) {
      done(new PortcullisError('malformed_body', 'The request body is not valid UTF-8.'), undefined);
      return;
    }
    done(null, { query: (body as Buffer).toString('utf8') });
  });

  app.post<{ Body: Static<typeof SqlBody>; Querystring: Static<typeof SqlQuery> }>(
    '/sql',
    {
      bodyLimit,
      schema: {
        tags: ['sql'],
        summary: 'Run SQL admin statements',
        description:
          'Firebolt’s statements for service accounts, logins, users, roles, network policies and the organization, and `SELECT` from `information_schema` (docs/sql.md). Send the script as `text/plain`, or as JSON `{query, account}`. Statements run in order, each in its own transaction with the caller’s permissions; the first failure stops the script and the answer says which statements ran and why the next failed. A script that does not parse runs nothing. `fb_GENERATESERVICEACCOUNTKEY` returns the new secret in its row, once.',
        consumes: ['application/json', 'text/plain'],
        querystring: SqlQuery,
        body: SqlBody,
        response: {
          200: SqlResultView,
          ...errorResponses,
          400: SqlFailureView,
          403: SqlFailureView,
          404: SqlFailureView,
          409: SqlFailureView,
        },
      },
    },
    async (request, reply) => {
      const { query } = request.body;
      requireScriptSize(query, maxScriptBytes);
      const session = { account: request.body.account ?? request.query.account };
      const outcome = await runSqlScript(ctx, callerOf(request), query, session);
      const statements = outcome.ran.map((run) => ({ ...placeOf(run), ...run.result }));
      reply.header('cache-control', 'no-store');
      if (!outcome.failure) return { statements };
      const { error, statement } = outcome.failure;
      return reply.code(statusOf(error.code)).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details === undefined ? {} : { details: error.details }),
          requestId: request.id,
        },
        ...(statement ? { failedStatement: placeOf(statement) } : {}),
        statements,
      });
    },
  );
}
