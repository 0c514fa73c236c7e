import { SetMetadata } from '@nestjs/common';

/**
 * Which index version a route's response depends on: `list` for what only list-level changes
 * affect (lists, stats, the DAG, relationships), `any` for what any change may affect (detail).
 */
export type EtagScope = 'list' | 'any';

export const ETAG_SCOPE = 'gren.dashboard.etag-scope';

/** Marks a route for version ETags and If-None-Match → 304. */
export const VersionEtag = (scope: EtagScope): MethodDecorator & ClassDecorator => SetMetadata(ETAG_SCOPE, scope);
