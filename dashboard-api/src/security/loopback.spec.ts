import { isLoopbackAddress, isLoopbackHostHeader } from './loopback';

describe(isLoopbackAddress, () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    'localhost',
    'LOCALHOST',
    'app.localhost',
    '::1',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    '::ffff:127.0.0.1',
  ])('should count %p as loopback', (host) => {
    expect(isLoopbackAddress(host)).toBe(true);
  });

  it.each([
    '0.0.0.0',
    '::',
    '10.0.0.5',
    '192.168.1.10',
    'login01.cluster',
    '128.0.0.1',
    '::ffff:10.0.0.1',
    'localhost.evil.com',
    '',
  ])('should count %p as exposed', (host) => {
    expect(isLoopbackAddress(host)).toBe(false);
  });
});

describe(isLoopbackHostHeader, () => {
  it.each(['127.0.0.1:8000', '127.0.0.1', 'localhost:4200', '[::1]:8000', '[::1]'])('should accept %p', (header) => {
    expect(isLoopbackHostHeader(header)).toBe(true);
  });

  it.each([
    undefined,
    '',
    'evil.example:8000',
    'evil.example',
    '127.0.0.1.evil.example:80',
    '10.0.0.5:8000',
    'localhost:80:80',
    '[::1',
  ])('should refuse %p (DNS rebinding, other names)', (header) => {
    expect(isLoopbackHostHeader(header)).toBe(false);
  });
});
