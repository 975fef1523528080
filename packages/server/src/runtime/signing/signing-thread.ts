import { Worker } from 'node:worker_threads';
import type { SigningThreadReply, SigningThreadRequest } from './signing-worker.js';

interface Waiting {
  kid: string;
  input: string;
  resolve: (signature: string) => void;
  reject: (error: Error) => void;
}

/**
 * A thread of our own that signs while the event loop is busy (decision 0012). Requests made during one
 * turn of the event loop cross to it in one message and come back in one, so the event loop pays one
 * hand-off per turn rather than one per token: on two cores, libuv's four-thread pool cost the event loop
 * more per token in queue locking and wake-ups than the signature it took away.
 */
export class SigningThread {
  private readonly worker: Worker;
  private readonly keys = new Map<string, string>();
  private queued: Waiting[] = [];
  private readonly inFlight = new Map<number, Waiting[]>();
  private nextBatch = 0;
  private failure: Error | undefined;

  constructor() {
    // Always the compiled worker: `src/runtime/signing` and `dist/runtime/signing` sit at the same depth.
    this.worker = new Worker(new URL('../../../dist/runtime/signing/signing-worker.js', import.meta.url));
    this.worker.unref();
    this.worker.on('message', (reply: SigningThreadReply) => {
      const batch = this.inFlight.get(reply.batch);
      this.inFlight.delete(reply.batch);
      if (!batch) return;
      if ('error' in reply) {
        for (const waiting of batch) waiting.reject(new Error(`signing failed: ${reply.error}`));
        return;
      }
      for (const [i, waiting] of batch.entries()) waiting.resolve(reply.signatures[i]!);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => this.fail(new Error('the signing thread stopped')));
  }

  /** Whether it can take work; after a failure the key ring signs on the event loop instead. */
  get usable(): boolean {
    return this.failure === undefined;
  }

  /** Hands the thread a private key (PKCS#8 PEM) once, before the first signature with it. */
  addKey(kid: string, privatePem: string, digest: string | null): void {
    if (this.keys.get(kid) === privatePem) return;
    this.keys.set(kid, privatePem);
    this.worker.postMessage({ kind: 'key', kid, privatePem, digest } satisfies SigningThreadRequest);
  }

  /** The base64url signature of `input` with key `kid`. */
  sign(kid: string, input: string): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queued.push({ kid, input, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.flush());
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    this.fail(new Error('the signing thread was closed'));
    await this.worker.terminate();
  }

  private flush(): void {
    const batch = this.queued;
    this.queued = [];
    if (batch.length === 0) return;
    if (this.failure) {
      for (const waiting of batch) waiting.reject(this.failure);
      return;
    }
    const id = this.nextBatch++;
    this.inFlight.set(id, batch);
    this.worker.postMessage({
      kind: 'sign',
      batch: id,
      items: batch.map(({ kid, input }) => ({ kid, input })),
    } satisfies SigningThreadRequest);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const batch of this.inFlight.values()) for (const waiting of batch) waiting.reject(error);
    this.inFlight.clear();
  }
}
