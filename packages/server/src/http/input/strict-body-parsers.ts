import { isAscii, isUtf8 } from 'node:buffer';
import { PortcullisError } from '@portcullis/core/errors';
import type { FastifyInstance } from 'fastify';
import { parseFormEncoded, undecodableParameters } from './form-encoding.js';
import { undecodableField } from './input-rule.js';

/** A body as text, refused unless it is valid UTF-8. */
export function decodeUtf8(body: Buffer): string {
  if (!isUtf8(body)) throw new PortcullisError('malformed_body', 'The request body is not valid UTF-8.');
  return body.toString('utf8');
}

/**
 * JSON bodies decoded as strict UTF-8: Fastify's own parser decodes leniently, turning a stray byte into
 * U+FFFD unseen. The parsing itself, with its prototype-poisoning guard, stays Fastify's.
 */
export function useStrictJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decodeUtf8(body as Buffer);
    } catch (error) {
      done(error as Error, undefined);
      return;
    }
    parseJson(request, text, done);
  });
}

/** Form bodies (the OAuth endpoints), decoded as strict UTF-8 and strict percent-encoding. */
export function useStrictFormBodies(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer' },
    (_request, body, done) => {
      try {
        // Form encoding is ASCII (anything else is escaped), so the usual body needs no UTF-8 decoding.
        const buffer = body as Buffer;
        const fields = parseFormEncoded(isAscii(buffer) ? buffer.toString('latin1') : decodeUtf8(buffer));
        const undecodable = fields[undecodableParameters];
        if (undecodable) throw undecodableField('body', undecodable);
        done(null, fields);
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
}
