import { accessTokenProblem, generateAccessToken, sessionCookieValue, tokensEqual } from './access-token';

describe(generateAccessToken, () => {
  it('should make 43 URL-safe characters (32 random bytes), different each time', () => {
    const tokens = new Set(Array.from({ length: 50 }, generateAccessToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('should make tokens the CLI accepts', () => {
    expect(accessTokenProblem(generateAccessToken())).toBeNull();
  });
});

describe(accessTokenProblem, () => {
  it.each(['short', 'has a space in it 0123', 'tab\tseparated-0123456789', 'é-not-ascii-0123456789', 'x'.repeat(513)])(
    'should refuse %p',
    (token) => {
      expect(accessTokenProblem(token)).toMatch(/16 to 512 printable ASCII characters/);
    },
  );
});

describe(tokensEqual, () => {
  describe('when the tokens are equal', () => {
    it('should say so', () => {
      expect(tokensEqual('0123456789abcdef', '0123456789abcdef')).toBe(true);
    });
  });

  describe('when they differ in content or length', () => {
    it.each([
      ['0123456789abcdeF', '0123456789abcdef'],
      ['0123456789abcdef0', '0123456789abcdef'],
      ['', '0123456789abcdef'],
      ['0123456789abcde', '0123456789abcdef'],
    ])('should refuse %p', (given, expected) => {
      expect(tokensEqual(given, expected)).toBe(false);
    });
  });
});

describe(sessionCookieValue, () => {
  it('should be stable for a token, differ between tokens, and not contain the token', () => {
    const token = generateAccessToken();
    expect(sessionCookieValue(token)).toBe(sessionCookieValue(token));
    expect(sessionCookieValue(token)).not.toBe(sessionCookieValue(generateAccessToken()));
    expect(sessionCookieValue(token)).not.toContain(token);
    expect(sessionCookieValue(token)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
