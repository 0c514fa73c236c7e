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

/** Polls `probe` until it returns true or `timeoutMs` passes; returns the elapsed ms. */
export async function waitFor(probe: () => Promise<boolean>, timeoutMs = 2000, stepMs = 25): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}
