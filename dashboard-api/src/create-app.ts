import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { version } from 'gren-ts';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './common/filters/api-exception.filter';
import { createValidationPipe } from './common/pipes/create-validation-pipe';
import { LOOPBACK_ACCESS, type DashboardOptions } from './config/dashboard-options';
import { installSecurity } from './security/install-security';

export interface CreateAppOptions {
  /** Nest's own log lines (default: warnings and errors only). */
  logger?: false | ('log' | 'error' | 'warn' | 'debug' | 'verbose')[];
}

/**
 * Builds the dashboard app (not yet listening): security headers, request limits and access
 * control in front (security/install-security.ts), the SPA when given, routes under /api,
 * validation → 422, one exception filter, OpenAPI at /api/docs (JSON at /api/docs-json).
 * No body parser: the API is read-only (the sign-in exchange reads its own small body).
 * A failed start rejects (it never exits the process).
 */
export async function createDashboardApp(
  options: DashboardOptions,
  appOptions: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: appOptions.logger ?? ['error', 'warn'],
    bodyParser: false,
    // Nest's default ends the whole process on a failed start; a caller (the CLI, a test, an
    // application embedding the dashboard) gets the error instead.
    abortOnError: false,
  });
  app.set('etag', false);
  installSecurity(app, options.access ?? LOOPBACK_ACCESS, options.spaDirectory);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Gren Dashboard')
      .setDescription(
        'Read-only view of a gren store: experiments, their state, relationships, logs and the class DAG.',
      )
      .setVersion(version)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
