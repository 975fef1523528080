import { request as httpRequest } from 'node:http';

export interface Answer {
  status: number;
  retryAfter: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: answers are inspected field by field.
  body: any;
}

/**
 * A POST sent from a chosen loopback address (the whole of 127.0.0.0/8 reaches a server on 127.0.0.1), so
 * one test can be two sources.
 */
export function postFrom(
  localAddress: string,
  url: string,
  body: string,
  contentType: 'json' | 'form',
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        localAddress,
        headers: {
          'content-type': contentType === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += String(chunk)));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            body: text ? JSON.parse(text) : null,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
