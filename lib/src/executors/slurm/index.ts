export { classifySchedulerState, ACTIVE_STATES, FAILED_STATES, PREEMPTED_STATES } from './classify-scheduler-state';
export type { ClassifyOptions, SchedulerClassification, SchedulerTerminalStatus } from './classify-scheduler-state';
export { parseSacctOutput, sacctRuns, lastSacctRun } from './parse-sacct-output';
export type { SacctRecord } from './parse-sacct-output';
export { parseSbatchOutput } from './parse-sbatch-output';
export type { SbatchSubmission } from './parse-sbatch-output';
export { parseScontrolJob, parseScontrolJobs } from './parse-scontrol-job';
export type { ScontrolJob } from './parse-scontrol-job';
export { parseSqueueOutput, findSqueueRow } from './parse-squeue-output';
export type { SqueueRow } from './parse-squeue-output';
export { decideRequeue } from './requeue-policy';
export type { RequeueDecision, RequeueDecisionInput } from './requeue-policy';
export { FORWARDED_SIGNALS, formatMemory, renderSbatchScript, sbatchDirectives, sbatchLogPaths } from './sbatch-script';
export type { SbatchScriptInput } from './sbatch-script';
export {
  SACCT_FIELDS,
  SQUEUE_FORMAT,
  formatCommand,
  sacctCommand,
  sbatchCommand,
  scancelCommand,
  scontrolRequeueCommand,
  scontrolShowJobCommand,
  squeueCommand,
} from './scheduler-commands';
export type { SchedulerCommand } from './scheduler-commands';
export { sbatchDirectiveValue, sbatchFilenameDirectory, shellQuote } from './shell-quote';
export { SlurmError } from './slurm-error';
export { readSlurmJobEnvironment } from './slurm-job-environment';
export type { SlurmJobEnvironment } from './slurm-job-environment';
export {
  DEFAULT_JOB_NAME,
  DEFAULT_SIGNAL_DELAY_SEC,
  MAX_SIGNAL_DELAY_SEC,
  resolveSlurmOptions,
  toSbatchFlag,
} from './slurm-options';
export type { ResolvedSlurmOptions, SbatchParameterValue, SlurmOptions } from './slurm-options';
export { isInvalidJobIdMessage, probeSlurmJob } from './slurm-probe';
export type { CommandResult, SlurmProbeInput, SlurmProbeResult, SlurmProbeSource } from './slurm-probe';
export {
  isSlurmJobId,
  normalizeSchedulerState,
  parseSlurmDuration,
  parseSlurmExitCode,
  parseSlurmReason,
  parseSlurmTime,
} from './slurm-values';
export type { SlurmExitCode } from './slurm-values';
