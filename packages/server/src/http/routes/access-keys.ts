import { maxDescriptionLength } from '@portcullis/core/names';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { createAccessKey } from '../../services/client-credentials/create-client-credential.js';
import {
  deleteOwnClientCredential,
  listOwnClientCredentials,
} from '../../services/client-credentials/manage-client-credentials.js';
import type { ServiceContext } from '../../services/context.js';
import { callerOf } from '../request-context.js';
import {
  errorResponses,
  IdParams,
  isoTime,
  PageQuery,
  Timestamp,
  validityOf,
  validityView,
  validToInput,
  withExample,
} from '../schemas/common.js';

const CreateBody = Type.Object(
  {
    description: Type.Optional(Type.String({ maxLength: maxDescriptionLength })),
    ...validToInput,
  },
  { additionalProperties: false },
);
const KeyView = Type.Object({
  accessKey: Type.String(),
  description: Type.String(),
  ...validityView,
  lastUsedAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
});

/** Firefly's "Settings > Users > Create Key Pair": your own access key and secret key, shown once. */
export async function accessKeyRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const tags = ['access keys'];

  app.post<{ Body: Static<typeof CreateBody> | undefined }>(
    '/users/me/access-keys',
    {
      schema: {
        tags,
        summary: 'Create an access key pair acting as you (for POST /v2/login and Basic auth)',
        description:
          'Needs `portcullis.client_credentials:create` and a user in the account. The pair acts with exactly your rights, now and later, and stops when your user goes. Exchange it at `POST /v2/login`, or send it as HTTP Basic. A `validTo` is read in `timezone` (UTC if none) and must lie in the future (`valid_to_in_past`). Where the organization sets `maxCredentialLifetimeDays`, a `validTo` is required (`valid_to_required`) and may lie at most that many days ahead (`valid_to_beyond_maximum`); both refusals give `details.maximumDays` and `details.latest`, the latest valid-to allowed. The answer is the only place `secretKey` appears.',
        body: withExample(CreateBody, { description: 'terraform on my laptop' }),
        response: {
          201: Type.Object({
            accessKey: Type.String(),
            secretKey: Type.String({ description: 'Shown once.' }),
            ...validityView,
            createdAt: Timestamp,
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { credential, secret } = await createAccessKey(ctx, callerOf(request), request.body ?? {});
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({
        accessKey: secret.clientId,
        secretKey: secret.clientSecret,
        ...validityOf(credential),
        createdAt: isoTime(credential.createdAt),
      });
    },
  );

  app.get<{ Querystring: Static<typeof PageQuery> }>(
    '/users/me/access-keys',
    {
      schema: {
        tags,
        summary: 'Your access keys (never the secret keys)',
        description:
          'Needs `portcullis.client_credentials:list`. Only your own. Pass `nextCursor` as `cursor` until it is null.',
        querystring: PageQuery,
        response: {
          200: Type.Object({
            items: Type.Array(KeyView),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const page = await listOwnClientCredentials(
        ctx,
        callerOf(request),
        { limit: request.query.limit ?? 100, cursor: request.query.cursor },
        'access_key',
      );
      return {
        items: page.items.map((k) => ({
          accessKey: k.id,
          description: k.description,
          ...validityOf(k),
          lastUsedAt: k.lastUsedAt === null ? null : isoTime(k.lastUsedAt),
          createdAt: isoTime(k.createdAt),
        })),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.delete<{ Params: Static<typeof IdParams> }>(
    '/users/me/access-keys/:id',
    {
      schema: {
        tags,
        summary: 'Delete one of your access keys',
        description: 'Needs `portcullis.client_credentials:delete`. It stops at once, with its tokens.',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteOwnClientCredential(ctx, callerOf(request), request.params.id, 'access_key');
      return reply.code(204).send();
    },
  );
}
