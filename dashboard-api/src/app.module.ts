import { Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ChangesModule } from './changes/changes.module';
import { DASHBOARD_OPTIONS, type DashboardOptions } from './config/dashboard-options';
import { DagModule } from './dag/dag.module';
import { ExperimentsModule } from './experiments/experiments.module';
import { HealthModule } from './health/health.module';
import { IndexModule } from './index/index.module';
import { StatsModule } from './stats/stats.module';

/** The dashboard: the API under /api, plus the SPA (with index.html fallback) when given. */
@Module({})
export class AppModule {
  static forRoot(options: DashboardOptions): DynamicModule {
    const spa = options.spaDirectory
      ? [
          ServeStaticModule.forRoot({
            rootPath: options.spaDirectory,
            // Unknown /api paths must stay 404 JSON, not index.html (D4).
            exclude: ['/api/{*path}'],
            serveStaticOptions: { index: 'index.html', fallthrough: true },
          }),
        ]
      : [];
    return {
      module: AppModule,
      imports: [
        {
          module: OptionsModule,
          global: true,
          providers: [{ provide: DASHBOARD_OPTIONS, useValue: options }],
          exports: [DASHBOARD_OPTIONS],
        },
        IndexModule,
        HealthModule,
        ExperimentsModule,
        StatsModule,
        DagModule,
        ChangesModule,
        ...spa,
      ],
    };
  }
}

/** Carries the options to every module. */
@Module({})
class OptionsModule {}
