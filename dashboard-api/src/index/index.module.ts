import { Global, Module } from '@nestjs/common';
import { IndexService } from './index.service';

/** The store index, shared by every feature module. */
@Global()
@Module({ providers: [IndexService], exports: [IndexService] })
export class IndexModule {}
