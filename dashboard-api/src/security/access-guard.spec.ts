import { bearerToken, readCookie } from './access-guard';

describe(bearerToken, () => {
  it.each<[string | undefined, string | undefined]>([
    [undefined, undefined],
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['BEARER   abc  ', 'abc'],
    ['Basic dXNlcjpwYXNz', ''],
    ['Bearer', ''],
    ['Bearer a b', ''],
  ])('should read %p as %p', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe(readCookie, () => {
  it('should find the named cookie among others, trimmed', () => {
    expect(readCookie('a=1; gren_dashboard_session=xyz ; b=2', 'gren_dashboard_session')).toBe('xyz');
  });

  it('should be undefined without the cookie or a header', () => {
    expect(readCookie('a=1; b', 'gren_dashboard_session')).toBeUndefined();
    expect(readCookie(undefined, 'gren_dashboard_session')).toBeUndefined();
  });
});
