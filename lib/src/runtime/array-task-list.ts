import * as fs from 'node:fs';
import { GrenError } from '../errors/gren-error';

/** The text of a task list: one worker payload path per line, line i for array task i. */
export function renderTaskList(payloadFiles: readonly string[]): string {
  for (const file of payloadFiles) {
    if (file.includes('\n')) throw new GrenError('WORKER_TASK_LIST', `A payload path cannot contain a newline: ${JSON.stringify(file)}.`);
  }
  return `${payloadFiles.join('\n')}\n`;
}

/** The payload path of this SLURM array task (SLURM_ARRAY_TASK_ID selects the line). */
export function payloadOfArrayTask(taskList: string, env: Readonly<Record<string, string | undefined>>): string {
  const taskId = env['SLURM_ARRAY_TASK_ID'];
  if (taskId === undefined || !/^\d+$/.test(taskId)) {
    throw new GrenError('WORKER_TASK_LIST', `gren-worker --task-list ${taskList} runs inside a SLURM array task, but SLURM_ARRAY_TASK_ID is ${taskId === undefined ? 'unset' : JSON.stringify(taskId)}.`);
  }
  let lines: string[];
  try {
    lines = fs.readFileSync(taskList, 'utf8').split('\n');
  } catch (error) {
    throw new GrenError('WORKER_TASK_LIST', `gren-worker cannot read the task list ${taskList}: ${(error as Error).message}.`, { cause: error });
  }
  const file = lines[Number(taskId)];
  if (!file) throw new GrenError('WORKER_TASK_LIST', `The task list ${taskList} has no line for array task ${taskId} (it lists ${lines.filter(Boolean).length} payloads).`);
  return file;
}
