import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { acceptsEncoding, acceptsGzip, JsonText } from './json-text';

describe(JsonText, () => {
  it('should keep its bytes and their gzip and brotli forms', () => {
    const body = new JsonText(JSON.stringify({ name: 'é'.repeat(1000) }));
    expect(body.bytes.toString('utf8')).toBe(body.text);
    expect(body.gzipped).toBe(body.gzipped);
    expect(gunzipSync(body.gzipped).toString('utf8')).toBe(body.text);
    expect(body.brotli).toBe(body.brotli);
    expect(brotliDecompressSync(body.brotli).toString('utf8')).toBe(body.text);
  });
});

describe(acceptsGzip, () => {
  it.each<[string | undefined, boolean]>([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['gzip;q=0', false],
    ['identity', false],
    ['', false],
    [undefined, false],
  ])('should read %p as %p', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe(acceptsEncoding, () => {
  it.each<[string | undefined, boolean]>([
    ['gzip, deflate, br', true],
    ['br;q=0, gzip', false],
    ['*', true],
    ['gzip', false],
    [undefined, false],
  ])('should read %p as %p for br', (header, expected) => {
    expect(acceptsEncoding(header, 'br')).toBe(expected);
  });
});
