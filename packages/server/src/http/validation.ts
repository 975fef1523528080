import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const shared: Options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false };

// Bodies are JSON with real types: a number where a string belongs is an error, never coerced.
const bodies = addFormats(new Ajv({ ...shared, coerceTypes: false }));
// Query strings and path parameters are text by nature, so they are coerced to the declared type.
const parameters = addFormats(new Ajv({ ...shared, coerceTypes: true }));

/**
 * Fastify's default Ajv silently drops unknown properties (removeAdditional: true). Portcullis rejects
 * them instead, so a typo in a field name is an error and not a silently ignored setting.
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  if (httpPart !== 'body') return parameters.compile(schema as object);
  const validate = bodies.compile(schema as object);
  // A body whose every field is optional may be left out altogether (POST …/secrets with no options).
  const omittable = !((schema as { required?: unknown[] }).required?.length ?? 0);
  if (!omittable) return validate;
  // Fastify reads the failures from the validator's `errors` property, so the wrapper must carry them.
  const orAbsent = Object.assign(
    (data: unknown) => {
      const valid = data === undefined || data === null || validate(data);
      orAbsent.errors = valid ? null : validate.errors;
      return valid;
    },
    { errors: null as typeof validate.errors },
  );
  return orAbsent;
};
