import Table from 'cli-table3';
import { printable } from './sql-output.js';

/** A column of a table: its heading and how to read it from a record. */
export interface Column<T> {
  heading: string;
  value: (record: T) => unknown;
}

/** A table or JSON, as the command was asked: `--json`. */
export interface OutputOptions {
  json?: boolean;
}

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellOf).join(', ');
  if (typeof value === 'object') return printable(JSON.stringify(value));
  return printable(String(value));
}

// No colours: the output is the same on a terminal, in a pipe and in a file.
const plain = { head: [], border: [] };

/** Records as rows under headings, for people; the API's records as a JSON array, for scripts. */
export function printRecords<T>(records: T[], columns: Column<T>[], options: OutputOptions): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
    return;
  }
  const table = new Table({ head: columns.map((column) => column.heading), style: plain });
  for (const record of records) table.push(columns.map((column) => cellOf(column.value(record))));
  const count = records.length === 1 ? '(1 row)' : `(${records.length} rows)`;
  process.stdout.write(`${table.toString()}\n${count}\n`);
}

/** One record as a field-per-line table, for people; the API's record as JSON, for scripts. */
export function printRecord<T>(record: T, fields: Column<T>[], options: OutputOptions): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    return;
  }
  const table = new Table({ style: plain });
  for (const field of fields) table.push({ [field.heading]: cellOf(field.value(record)) });
  process.stdout.write(`${table.toString()}\n`);
}

/** A one-line confirmation for people; for scripts, the JSON given (or nothing). */
export function printDone(message: string, options: OutputOptions, json?: unknown): void {
  if (!options.json) process.stdout.write(`${printable(message)}\n`);
  else if (json !== undefined) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
}
