import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiReferencePath } from '../../config/settings.js';
import { consoleHeaders } from '../response-headers.js';

/**
 * Paths that belong to the API and the protocols: an unknown one is a JSON 404 there, never the console's
 * page, so a script that mistypes a URL learns so.
 */
const reservedPrefixes = ['/api/', '/oauth/', '/.well-known/', '/v2/', '/assets/', `${apiReferencePath}`];

/** A browser navigating to a console screen: a GET that asks for HTML, outside the reserved paths. */
export function isConsoleNavigation(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const pathname = request.url.split('?', 1)[0] ?? '/';
  if (
    reservedPrefixes.some((prefix) => pathname.startsWith(prefix) || pathname === prefix.replace(/\/$/, ''))
  ) {
    return false;
  }
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * The console's page with the issuer's path as its base, so its relative assets and its router resolve under
 * an issuer such as https://host/tenant as they do at the root.
 */
function consolePage(directory: string, issuer: string): string {
  const template = readFileSync(path.join(directory, 'index.html'), 'utf8');
  const base = `${new URL(issuer).pathname.replace(/\/+$/, '')}/`;
  const baseElement = /<base href="[^"]*"\s*\/?>/;
  // Without its <base> the page would load its assets from the root and break under an issuer path, quietly.
  if (!baseElement.test(template)) throw new Error(`${directory}/index.html has no <base href> to set`);
  return template.replace(baseElement, `<base href="${base.replace(/"/g, '&quot;')}" />`);
}

export interface ConsoleApp {
  directory: string;
  /** Answers the console's page: its own router then shows the screen the path names. */
  sendPage(reply: FastifyReply): FastifyReply;
}

/** The built console in `directory`, its page read once; undefined when it was not built. */
export function loadConsoleApp(directory: string | undefined, issuer: string): ConsoleApp | undefined {
  if (!directory || !existsSync(path.join(directory, 'index.html'))) return undefined;
  const page = consolePage(directory, issuer);
  return {
    directory,
    sendPage: (reply) =>
      reply
        .headers(consoleHeaders)
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(page),
  };
}

/**
 * The web console (packages/console, built by Vite): its page at `/` (and, through the not-found handler,
 * at every screen's path), its hashed assets under `/assets/`, cached for good since a new build names them
 * anew.
 */
export async function consoleAppRoutes(
  app: FastifyInstance,
  opts: { consoleApp: ConsoleApp },
): Promise<void> {
  const { consoleApp } = opts;
  await app.register(async (scope) => {
    scope.addHook('onRequest', (_request, reply, done) => {
      reply.headers(consoleHeaders);
      done();
    });
    await scope.register(fastifyStatic, {
      root: path.join(consoleApp.directory, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      immutable: true,
      maxAge: '365d',
    });
  });
  app.get('/', { schema: { hide: true } }, async (_request, reply) => consoleApp.sendPage(reply));
}
