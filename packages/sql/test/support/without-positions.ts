import { parseScript, type Statement } from '../../src/index.js';

/** A syntax tree without its `start` positions, for comparing shapes. */
export type WithoutPositions<T> = T extends (infer U)[]
  ? WithoutPositions<U>[]
  : T extends object
    ? { [K in keyof T as K extends 'start' ? never : K]: WithoutPositions<T[K]> }
    : T;

export function withoutPositions<T>(value: T): WithoutPositions<T> {
  if (Array.isArray(value)) return value.map(withoutPositions) as WithoutPositions<T>;
  if (value === null || typeof value !== 'object') return value as WithoutPositions<T>;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'start')
      .map(([key, item]) => [key, withoutPositions(item)]),
  ) as WithoutPositions<T>;
}

/** The statements of `script` without positions. */
export function statementsOf(script: string): WithoutPositions<Statement>[] {
  return parseScript(script).map(({ statement }) => withoutPositions(statement));
}

/** The one statement `text` holds, without positions. */
export function statementOf(text: string): WithoutPositions<Statement> {
  const statements = statementsOf(text);
  if (statements.length !== 1) throw new Error(`${statements.length} statements in ${text}`);
  return statements[0]!;
}

export const name = (value: string) => ({ kind: 'name', value, quoted: false }) as const;
export const quoted = (value: string) => ({ kind: 'name', value, quoted: true }) as const;
export const string = (value: string) => ({ kind: 'string', value }) as const;
export const number = (value: number) => ({ kind: 'number', value }) as const;
export const boolean = (value: boolean) => ({ kind: 'boolean', value }) as const;
export const nullLiteral = { kind: 'null' } as const;
export const column = (name: string) => ({ kind: 'column', name }) as const;
export const catalog = (value: string) => ({ value }) as const;
