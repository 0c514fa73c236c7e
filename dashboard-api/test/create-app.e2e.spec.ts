import { createDashboardApp } from '../src/create-app';
import type { DashboardOptions } from '../src/config/dashboard-options';

describe('createDashboardApp', () => {
  describe('when a provider fails while the app starts (a JavaScript caller gave no store root)', () => {
    it('should reject with the cause instead of ending the process', async () => {
      const withoutRoot = { spaDirectory: null, watch: false } as unknown as DashboardOptions;

      const outcome = createDashboardApp(withoutRoot, { logger: false });

      await expect(outcome).rejects.toMatchObject({ code: 'ERR_INVALID_ARG_TYPE' });
    });
  });
});
