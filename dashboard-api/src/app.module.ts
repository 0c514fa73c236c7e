import { Module, type DynamicModule } from '@nestjs/common';
import { ChangesModule } from './changes/changes.module';
import { DASHBOARD_OPTIONS, type DashboardOptions } from './config/dashboard-options';
import { DagModule } from './dag/dag.module';
import { ExperimentsModule } from './experiments/experiments.module';
import { INSIGHT_MODULES } from './insight-modules';
import { HealthModule } from './health/health.module';
import { IndexModule } from './index/index.module';
import { StatsModule } from './stats/stats.module';

/**
 * The dashboard's API under /api. The SPA is served in front of Nest (spa/serve-spa.ts, wired
 * by security/install-security.ts), so unknown /api paths stay 404 JSON.
 */
@Module({})
export class AppModule {
  static forRoot(options: DashboardOptions): DynamicModule {
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
        // Before ExperimentsModule: its `*namespace/:hash` route would take their paths.
        ...INSIGHT_MODULES,
        ExperimentsModule,
        StatsModule,
        DagModule,
        ChangesModule,
      ],
    };
  }
}

/** Carries the options to every module. */
@Module({})
class OptionsModule {}
