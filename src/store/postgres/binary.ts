/**
 * bytea[] parameters in PostgreSQL's binary array format. node-postgres sends a Buffer parameter
 * as binary, but a JavaScript array of Buffers as a text literal: every element hex-encoded (twice
 * its bytes), quoted, and parsed back by the server (array_in, byteain). For the largest rows a
 * worker writes — search_postings' blocks, the analyses' payloads — that was a good part of the
 * client's serialisation on the worker's main thread and of the server's parsing
 * (docs/BENCHMARKS.md, twelfth round). As one Buffer the array goes as its elements' own bytes;
 * the statement's `$n::bytea[]` cast gives the parameter its type, and the server's array_recv
 * reads it.
 */

/** pg_type's oid of bytea: a binary array names its element type. */
const BYTEA_OID = 17;

/**
 * A bytea[] parameter (one dimension, lower bound 1; null elements allowed) for a `$n::bytea[]`.
 * @example await db.query('SELECT unnest($1::bytea[])', [byteaArray([Buffer.from('a')])])
 */
export function byteaArray(values: readonly (Uint8Array | null)[]): Buffer {
  if (values.length === 0) {
    const empty = Buffer.alloc(12);
    empty.writeInt32BE(BYTEA_OID, 8); // no dimensions, no nulls
    return empty;
  }
  let size = 20;
  let nulls = 0;
  for (const v of values) {
    size += 4 + (v?.length ?? 0);
    if (v === null) nulls = 1;
  }
  const out = Buffer.allocUnsafe(size);
  out.writeInt32BE(1, 0); // dimensions
  out.writeInt32BE(nulls, 4);
  out.writeInt32BE(BYTEA_OID, 8);
  out.writeInt32BE(values.length, 12);
  out.writeInt32BE(1, 16); // lower bound
  let at = 20;
  for (const v of values) {
    if (v === null) {
      out.writeInt32BE(-1, at);
      at += 4;
      continue;
    }
    out.writeInt32BE(v.length, at);
    out.set(v, at + 4);
    at += 4 + v.length;
  }
  return out;
}
