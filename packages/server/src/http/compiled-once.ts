/**
 * Compiled validators and serializers, kept for the process and keyed by what the schema says. A process
 * that starts many servers (the test suite starts hundreds) compiled every route's schemas again for each:
 * about 200 ms of each start. A compiled function depends only on the schema's content and the compiler's
 * options, which `kind` names; the route schemas are a fixed set, so this stays small.
 */
const compiled = new Map<string, unknown>();

export function compiledOnce<T>(kind: string, schema: unknown, compile: () => T): T {
  const key = `${kind} ${JSON.stringify(schema)}`;
  if (compiled.has(key)) return compiled.get(key) as T;
  const made = compile();
  compiled.set(key, made);
  return made;
}
