import { type IdKind, idPattern } from '@portcullis/core/ids';
import { toWallClock } from '@portcullis/core/time';
import { type Static, type TSchema, Type } from 'typebox';
import type { PageRequest } from '../../store/repositories/page.js';

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
      requestId: Type.String(),
    }),
  },
  {
    $id: 'ErrorBody',
    description: 'Every API error: a stable code (docs/errors.md), a message, and the request id.',
  },
);

export const OAuthErrorBody = Type.Object(
  { error: Type.String(), error_description: Type.Optional(Type.String()) },
  { description: 'RFC 6749 §5.2 error response.' },
);

/**
 * A request body schema with the example the API reference shows and its "Try it out" sends. Without one,
 * swagger-ui makes its own from the types, `true` for every flag: an organization-admin service account
 * with the name "string". The clone keeps TypeBox's own (non-enumerable) markers.
 */
export function withExample<T extends TSchema>(schema: T, example: Static<T>): T {
  const clone = Object.create(Object.getPrototypeOf(schema), Object.getOwnPropertyDescriptors(schema)) as T;
  return Object.assign(clone, { examples: [example] });
}

export const Timestamp = Type.String({ format: 'date-time' });

export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

const validToText =
  'YYYY-MM-DDTHH:mm[:ss] read in timezone, or an instant with Z or an offset; in the future.';

/** A valid-to as a person enters it; one not in the future is refused with `valid_to_in_past`. */
const validToField = Type.String({ maxLength: 40, description: validToText });

const timezoneField = Type.String({
  maxLength: 64,
  description: 'IANA zone validTo is read in (such as Europe/Berlin); default UTC. Only with validTo.',
});

/** The valid-to fields of a creating request: none means valid until disabled or deleted. */
export const validToInput = {
  validTo: Type.Optional(validToField),
  timezone: Type.Optional(timezoneField),
};

/** The valid-to fields of an edit: null clears the valid-to. */
export const validToEdit = {
  validTo: Type.Optional(
    Type.Union([validToField, Type.Null()], { description: `${validToText} null clears it.` }),
  ),
  timezone: Type.Optional(timezoneField),
};

/** How every credential shows its valid-to: the instant, and the wall-clock time in the zone it was entered in. */
export const validityView = {
  validTo: Type.Union([Timestamp, Type.Null()], { description: 'UTC.' }),
  validToLocal: Type.Union([Type.String(), Type.Null()], {
    description: 'Valid-to as entered, in timezone.',
  }),
  timezone: Type.Union([Type.String(), Type.Null()], { description: 'IANA zone valid-to was entered in.' }),
};

export function validityOf(credential: { validTo: number | null; validToTimezone: string | null }): {
  validTo: string | null;
  validToLocal: string | null;
  timezone: string | null;
} {
  const { validTo, validToTimezone } = credential;
  return {
    validTo: validTo === null ? null : isoTime(validTo),
    validToLocal: validTo === null || !validToTimezone ? null : toWallClock(validTo, validToTimezone),
    timezone: validToTimezone,
  };
}

export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  415: ErrorBody,
};

/** Every list: at most 500 items a page, 100 unless asked. */
export const pageLimit = { default: 100, maximum: 500 } as const;

const Limit = Type.Integer({
  minimum: 1,
  maximum: pageLimit.maximum,
  default: pageLimit.default,
  description: 'Items per page.',
});

export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Limit),
    cursor: Type.Optional(
      Type.String({ maxLength: 64, description: 'The nextCursor of the previous page.' }),
    ),
  },
  { additionalProperties: false },
);

/** `limit` and `cursor` of a list whose cursor is an id of `kind` (the last item of the previous page). */
export function idPageFields(kind: IdKind) {
  return {
    limit: Type.Optional(Limit),
    cursor: Type.Optional(
      Type.String({ pattern: idPattern(kind), description: 'The nextCursor of the previous page.' }),
    ),
  };
}

export function IdPageQuery(kind: IdKind) {
  return Type.Object(idPageFields(kind), { additionalProperties: false });
}

/** What a list's use case is asked for, from its validated query string. */
export function pageRequestOf(query: {
  limit?: number | undefined;
  cursor?: string | undefined;
}): PageRequest {
  return { limit: query.limit ?? pageLimit.default, after: query.cursor };
}

/** A page of a list: `nextCursor` is null on the last page. */
export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

export const IdParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
