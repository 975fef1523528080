import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fastJson from 'fast-json-stringify';
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import { compiledOnce } from './compiled-once.js';

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
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  httpPart === 'body'
    ? compiledOnce('body', schema, () => bodyValidator(schema as object))
    : compiledOnce('parameters', schema, () => parameters.compile(schema as object));

function bodyValidator(schema: object) {
  const validate = bodies.compile(schema);
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
}

/** Fastify's own serializer compiler (fast-json-stringify, no shared schemas), compiled once per schema. */
export const serializerCompiler: FastifySerializerCompiler<unknown> = ({ schema }) =>
  compiledOnce('response', schema, () => fastJson(schema as Parameters<typeof fastJson>[0]));
