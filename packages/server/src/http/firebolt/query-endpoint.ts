import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';
import { requireScriptSize, runSqlScript } from '../../sql/run-sql-script.js';
import { noRows, type SqlScriptOutcome } from '../../sql/sql-outcome.js';
import { decodeUtf8 } from '../input/strict-body-parsers.js';
import { callerOf } from '../request-context.js';
import { enginePath } from './engine-url.js';
import { fireboltErrorBody, fireboltStatementStatus, locationOf } from './firebolt-errors.js';
import { jsonCompactBody, jsonLinesCompactBody, outputFormatOf } from './output-formats.js';
import { sessionOfParameters } from './query-parameters.js';

// A repeated parameter arrives as an array and fails the string type.
const QueryParameters = Type.Record(Type.String(), Type.String({ maxLength: 2048 }));

/** What the driver is told about the statements a failing script ran before the one that failed. */
function failureMessage(failure: NonNullable<SqlScriptOutcome['failure']>): string {
  const index = failure.statement?.index ?? 0;
  if (index === 0) return failure.error.message;
  const before = index === 1 ? 'the statement before it ran' : `the ${index} statements before it ran`;
  return `${failure.error.message} (statement ${index + 1} of the script; ${before} and stays done)`;
}

/**
 * `POST /firebolt/query`: Firebolt's query endpoint, as its drivers call it. The body is the script as
 * raw UTF-8 text, sent as `application/json` by the drivers (and accepted as `text/plain`); the query
 * string carries the output format, the account and the driver's settings (query-parameters.ts). The
 * script runs as on `POST /api/v1/sql` — in order, the first failure stops it — and the answer is
 * Firebolt's: the last statement's rows in JSON_Compact, an empty body when it has none, or a 400 whose
 * location points into the script.
 */
export async function queryEndpoint(
  app: FastifyInstance,
  opts: { ctx: ServiceContext; maxScriptBytes: number },
): Promise<void> {
  const { ctx, maxScriptBytes } = opts;
  // As on POST /api/v1/sql: a little over the maximum is read, so the refusal can say how long it was.
  const bodyLimit = 2 * maxScriptBytes + 4096;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ['application/json', 'text/plain'],
    { parseAs: 'buffer', bodyLimit },
    (_request, body, done) => {
      try {
        done(null, decodeUtf8(body as Buffer));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );

  app.post<{ Body: string; Querystring: Static<typeof QueryParameters> }>(
    `${enginePath}query`,
    { bodyLimit, config: { errorFormat: 'firebolt' }, schema: { hide: true, querystring: QueryParameters } },
    async (request, reply) => {
      const format = outputFormatOf(request.query.output_format);
      const session = sessionOfParameters(request.query);
      const script = request.body ?? '';
      requireScriptSize(script, maxScriptBytes);
      const outcome = await runSqlScript(ctx, callerOf(request), script, session);
      if (outcome.failure) {
        const { failure } = outcome;
        return reply.code(fireboltStatementStatus(failure.error)).send(
          fireboltErrorBody(failure.error, {
            requestId: request.id,
            message: failureMessage(failure),
            location: locationOf(script, failure),
          }),
        );
      }
      // Firebolt answers a script with its last statement's result.
      const last = outcome.ran.at(-1)?.result ?? noRows;
      const elapsedSeconds = reply.elapsedTime / 1000;
      if (format === 'jsonlines_compact') {
        return reply
          .type('application/x-ndjson; charset=utf-8')
          .send(jsonLinesCompactBody(last, elapsedSeconds));
      }
      // No rows to describe: an empty body, not labelled JSON, which the driver would try to parse.
      if (last.columns.length === 0) return reply.send();
      return reply.type('application/json; charset=utf-8').send(jsonCompactBody(last, elapsedSeconds));
    },
  );
}
