import { PortcullisError } from '@portcullis/core/errors';
import type { StatementResult } from '../../sql/sql-outcome.js';

/**
 * The answer formats of Firebolt's query endpoint that Portcullis writes: `JSON_Compact`, which a driver's
 * `execute` asks for, and `JSONLines_Compact`, which its `executeStream` asks for.
 */
export type OutputFormat = 'json_compact' | 'jsonlines_compact';

/** Firebolt's format names match whatever their case; without one, JSON_Compact. */
export function outputFormatOf(requested: string | undefined): OutputFormat {
  const format = (requested ?? 'JSON_Compact').toLowerCase();
  if (format === 'json_compact' || format === 'jsonlines_compact') return format;
  throw new PortcullisError(
    'validation_failed',
    `The output format "${requested}" is not supported: Portcullis answers in JSON_Compact or JSONLines_Compact.`,
    { details: [{ field: 'query.output_format', message: 'must be JSON_Compact or JSONLines_Compact' }] },
  );
}

/**
 * A statement's rows in JSON_Compact: `meta` names each column and its Firebolt type, which the driver
 * decodes values by (`timestamptz` to a Date, `boolean`, `array(text)`), `data` holds the rows as arrays.
 * `statistics` describe the answer itself: Portcullis scans no tables, so `rows_read` is the rows sent
 * and `bytes_read` the length of their JSON.
 */
export function jsonCompactBody(result: StatementResult, elapsedSeconds: number): string {
  const data = JSON.stringify(result.rows);
  const statistics = {
    elapsed: elapsedSeconds,
    rows_read: result.rows.length,
    bytes_read: Buffer.byteLength(data),
  };
  return `{"meta":${JSON.stringify(result.columns)},"data":${data},"rows":${result.rows.length},"statistics":${JSON.stringify(statistics)}}`;
}

/**
 * The same in JSONLines_Compact, one JSON object a line: START with the columns, DATA with the rows (left
 * out when there are none), FINISH_SUCCESSFULLY. A failure is never streamed: it is a 400 before any line.
 */
export function jsonLinesCompactBody(result: StatementResult, elapsedSeconds: number): string {
  const lines: unknown[] = [{ message_type: 'START', result_columns: result.columns }];
  if (result.rows.length > 0) lines.push({ message_type: 'DATA', data: result.rows });
  lines.push({
    message_type: 'FINISH_SUCCESSFULLY',
    statistics: { elapsed: elapsedSeconds, rows_read: result.rows.length },
  });
  return `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`;
}
