import fc from 'fast-check';
import { blake2sBackend, blake2sHex, blake2sReady, nobleBlake2sHex } from '../../../lib/src/identity/blake2s-digest';
import { loadHashVectors } from '../../support/fixtures';

const vectors = loadHashVectors();
const canonicalTexts = [...vectors.objects, ...vectors.digest_only].map(
  (vector) => [vector.canonical_json, vector.hash] as const,
);

describe('blake2sHex', () => {
  beforeAll(async () => {
    await blake2sReady;
  });

  it('should run on WebAssembly once it is ready', () => {
    expect(blake2sBackend()).toBe('webassembly');
  });

  describe('when digesting the canonical JSON of every Python vector', () => {
    it.each(canonicalTexts)('should give the Python hash with both implementations for %s', (json, hash) => {
      const bytes = Buffer.from(json, 'latin1');

      expect(blake2sHex(bytes)).toBe(hash);
      expect(nobleBlake2sHex(bytes)).toBe(hash);
    });
  });

  it('should agree with noble on any bytes, including empty input, block edges and views into larger buffers', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(16), (data, offset) => {
        const padded = new Uint8Array(offset + data.length + 7);
        padded.set(data, offset);
        const view = padded.subarray(offset, offset + data.length);

        expect(blake2sHex(view)).toBe(nobleBlake2sHex(data));
      }),
      { numRuns: 500 },
    );
    for (const length of [0, 63, 64, 65, 127, 128, 129, 70_000]) {
      const data = new Uint8Array(length).map((_, index) => index % 251);
      expect(blake2sHex(data)).toBe(nobleBlake2sHex(data));
    }
  });
});
