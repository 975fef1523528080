import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Where a gzip-encoded export stands between its pieces. Each piece is compressed alone on the reader
 * thread, which keeps nothing between requests: the export's running CRC-32 and length travel with the
 * request for the next piece instead.
 */
export interface GzipProgress {
  crc: number;
  size: number;
  started: boolean;
}

export const gzipStart = (): GzipProgress => ({ crc: 0, size: 0, started: false });

// RFC 1952: magic, deflate, no flags, no time, no extra flags, unknown OS.
const header = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);

/**
 * One piece of a single gzip stream. A piece ends with a sync flush, which ends on a byte boundary and
 * marks no block final, so the pieces' deflate data laid end to end is one deflate stream (each piece
 * refers back only within itself); the last piece ends the stream and carries the trailer.
 */
export function gzipPiece(
  bytes: Uint8Array,
  progress: GzipProgress,
  last: boolean,
): { bytes: Uint8Array; progress: GzipProgress } {
  const next: GzipProgress = {
    // An empty piece leaves the CRC as it is; Node 20's crc32 answers 0 for an empty array once zlib has read it.
    crc: bytes.byteLength === 0 ? progress.crc : crc32(bytes, progress.crc),
    size: (progress.size + bytes.byteLength) % 2 ** 32,
    started: true,
  };
  const deflated = deflateRawSync(bytes, {
    level: 1,
    finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
  });
  const parts: Uint8Array[] = progress.started ? [deflated] : [header, deflated];
  if (last) {
    const trailer = new DataView(new ArrayBuffer(8));
    trailer.setUint32(0, next.crc, true);
    trailer.setUint32(4, next.size, true);
    parts.push(new Uint8Array(trailer.buffer));
  }
  // A buffer of its own, never a slice of Node's shared pool: the reader thread hands it over whole.
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return { bytes: out, progress: next };
}
