import { gunzipSync } from 'node:zlib';
import { acceptsGzip, JsonText } from './json-text';

describe(JsonText, () => {
  it('should keep its bytes and their gzip form', () => {
    const body = new JsonText(JSON.stringify({ name: 'é'.repeat(1000) }));
    expect(body.bytes.toString('utf8')).toBe(body.text);
    expect(body.gzipped).toBe(body.gzipped);
    expect(gunzipSync(body.gzipped).toString('utf8')).toBe(body.text);
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
