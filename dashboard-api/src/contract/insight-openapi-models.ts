import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type * as Api from './api-types';
import type * as Insight from './insight-types';

/*
 * OpenAPI schemas of the timeline, files, lineage and similar-config responses. Each class
 * implements its contract interface, so the compiler keeps the two in step.
 */

const nullableString = { type: String, nullable: true } as const;
const RESULTS = ['absent', 'incomplete', 'success', 'failed', 'invalid'];
const ATTEMPTS = ['queued', 'running', 'success', 'failed', 'cancelled', 'preempted', 'crashed'];

export class TimelineAttemptModel implements Insight.TimelineAttempt {
  @ApiProperty({ example: 'refstore.pipelines.Train' }) namespace!: string;
  @ApiProperty({ example: '3c619c85f3318dea28d6' }) gren_hash!: string;
  @ApiProperty({ example: 'Train' }) class_name!: string;
  @ApiProperty({ enum: RESULTS }) result_status!: Api.ResultStatus | Api.InvalidStatus;
  @ApiProperty() attempt_number!: number;
  @ApiProperty({ enum: ATTEMPTS }) attempt_status!: Api.AttemptStatus;
  @ApiProperty({ example: 'slurm' }) backend!: string;
  @ApiProperty(nullableString) hostname!: string | null;
  @ApiProperty(nullableString) user!: string | null;
  @ApiProperty() started_at!: string;
  @ApiProperty({ ...nullableString, description: 'null while queued or running.' }) ended_at!: string | null;
  @ApiProperty(nullableString) heartbeat_at!: string | null;
  @ApiProperty(nullableString) lease_expires_at!: string | null;
  @ApiProperty({ ...nullableString, description: 'scheduler.job_id: a SLURM job (1234, 1234_5) or a pool worker.' })
  job_id!: string | null;
  @ApiProperty({ description: 'Running, but its lease expired: nothing renews it (stuck or dead).' }) stale!: boolean;
  @ApiProperty({ description: 'false for an earlier attempt, known from events.jsonl only.' }) current!: boolean;
}

export class TimelineModel implements Insight.Timeline {
  @ApiProperty({ type: [TimelineAttemptModel] }) attempts!: TimelineAttemptModel[];
  @ApiProperty({ description: 'Matching experiments with an attempt, before the limit.' }) total!: number;
  @ApiProperty({ description: "The server's clock: running bars end here." }) now!: string;
}

const FILE_KINDS = ['text', 'json', 'jsonl', 'csv', 'png', 'jpeg', 'svg', 'other'];

export class ArtifactFileModel implements Insight.ArtifactFile {
  @ApiProperty({ example: 'plots/loss.png', description: 'Relative to the artifact directory.' }) path!: string;
  @ApiProperty() size_bytes!: number;
  @ApiProperty() modified_at!: string;
  @ApiProperty({ enum: FILE_KINDS }) kind!: Insight.ArtifactFileKind;
  @ApiProperty({ description: "Within the viewer's cap for its kind (text 2 MiB, images 10 MiB)." }) viewable!: boolean;
}

export class ArtifactFileListModel implements Insight.ArtifactFileList {
  @ApiProperty() namespace!: string;
  @ApiProperty() gren_hash!: string;
  @ApiProperty({ type: [ArtifactFileModel] }) files!: ArtifactFileModel[];
  @ApiProperty({ description: 'More than 2000 files: only the first are listed.' }) truncated!: boolean;
}

export class ArtifactFileTextModel implements Insight.ArtifactFileText {
  @ApiProperty() path!: string;
  @ApiProperty({ enum: ['text', 'json', 'jsonl', 'csv'] }) kind!: 'text' | 'json' | 'jsonl' | 'csv';
  @ApiProperty() size_bytes!: number;
  @ApiProperty() modified_at!: string;
  @ApiProperty() text!: string;
}

export class LineageExperimentModel implements Insight.LineageExperiment {
  @ApiProperty() namespace!: string;
  @ApiProperty() gren_hash!: string;
  @ApiProperty() class_name!: string;
  @ApiProperty() result_status!: string;
  @ApiProperty({ description: '1: direct, 2: through one other experiment, ...' }) depth!: number;
}

export class LineageClassCountModel implements Insight.LineageClassCount {
  @ApiProperty() namespace!: string;
  @ApiProperty() class_name!: string;
  @ApiProperty() count!: number;
}

export class LineageSideModel implements Insight.LineageSide {
  @ApiProperty({ type: [LineageExperimentModel], description: 'Nearest first, at most 1000.' })
  experiments!: LineageExperimentModel[];
  @ApiProperty() total!: number;
  @ApiProperty({ type: [LineageClassCountModel] }) by_class!: LineageClassCountModel[];
}

export class ExperimentLineageModel implements Insight.ExperimentLineage {
  @ApiProperty({ type: LineageSideModel, description: 'What it depends on, transitively.' })
  upstream!: LineageSideModel;
  @ApiProperty({ type: LineageSideModel, description: 'What uses it ("used by"), transitively.' })
  downstream!: LineageSideModel;
}

export class ConfigDifferenceModel implements Insight.ConfigDifference {
  @ApiProperty({ example: 'dataset.name' }) path!: string;
  @ApiProperty({ enum: ['changed', 'added', 'removed'] }) change!: 'changed' | 'added' | 'removed';
  @ApiPropertyOptional({ description: "The similar experiment's value (absent when added)." }) other?: unknown;
  @ApiPropertyOptional({ description: "This experiment's value (absent when removed)." }) this?: unknown;
}

export class SimilarExperimentModel implements Insight.SimilarExperiment {
  @ApiProperty() namespace!: string;
  @ApiProperty() gren_hash!: string;
  @ApiProperty() result_status!: string;
  @ApiProperty(nullableString) updated_at!: string | null;
  @ApiProperty({ type: [ConfigDifferenceModel] }) differences!: ConfigDifferenceModel[];
}

export class SimilarExperimentsModel implements Insight.SimilarExperiments {
  @ApiProperty() namespace!: string;
  @ApiProperty() gren_hash!: string;
  @ApiProperty({ description: 'false: this experiment has no readable config, nothing was compared.' })
  comparable!: boolean;
  @ApiProperty() compared!: number;
  @ApiProperty() not_comparable!: number;
  @ApiProperty({ type: [SimilarExperimentModel] }) nearest!: SimilarExperimentModel[];
}
