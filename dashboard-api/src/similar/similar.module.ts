import { Module } from '@nestjs/common';
import { SimilarController } from './similar.controller';

@Module({ controllers: [SimilarController] })
export class SimilarModule {}
