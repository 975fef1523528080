import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { CommandFailure, exitCodes } from './command-failure.js';

/** A server's answer: its status, its body as sent, and that body parsed when it is JSON. */
export interface ApiAnswer {
  status: number;
  text: string;
  json: unknown;
  /** Where a redirect points. */
  location: string | null;
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * One HTTP exchange with the server. Not reaching it, or losing it before the answer is read, is
 * `unreachable`; any answer, whatever its status, is the caller's to judge. Redirects are not followed: a
 * script and a token are sent to the address given, nowhere else.
 */
export async function requestApi(
  url: URL,
  init: { method?: string; headers: Record<string, string>; body?: string },
): Promise<ApiAnswer> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method: 'POST', redirect: 'manual', ...init });
    text = await response.text();
  } catch (error) {
    throw new CommandFailure(exitCodes.unreachable, `cannot reach ${url.origin}: ${reasonOf(error)}`);
  }
  return answerOf(response, text);
}

function answerOf(response: Response, text: string): ApiAnswer {
  let json: unknown;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: response.status, text, json, location: response.headers.get('location') };
}

/**
 * A GET whose answer is copied to `sink` as it arrives (an export may be larger than memory), when it is
 * a 2xx; any other answer is returned, read in full, for the caller to judge.
 */
export async function streamApi(
  url: URL,
  headers: Record<string, string>,
  sink: NodeJS.WritableStream,
): Promise<ApiAnswer | undefined> {
  try {
    const response = await fetch(url, { headers, redirect: 'manual' });
    if (response.status < 200 || response.status >= 300 || !response.body) {
      return answerOf(response, await response.text());
    }
    await pipeline(Readable.fromWeb(response.body as NodeWebStream), sink, { end: false });
    return undefined;
  } catch (error) {
    throw new CommandFailure(exitCodes.unreachable, `cannot reach ${url.origin}: ${reasonOf(error)}`);
  }
}

/** What an answer that is not the one hoped for says: Portcullis's `{error: {code, message}}`, OAuth's form, or its status. */
export function refusalOf(answer: ApiAnswer): { code: string; message: string; requestId?: string } {
  const body = answer.json as { error?: unknown; error_description?: unknown } | undefined;
  const error = body?.error;
  if (error && typeof error === 'object') {
    const { code, message, requestId } = error as { code?: unknown; message?: unknown; requestId?: unknown };
    if (typeof code === 'string') {
      return {
        code,
        message: typeof message === 'string' ? message : '',
        ...(typeof requestId === 'string' ? { requestId } : {}),
      };
    }
  }
  if (typeof error === 'string') {
    return {
      code: error,
      message: typeof body?.error_description === 'string' ? body.error_description : '',
    };
  }
  if (answer.location) {
    return {
      code: `http_${answer.status}`,
      message: `The server redirects to ${answer.location}: give that address with --url.`,
    };
  }
  return {
    code: `http_${answer.status}`,
    message: 'The answer is not one Portcullis gives: is this its address?',
  };
}
