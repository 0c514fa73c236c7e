import 'reflect-metadata';
import './errors/print-uncaught-errors';

export { Gren } from './decorators/gren.decorator';
export { Field } from './decorators/field.decorator';
export { registerEnum } from './decorators/register-enum';
export { GrenObject } from './model/gren-object';
export { GrenStruct } from './model/gren-struct';
export { GrenList } from './list/gren-list';
export type { ByNameOptions } from './list/gren-list';
export { Float, FloatValue, Tuple } from './model/float';
export type { FloatToken, TupleToken } from './model/float';
export { MISSING } from './model/missing';
export type { ConfigFields, InitOf } from './model/config-fields';
export type { GrenOptions } from './metadata/class-record';
export type { FieldOptions } from './metadata/field-record';
export type { TypeSpec, EnumLike } from './metadata/type-spec';
export { registry as grenRegistry } from './metadata/registry';

export { GrenSerializer } from './serialization/gren-serializer';
export type { ToCodeOptions } from './serialization/to-code';
export { PreciseDate } from '@google-cloud/precise-date';

export { GREN_CONFIG, getGrenRoot, setGrenRoot, getRawDir, reloadGrenConfig } from './settings/gren-config';
export type { GrenSettings, LogLevelName } from './settings/gren-settings';
export { loadEnv } from './settings/load-env';

export { GrenError } from './errors/gren-error';
export type { GrenErrorOptions } from './errors/gren-error';
export { GrenDefinitionError } from './errors/definition-error';
export { GrenConfigError } from './errors/config-error';
export { GrenSerializationError } from './errors/serialization-error';
export { GrenSettingsError } from './errors/settings-error';
export { GrenComputeError } from './errors/compute-error';
export { GrenWaitTimeout } from './errors/wait-timeout';
export { GrenLockNotAcquired } from './errors/lock-not-acquired';

export { version } from './version';

export { GrenStateError } from './errors/state-error';
export { StateManager } from './storage/state-manager';
export { MetadataManager } from './storage/metadata-manager';
export { ArtifactPaths } from './storage/artifact-paths';
export { parseState } from './storage/parse-state';
export { readState } from './storage/read-state';
export { readMetadataRaw, readMetadata } from './storage/read-metadata';
export { readEvents } from './storage/read-events';
export type { GrenEvent } from './storage/read-events';
export type * from './storage/state-types';
export { defaultState, isActive, TERMINAL_STATUSES, STATE_SCHEMA_VERSION } from './storage/state-types';
export type { GrenMetadata, PythonMetadata, TypeScriptMetadata, DependencyRef } from './storage/metadata-types';
export { isoSeconds, parseIsoTime } from './storage/iso-time';
export { serializeState } from './storage/serialize-state';
export { configureLogging, getLogger, GrenLogger } from './logging/gren-logger';
export type { LoggingOptions } from './logging/log-dispatcher';
export { createGrenContainer } from './di/create-gren-container';
export type { GrenContainerOverrides } from './di/create-gren-container';
export { getGrenContainer, useGrenContainer } from './di/active-container';
export { CLOCK, EXECUTOR, GREN_SETTINGS, LOCK_SERVICE, LOGGER, METADATA_COLLECTOR, STATE_STORE, STORAGE } from './di/tokens';
export type { Executor, SubmitRequest, SubmittedJob, WorkerPayload } from './executors/executor';
export { LocalExecutor } from './executors/local-executor';
export type { Clock } from './runtime/clock';
export type { SchedulerProbe } from './storage/reconcile';
export { ProcessExecutor } from './executors/process-executor';
export { GrenJob } from './runtime/gren-job';
export type { GrenJobState } from './runtime/gren-job';
export { SlurmExecutor } from './executors/slurm/slurm-executor';
export type { SlurmOptions } from './executors/slurm/slurm-options';
export { renderError } from './errors/render-error';

export type { Explanation, ExplainOptions, NearestArtifact, AttemptSummary, StoredResult } from './explain/explanation';
export type { FieldDifference } from './explain/field-difference';
export { diffConfigs } from './explain/diff-configs';
export { treeOfObject, treeOfStored } from './explain/config-tree';
export type { ConfigTree, StoredTree } from './explain/config-tree';
export { formatExplanation, formatDifferences } from './explain/format-explanation';
export { explanationToJson } from './explain/explanation-json';
