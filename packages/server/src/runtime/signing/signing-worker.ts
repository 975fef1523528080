import { createPrivateKey, type KeyObject, sign } from 'node:crypto';
import { parentPort } from 'node:worker_threads';

/** The signing thread's side (signing-thread.ts): keys arrive once, then batches of signing inputs. */
export type SigningThreadRequest =
  | { kind: 'key'; kid: string; privatePem: string; digest: string | null }
  | { kind: 'sign'; batch: number; items: { kid: string; input: string }[] };

export type SigningThreadReply = { batch: number; signatures: string[] } | { batch: number; error: string };

const port = parentPort;
if (!port) throw new Error('signing-worker.js runs only as a worker thread');
const keys = new Map<string, { key: KeyObject; digest: string | null }>();

port.on('message', (request: SigningThreadRequest) => {
  if (request.kind === 'key') {
    keys.set(request.kid, { key: createPrivateKey(request.privatePem), digest: request.digest });
    return;
  }
  try {
    const signatures = request.items.map(({ kid, input }) => {
      const found = keys.get(kid);
      if (!found) throw new Error(`no key ${kid}`);
      // ieee-p1363: JWS wants ECDSA's r‖s (RFC 7518 §3.4), not DER; ignored for other keys.
      return sign(found.digest, Buffer.from(input), { key: found.key, dsaEncoding: 'ieee-p1363' }).toString(
        'base64url',
      );
    });
    port.postMessage({ batch: request.batch, signatures } satisfies SigningThreadReply);
  } catch (error) {
    port.postMessage({
      batch: request.batch,
      error: error instanceof Error ? error.message : String(error),
    } satisfies SigningThreadReply);
  }
});
