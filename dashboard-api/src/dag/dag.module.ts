import { Module } from '@nestjs/common';
import { DagController } from './dag.controller';

@Module({ controllers: [DagController] })
export class DagModule {}
