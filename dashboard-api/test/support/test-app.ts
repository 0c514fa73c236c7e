import type { NestExpressApplication } from '@nestjs/platform-express';
import type { App } from 'supertest/types';
import { createDashboardApp } from '../../src/create-app';
import type { DashboardOptions } from '../../src/config/dashboard-options';

export interface TestApp {
  app: NestExpressApplication;
  server: App;
  close(): Promise<void>;
}

/** The real app on a store, initialized (not listening: supertest binds it on demand). */
export async function startTestApp(basePath: string, options: Partial<DashboardOptions> = {}): Promise<TestApp> {
  const app = await createDashboardApp({ basePath, spaDirectory: null, ...options }, { logger: false });
  await app.init();
  return { app, server: app.getHttpServer() as App, close: () => app.close() };
}

/**
 * Polls `probe` until it returns true. The deadline only stops a hung test (the machine is
 * shared and noisy): it fails naming `what`, it does not measure how fast the app is.
 */
export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  safetyMs = 30_000,
  stepMs = 25,
): Promise<void> {
  const deadline = Date.now() + safetyMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`${what}: still not seen after ${safetyMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}
