import { Module } from '@nestjs/common';
import { LineageController } from './lineage.controller';

@Module({ controllers: [LineageController] })
export class LineageModule {}
