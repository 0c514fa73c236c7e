import { planAccess } from './build-program';
import { CliError } from './cli-error';

describe(planAccess, () => {
  const TOKEN = 'a-chosen-token-0123456789';

  describe('when the dashboard listens on the loopback', () => {
    it('should need no token, and answer loopback Host names only', () => {
      expect(planAccess({ host: '127.0.0.1' })).toEqual({ access: { token: null, loopbackHostsOnly: true } });
      expect(planAccess({ host: 'localhost' }).access.token).toBeNull();
    });

    it('should require a token given explicitly', () => {
      expect(planAccess({ host: '127.0.0.1', token: TOKEN })).toEqual({
        access: { token: TOKEN, loopbackHostsOnly: false },
      });
    });
  });

  describe('when it listens on another address', () => {
    it('should generate a token and say so', () => {
      const plan = planAccess({ host: '0.0.0.0' });
      expect(plan.access.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(plan.generated).toBe(plan.access.token);
      expect(plan.access.loopbackHostsOnly).toBe(false);
      expect(planAccess({ host: '0.0.0.0' }).generated).not.toBe(plan.generated);
    });

    it('should use the given token without printing it', () => {
      const plan = planAccess({ host: '10.1.2.3', token: TOKEN });
      expect(plan.access.token).toBe(TOKEN);
      expect(plan.generated).toBeUndefined();
    });

    it('should serve without a token only with --insecure, and warn', () => {
      const plan = planAccess({ host: '0.0.0.0', insecure: true });
      expect(plan.access).toEqual({ token: null, loopbackHostsOnly: false });
      expect(plan.warning).toMatch(
        /^warning: --insecure: no access token on 0\.0\.0\.0; anyone who can reach it can read the store/,
      );
    });
  });

  describe('when the given token is too weak to send over a network', () => {
    it('should fail naming the option', () => {
      expect(() => planAccess({ host: '0.0.0.0', token: 'secret' })).toThrow(CliError);
      expect(() => planAccess({ host: '0.0.0.0', token: 'secret' })).toThrow(
        /--token \/ GREN_DASHBOARD_TOKEN: .*16 to 512/,
      );
    });
  });
});
