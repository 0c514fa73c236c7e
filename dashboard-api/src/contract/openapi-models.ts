import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ATTEMPT_STATUSES, LISTED_RESULTS } from 'gren-ts/store';
import type * as Api from './api-types';

/*
 * OpenAPI schemas of the responses. Each class implements its contract interface, so the
 * compiler keeps the two in step; api-types.ts stays the source of truth for clients.
 */

const nullableString = { type: String, nullable: true } as const;

export class HealthCheckModel implements Api.HealthCheck {
  @ApiProperty({ enum: ['healthy', 'degraded'], description: '"degraded" when some state.json cannot be read.' })
  status!: 'healthy' | 'degraded';
  @ApiProperty({ example: '0.3.0' }) version!: string;
  @ApiProperty({ description: 'Artifacts in the index.' }) experiments!: number;
  @ApiProperty({ description: 'Artifacts whose state.json is corrupt or of a newer schema.' })
  invalid_artifacts!: number;
}

export class ExperimentSummaryModel implements Api.ExperimentSummary {
  @ApiProperty({ example: 'refstore.pipelines.Train' }) namespace!: string;
  @ApiProperty({ example: '3c619c85f3318dea28d6' }) gren_hash!: string;
  @ApiProperty({ example: 'Train' }) class_name!: string;
  @ApiProperty({ enum: LISTED_RESULTS }) result_status!: Api.ResultStatus | Api.InvalidStatus;
  @ApiProperty({ enum: ATTEMPT_STATUSES, nullable: true })
  attempt_status!: Api.AttemptStatus | null;
  @ApiProperty({ type: Number, nullable: true }) attempt_number!: number | null;
  @ApiProperty(nullableString) updated_at!: string | null;
  @ApiProperty(nullableString) started_at!: string | null;
  @ApiProperty(nullableString) backend!: string | null;
  @ApiProperty(nullableString) hostname!: string | null;
  @ApiProperty(nullableString) user!: string | null;
  @ApiPropertyOptional({
    ...nullableString,
    description: 'Why state.json cannot be read (result_status "invalid" only).',
  })
  state_error?: string | null;
  @ApiPropertyOptional({
    type: Boolean,
    description:
      'new: true when the stored config no longer fits its class as the modules given to --module declare it (absent otherwise).',
  })
  stale?: boolean;
}

export class ExperimentListModel implements Api.ExperimentList {
  @ApiProperty({ type: [ExperimentSummaryModel] }) experiments!: ExperimentSummaryModel[];
  @ApiProperty({ description: 'Matches before paging.' }) total!: number;
}

export class ReusedByModel implements Api.ReusedBy {
  @ApiProperty() namespace!: string;
  @ApiProperty() gren_hash!: string;
  @ApiProperty() result_status!: string;
}

export class ExperimentDetailModel extends ExperimentSummaryModel implements Api.ExperimentDetail {
  @ApiProperty() directory!: string;
  @ApiProperty({ type: Object, nullable: true, description: 'The whole state.json (null when unreadable).' })
  state!: Record<string, unknown> | null;
  @ApiProperty({
    type: Object,
    nullable: true,
    description:
      'metadata.json as written, with the TypeScript facts of .gren/metadata-ts.json when it exists (null when missing).',
  })
  metadata!: Record<string, unknown> | null;
  @ApiProperty({ type: Object, nullable: true, description: 'The current attempt (StateAttempt).' })
  attempt!: Api.StateAttempt | null;
  @ApiProperty({
    type: Object,
    nullable: true,
    description:
      'new: how the stored config differs from its class as the modules given to --module declare it now ({class_name, changes, mapping, unmapped_reason}); null when it fits or no loaded class owns its namespace.',
  })
  stale_info!: Api.StaleInfo | null;
  @ApiProperty({
    type: Object,
    nullable: true,
    description:
      'new: where the result lives when a declared migration let this identity reuse an earlier one ({namespace, gren_hash, directory, result_status, steps, linked_at, result_directory, result_present}); null when it holds its own result.',
  })
  reused_from!: Api.ReusedFrom | null;
  @ApiProperty({
    ...nullableString,
    description: 'new: why .gren/result-link.json cannot be followed (unreadable or malformed); null otherwise.',
  })
  result_link_error!: string | null;
  @ApiProperty({
    type: [ReusedByModel],
    description: "new: the successful artifacts whose result link reads this one's result.",
  })
  reused_by!: ReusedByModel[];
}

