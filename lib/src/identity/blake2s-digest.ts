import { blake2s } from '@noble/hashes/blake2.js';
import { createBLAKE2s, type IHasher } from 'hash-wasm';

/** gren hashes are BLAKE2s with a 10-byte digest (the digest length is a BLAKE2 parameter). */
const DIGEST_BYTES = 10;

let webAssemblyHasher: IHasher | undefined;

/**
 * BLAKE2s runs in WebAssembly (hash-wasm) once that is compiled, about ten times faster than
 * the pure JavaScript of @noble/hashes, whose ≈ 30–60 µs for a 50-field config would use up
 * the whole hashing budget. WebAssembly only compiles asynchronously, so a hash computed
 * before it is ready, or where WebAssembly is unavailable, uses noble: same bytes either way.
 */
export const blake2sReady: Promise<void> = createBLAKE2s(DIGEST_BYTES * 8).then(
  (hasher) => {
    webAssemblyHasher = hasher;
  },
  () => undefined,
);

/** Which implementation `blake2sHex` uses at this moment. */
export function blake2sBackend(): 'webassembly' | 'noble' {
  return webAssemblyHasher ? 'webassembly' : 'noble';
}

/** The 20 lowercase hex characters of the gren digest of `bytes`. */
export function blake2sHex(bytes: Uint8Array): string {
  if (webAssemblyHasher === undefined) return nobleBlake2sHex(bytes);
  webAssemblyHasher.init();
  webAssemblyHasher.update(bytes);
  return webAssemblyHasher.digest('hex');
}

/** The reference implementation, kept for the fallback and to check the fast one against. */
export function nobleBlake2sHex(bytes: Uint8Array): string {
  const digest = blake2s(bytes, { dkLen: DIGEST_BYTES });
  return Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength).toString('hex');
}
