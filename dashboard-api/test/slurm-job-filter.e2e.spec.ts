import request from 'supertest';
import type { ApiErrorBody, ExperimentDetail, ExperimentList } from '../src/contract/api-types';
import { buildState } from '../src/testing/state-builder';
import { writeArtifact } from '../src/testing/write-artifact';
import { makeTempDir, removeStore } from './support/temp-store';
import { startTestApp, type TestApp } from './support/test-app';

const at = (hour: number): Date => new Date(Date.UTC(2026, 11, 7, hour));
const HASH = {
  task0: 'a0000000000000000000',
  task1: 'a1111111111111111111',
  plain: 'b0000000000000000000',
  local: 'c0000000000000000000',
  python: 'd0000000000000000000',
};

/** Artifacts of a sweep's SLURM array 500 (tasks 0 and 1), a single job 77, a Python submitit task and a local run. */
function writeStore(base: string): void {
  const slurm = (hash: string, hour: number, scheduler: Record<string, unknown>): void => {
    writeArtifact(base, {
      namespace: 'proj.sweep.Point',
      hash,
      state: buildState({
        result: 'success',
        updatedAt: at(hour),
        attempt: { status: 'success', startedAt: at(hour), backend: 'slurm', scheduler },
      }),
    });
  };
  slurm(HASH.task0, 1, { job_id: '500_0', array_job_id: '500', array_task_id: 0 });
  slurm(HASH.task1, 2, { job_id: '500_1', array_job_id: '500', array_task_id: 1 });
  slurm(HASH.plain, 3, { job_id: '77' });
  writeArtifact(base, {
    namespace: 'proj.sweep.Point',
    hash: HASH.python,
    state: buildState({
      result: 'success',
      updatedAt: at(5),
      attempt: { status: 'success', startedAt: at(5), backend: 'submitit', scheduler: { job_id: '900_2' } },
    }),
  });
  writeArtifact(base, {
    namespace: 'proj.sweep.Point',
    hash: HASH.local,
    state: buildState({
      result: 'success',
      updatedAt: at(4),
      attempt: { status: 'success', startedAt: at(4), scheduler: { job_id: '500' } },
    }),
  });
}

describe('GET /api/experiments?slurm_job_id=', () => {
  let store: string;
  let api: TestApp;
  const hashes = async (id: string): Promise<string[]> =>
    (
      (await request(api.server).get('/api/experiments').query({ slurm_job_id: id }).expect(200)).body as ExperimentList
    ).experiments
      .map((row) => row.gren_hash)
      .sort();

  beforeAll(async () => {
    store = makeTempDir();
    writeStore(store);
    api = await startTestApp(store, { watch: false });
  });

  afterAll(async () => {
    await api.close();
    removeStore(store);
  });

  describe('when given an array job id', () => {
    it('should list every task of that array, and no local attempt that happens to record the same id', async () => {
      expect(await hashes('500')).toEqual([HASH.task0, HASH.task1]);
    });
  });

  describe('when given an array task id', () => {
    it('should list that task only', async () => {
      expect(await hashes('500_1')).toEqual([HASH.task1]);
    });
  });

  describe('when given the id of a job the Python gren submitted through submitit', () => {
    it('should list it too', async () => {
      expect(await hashes('900_2')).toEqual([HASH.python]);
    });
  });

  describe('when given a single job id', () => {
    it('should list that job, and nothing for an unknown id', async () => {
      expect(await hashes('77')).toEqual([HASH.plain]);
      expect(await hashes('78')).toEqual([]);
    });
  });

  describe('when the id is not a SLURM job id', () => {
    it('should answer 422 naming the parameter and the expected form', async () => {
      const body = (await request(api.server).get('/api/experiments').query({ slurm_job_id: '500-1' }).expect(422))
        .body as ApiErrorBody;
      expect(JSON.stringify(body)).toContain(
        'slurm_job_id must be a SLURM job id such as 1234, or an array task such as 1234_5',
      );
    });
  });

  describe('the detail of an array task', () => {
    it('should carry the array job and task ids in the attempt scheduler facts', async () => {
      const detail = (await request(api.server).get(`/api/experiments/proj.sweep.Point/${HASH.task1}`).expect(200))
        .body as ExperimentDetail;
      expect(detail.state).toMatchObject({
        attempt: { scheduler: { job_id: '500_1', array_job_id: '500', array_task_id: 1 } },
      });
    });
  });
});
