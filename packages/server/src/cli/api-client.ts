import type { ApiConnection } from './api-connection.js';
import { type ApiAnswer, refusalOf, requestApi, streamApi } from './api-request.js';
import { CommandFailure, exitCodes } from './command-failure.js';
import { printable } from './sql-output.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A page of a list route: `{items, nextCursor}`. */
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The API's code and message (and request id), as the API gave them. */
function refusal(answer: ApiAnswer): CommandFailure {
  const { code, message, requestId } = refusalOf(answer);
  const id = requestId ? ` (request id ${printable(requestId)})` : '';
  return new CommandFailure(exitCodes.failed, `${printable(code)}: ${printable(message)}${id}`);
}

/** The longest list read in full when a name is looked up or everything is listed, so a loop always ends. */
const mostPages = 1000;

/**
 * Calls of `/api/v1` with the connection's token. An answer outside 2xx ends the command with exit code 1
 * and the API's code and message (and request id), as the API gave them.
 */
export class ApiClient {
  constructor(readonly connection: ApiConnection) {}

  async call<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const answer = await requestApi(new URL(`api/v1/${path}`, this.connection.url), {
      method,
      headers: {
        authorization: `Bearer ${this.connection.token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (answer.status >= 200 && answer.status < 300) return answer.json as T;
    throw refusal(answer);
  }

  /** A GET whose answer goes to `sink` as it arrives. */
  async download(path: string, sink: NodeJS.WritableStream): Promise<void> {
    const refused = await streamApi(
      new URL(`api/v1/${path}`, this.connection.url),
      { authorization: `Bearer ${this.connection.token}` },
      sink,
    );
    if (refused) throw refusal(refused);
  }

  /** Every item of a list route, page after page. */
  async listAll<T>(path: string, query: Record<string, string> = {}): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < mostPages; page++) {
      const params = new URLSearchParams({ ...query, limit: '100', ...(cursor ? { cursor } : {}) });
      const answer: Page<T> = await this.call<Page<T>>('GET', `${path}?${params}`);
      items.push(...answer.items);
      cursor = answer.nextCursor;
      if (!cursor) break;
    }
    return items;
  }
}
