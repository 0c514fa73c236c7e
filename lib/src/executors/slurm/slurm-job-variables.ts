/** Variables passed from the submitter to the job, so the worker sees the same settings. */
const FORWARDED_VARIABLES = /^(GREN_|NODE_OPTIONS$|TS_NODE_)/;

/** The variables a batch script exports before it starts the worker. */
export function slurmJobVariables(env: NodeJS.ProcessEnv, basePath: string, requeue: boolean): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && FORWARDED_VARIABLES.test(name)) variables[name] = value;
  }
  variables.GREN_PATH = basePath;
  variables.GREN_SLURM_REQUEUE = requeue ? '1' : '0';
  return variables;
}
