import { Module } from '@nestjs/common';
import { ColumnsModule } from '../columns/columns.module';
import { ExperimentsController } from './experiments.controller';
import { ExperimentsService } from './experiments.service';

@Module({ imports: [ColumnsModule], controllers: [ExperimentsController], providers: [ExperimentsService] })
export class ExperimentsModule {}
