import type { Principal, Verifier } from '@portcullis/sdk';
import { bearerErrorHandler, requirePermissions } from '@portcullis/sdk/fastify';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  DemoRecords,
  type SearchableType,
  type Severity,
  searchableTypes,
  severities,
} from './demo-records.js';

const idParams = {
  type: 'object',
  properties: { id: { type: 'string', maxLength: 64 } },
  required: ['id'],
} as const;

const newIncident = {
  type: 'object',
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 200 },
    severity: { type: 'string', enum: severities },
  },
  required: ['title', 'severity'],
  additionalProperties: false,
} as const;

const searchRequest = {
  type: 'object',
  properties: {
    query: { type: 'string', maxLength: 200 },
    types: {
      type: 'array',
      items: { type: 'string', enum: searchableTypes },
      minItems: 1,
      uniqueItems: true,
    },
  },
  required: ['query'],
  additionalProperties: false,
} as const;

/** Set by the SDK's hook before any handler runs. */
function principalOf(request: FastifyRequest): Principal {
  return request.portcullis!;
}

function notFound(reply: FastifyReply, what: string) {
  return reply.code(404).send({ error: 'not_found', error_description: `No ${what} with this id.` });
}

/**
 * The demo platform API: FireTail's incidents and findings, and a search across them, each route guarded
 * by the SDK. The guard runs `onRequest`, before the body is read, so a caller without the permission
 * learns nothing about what a valid request looks like. Records are in memory, per organization.
 */
export function buildDemoApi(verifier: Verifier): FastifyInstance {
  const app = Fastify();
  const records = new DemoRecords();
  const guard = (requirement?: Parameters<typeof requirePermissions>[1]) => ({
    onRequest: requirePermissions(verifier, requirement),
  });
  const recordsOf = (request: FastifyRequest) => records.of(principalOf(request).organizationId ?? 'unknown');

  app.setErrorHandler(
    bearerErrorHandler((error, _request, reply) => {
      // Fastify's own refusals (validation, malformed JSON, an unsupported content type) carry their status.
      const { statusCode, message } = error as { statusCode?: number; message: string };
      if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
        return reply.code(statusCode).send({ error: 'invalid_request', error_description: message });
      }
      reply.log.error(error);
      return reply.code(500).send({ error: 'server_error', error_description: 'Something went wrong.' });
    }),
  );

  // Unprotected: what an operator (or a test) asks to know whether tokens can be checked.
  app.get('/health', async () => ({
    ...verifier.status(),
    stalenessSeconds: verifier.stalenessSeconds(),
  }));

  app.get('/incidents', guard('incidents:list'), async (request) => ({
    items: recordsOf(request).incidents(),
  }));

  app.get<{ Params: { id: string } }>(
    '/incidents/:id',
    { ...guard('incidents:get'), schema: { params: idParams } },
    async (request, reply) => recordsOf(request).incident(request.params.id) ?? notFound(reply, 'incident'),
  );

  app.post<{ Body: { title: string; severity: Severity } }>(
    '/incidents',
    { ...guard('incidents:create'), schema: { body: newIncident } },
    async (request, reply) =>
      reply.code(201).send(recordsOf(request).createIncident(request.body, principalOf(request).subject)),
  );

  app.get('/findings', guard('findings:list'), async (request) => ({
    items: recordsOf(request).findings(),
  }));

  app.get<{ Params: { id: string } }>(
    '/findings/:id',
    { ...guard('findings:get'), schema: { params: idParams } },
    async (request, reply) => recordsOf(request).finding(request.params.id) ?? notFound(reply, 'finding'),
  );

  // FireTail's rule needs `list` on each type searched, known only from the body: any valid token passes
  // the guard, and the handler checks the rest (its refusal names what is missing).
  app.post<{ Body: { query: string; types?: SearchableType[] } }>(
    '/search',
    { ...guard(), schema: { body: searchRequest } },
    async (request) => {
      const types = request.body.types ?? [...searchableTypes];
      principalOf(request).requireSearch(types);
      return { items: recordsOf(request).search(request.body.query, types) };
    },
  );

  return app;
}