export class StatusCountModel implements Api.StatusCount {
  @ApiProperty() status!: string;
  @ApiProperty() count!: number;
}

export class DashboardStatsModel implements Api.DashboardStats {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [StatusCountModel] }) by_result_status!: StatusCountModel[];
  @ApiProperty({ type: [StatusCountModel] }) by_attempt_status!: StatusCountModel[];
  @ApiProperty() running_count!: number;
  @ApiProperty() queued_count!: number;
  @ApiProperty() failed_count!: number;
  @ApiProperty() success_count!: number;
}

export class DagExperimentModel implements Api.DAGExperiment {
  @ApiProperty() namespace!: string;
  @ApiProperty() gren_hash!: string;
  @ApiProperty() result_status!: string;
  @ApiProperty(nullableString) attempt_status!: string | null;
}

export class DagNodeModel implements Api.DAGNode {
  @ApiProperty({ description: 'The full class name (namespace).' }) id!: string;
  @ApiProperty() class_name!: string;
  @ApiProperty() full_class_name!: string;
  @ApiProperty({ type: [DagExperimentModel] }) experiments!: DagExperimentModel[];
  @ApiProperty() total_count!: number;
  @ApiProperty() success_count!: number;
  @ApiProperty() failed_count!: number;
  @ApiProperty() running_count!: number;
  @ApiProperty({ ...nullableString, description: 'The module defining the class (namespace without its last part).' })
  parent_class!: string | null;
}

export class DagEdgeModel implements Api.DAGEdge {
  @ApiProperty({ description: 'The dependency class.' }) source!: string;
  @ApiProperty({ description: 'The class that depends on it.' }) target!: string;
  @ApiProperty({ description: 'The field, list indices dropped (members[]).' }) field_name!: string;
}

export class ExperimentDagModel implements Api.ExperimentDAG {
  @ApiProperty({ type: [DagNodeModel] }) nodes!: DagNodeModel[];
  @ApiProperty({ type: [DagEdgeModel] }) edges!: DagEdgeModel[];
  @ApiProperty() total_nodes!: number;
  @ApiProperty() total_edges!: number;
  @ApiProperty() total_experiments!: number;
}

export class ParentExperimentModel implements Api.ParentExperiment {
  @ApiProperty() field_name!: string;
  @ApiProperty() class_name!: string;
  @ApiProperty() full_class_name!: string;
  @ApiProperty(nullableString) namespace!: string | null;
  @ApiProperty(nullableString) gren_hash!: string | null;
  @ApiProperty(nullableString) result_status!: string | null;
  @ApiProperty({ type: Object, nullable: true }) config!: Record<string, unknown> | null;
}

export class ChildExperimentModel implements Api.ChildExperiment {
  @ApiProperty() field_name!: string;
  @ApiProperty() class_name!: string;
  @ApiProperty() full_class_name!: string;
  @ApiProperty() namespace!: string;
  @ApiProperty() gren_hash!: string;
  @ApiProperty() result_status!: string;
}

export class ExperimentRelationshipsModel implements Api.ExperimentRelationships {
  @ApiProperty({ type: [ParentExperimentModel] }) parents!: ParentExperimentModel[];
  @ApiProperty({ type: [ChildExperimentModel] }) children!: ChildExperimentModel[];
}

export class ExperimentLogModel implements Api.ExperimentLog {
  @ApiProperty() namespace!: string;
  @ApiProperty() gren_hash!: string;
  @ApiProperty({ description: 'false when there is no .gren/gren.log yet.' }) exists!: boolean;
  @ApiProperty() size_bytes!: number;
  @ApiProperty({ type: [String], description: 'The last lines, oldest first.' }) lines!: string[];
  @ApiProperty({ description: 'More lines precede these.' }) truncated!: boolean;
}

export class ChangeVersionModel implements Api.ChangeVersion {
  @ApiProperty({ description: 'Moves whenever an artifact appears, changes or disappears.' }) version!: number;
}

export class ApiErrorModel implements Api.ApiErrorBody {
  @ApiProperty({ example: 'Experiment not found' }) detail!: string;
}
