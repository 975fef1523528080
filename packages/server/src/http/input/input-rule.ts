import { type PortcullisError, validationFailed } from '@portcullis/core/errors';
import { refusedCharacterIn } from '@portcullis/core/text';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { type FormFields, undecodableParameters } from './form-encoding.js';

interface Problem {
  field: string;
  message: string;
}

/** A node of the walk; the path is rebuilt from the parents only for a problem, so deep input costs O(size). */
interface Visit {
  value: unknown;
  key: string;
  parent: Visit | undefined;
}

const maxProblems = 10;

function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | undefined = visit; at; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}

/** Every string and property name in one part of the request, without recursion: nesting depth is the sender's. */
function collectProblems(part: string, root: unknown, problems: Problem[]): void {
  const stack: Visit[] = [{ value: root, key: part, parent: undefined }];
  while (stack.length > 0 && problems.length < maxProblems) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (typeof value === 'string') {
      const refused = refusedCharacterIn(value);
      if (refused)
        problems.push({ field: pathOf(visit), message: `contains ${refused}, which is not accepted` });
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        const child = (value as Record<string, unknown>)[key];
        const refused = refusedCharacterIn(key);
        if (refused) {
          problems.push({ field: pathOf(visit), message: `has a property name containing ${refused}` });
        } else if (typeof child === 'string') {
          // Most fields are strings: checked here, without a visit of their own.
          const inValue = refusedCharacterIn(child);
          if (inValue) {
            problems.push({
              field: `${pathOf(visit)}.${key}`,
              message: `contains ${inValue}, which is not accepted`,
            });
          }
        } else {
          stack.push({ value: child, key, parent: visit });
        }
      }
    }
  }
}

export function undecodableField(part: 'body' | 'query', names: readonly string[]): PortcullisError {
  return validationFailed(
    `The request ${part} is not valid percent-encoded UTF-8.`,
    names.map((name) => ({ field: `${part}.${name}`, message: 'is not valid percent-encoded UTF-8' })),
  );
}

/**
 * The input rule, applied once to every route before its schema: text that the databases refuse or would
 * silently change (`@portcullis/core/text`), in the body, the query string or the path, is a 400
 * `validation_failed` naming each field, and so is a query parameter that does not decode. Bodies that
 * are not UTF-8 never get this far (`strict-body-parsers.ts`); bad percent-encoding in the path is
 * Fastify's `FST_ERR_BAD_URL`, rendered by the error handler.
 */
export function acceptedInput(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  const undecodable = (request.query as FormFields | undefined)?.[undecodableParameters];
  if (undecodable) {
    done(undecodableField('query', undecodable));
    return;
  }
  const problems: Problem[] = [];
  collectProblems('body', request.body, problems);
  collectProblems('query', request.query, problems);
  collectProblems('params', request.params, problems);
  if (problems.length === 0) {
    done();
    return;
  }
  done(validationFailed('The request contains characters that are not accepted.', problems));
}
