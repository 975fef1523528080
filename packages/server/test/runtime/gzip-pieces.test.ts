import { createGunzip, gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gzipPiece, gzipStart } from '../../src/runtime/audit-reads/gzip-pieces.js';

function gzipAll(pieces: Uint8Array[]): Buffer {
  let progress = gzipStart();
  const out: Uint8Array[] = [];
  pieces.forEach((piece, i) => {
    const next = gzipPiece(piece, progress, i === pieces.length - 1);
    out.push(next.bytes);
    progress = next.progress;
  });
  return Buffer.concat(out);
}

const streamDecoded = (gzipped: Buffer) =>
  new Promise<Buffer>((resolve, reject) => {
    const parts: Buffer[] = [];
    const gunzip = createGunzip();
    gunzip.on('data', (part: Buffer) => parts.push(part));
    gunzip.on('end', () => resolve(Buffer.concat(parts)));
    gunzip.on('error', reject);
    // A byte at a time for the first pieces' boundaries, as a slow network would deliver them.
    for (let at = 0; at < gzipped.byteLength; at += 7) gunzip.write(gzipped.subarray(at, at + 7));
    gunzip.end();
  });

describe('an export gzip-encoded a piece at a time', () => {
  it('decodes, as one gzip stream, to the pieces laid end to end, whatever the pieces', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 5000 }), { minLength: 1, maxLength: 8 }),
        async (pieces) => {
          const expected = Buffer.concat(pieces);
          const gzipped = gzipAll(pieces);
          expect(gunzipSync(gzipped).equals(expected)).toBe(true);
          expect((await streamDecoded(gzipped)).equals(expected)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('shrinks repetitive NDJSON pieces many times over, each piece compressed alone', () => {
    const line = (i: number) =>
      `{"id":"evt_${i}","action":"token.issued","result":"success","details":{"scope":"*:get *:list"}}\n`;
    const pieces = Array.from({ length: 4 }, (_, p) =>
      Buffer.from(Array.from({ length: 1000 }, (_, i) => line(p * 1000 + i)).join('')),
    );
    const gzipped = gzipAll(pieces);
    expect(gzipped.byteLength).toBeLessThan(Buffer.concat(pieces).byteLength / 8);
    expect(gunzipSync(gzipped).equals(Buffer.concat(pieces))).toBe(true);
  });

  it('fails to decode when a piece is missing from the middle, so a lost piece cannot pass unnoticed', () => {
    const pieces = [Buffer.from('a'.repeat(100)), Buffer.from('b'.repeat(100)), Buffer.from('c'.repeat(100))];
    let progress = gzipStart();
    const out = pieces.map((piece, i) => {
      const next = gzipPiece(piece, progress, i === pieces.length - 1);
      progress = next.progress;
      return next.bytes;
    });
    expect(() => gunzipSync(Buffer.concat([out[0]!, out[2]!]))).toThrow();
  });
});
