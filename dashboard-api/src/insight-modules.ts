import { FilesModule } from './files/files.module';
import { LineageModule } from './lineage/lineage.module';
import { SimilarModule } from './similar/similar.module';
import { TimelineModule } from './timeline/timeline.module';

/** The views that help understand a store: files, lineage ("used by"), similar configs, the timeline. */
export const INSIGHT_MODULES = [FilesModule, LineageModule, SimilarModule, TimelineModule];
