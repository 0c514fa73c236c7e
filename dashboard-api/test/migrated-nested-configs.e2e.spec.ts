import request from 'supertest';
import {
  addedField,
  Field,
  Float,
  Gren,
  GREN_CONFIG,
  GrenObject,
  grenRegistry,
  removedField,
  renamedField,
} from 'gren-ts';
import type { ExperimentDetail, ExperimentList } from '../src/contract/api-types';
import { makeTempDir, removeStore } from './support/temp-store';
import { startTestApp, type TestApp } from './support/test-app';

abstract class Named extends GrenObject<string> {
  protected _create(): string {
    return this.constructor.name;
  }

  protected _load(): string {
    return this.constructor.name;
  }
}

/** Version 1, which stores an Ensemble nesting Trains in an array and in an object. */
async function storeV1(): Promise<string> {
  @Gren({ namespace: 'dash.nested.Train' })
  class Train extends Named {
    @Field({ type: Float }) lr: number = 0.1;
    @Field() debug: boolean = false;
  }
  @Gren({ namespace: 'dash.nested.Ensemble' })
  class Ensemble extends Named {
    @Field(() => [Train]) models: Train[] = [new Train(), new Train({ lr: 0.5 })];
    @Field() byName: Record<string, Train> = { small: new Train() };
  }
  const ensemble = new Ensemble();
  await ensemble.loadOrCreate();
  return ensemble.grenHash;
}

/** Version 2: Train changed with declared migrations; Ensemble is unchanged but nests it. */
function declareV2(): GrenObject<string> {
  @Gren({
    namespace: 'dash.nested.Train',
    migrations: [addedField('seed', 0), renamedField('lr', 'learningRate'), removedField('debug', false)],
  })
  class Train extends Named {
    @Field({ type: Float }) learningRate: number = 0.1;
    @Field() seed: number = 0;
  }
  @Gren({ namespace: 'dash.nested.Ensemble' })
  class Ensemble extends Named {
    @Field(() => [Train]) models: Train[] = [new Train(), new Train({ learningRate: 0.5 })];
    @Field() byName: Record<string, Train> = { small: new Train() };
  }
  return new Ensemble();
}

/** Points gren at `store` with an empty registry; the returned function undoes it and removes the store. */
function useStore(store: string): () => void {
  const saved = { basePath: GREN_CONFIG.basePath, logLevel: GREN_CONFIG.logLevel };
  Object.assign(GREN_CONFIG, { basePath: store, logLevel: 'ERROR' });
  grenRegistry.reset();
  return () => {
    Object.assign(GREN_CONFIG, saved);
    removeStore(store);
    grenRegistry.reset();
  };
}

describe('Dashboard API on a store whose configs nest a changed class in arrays and objects', () => {
  let api: TestApp;
  let restore: () => void;
  let oldHash: string;
  let current: GrenObject<string>;

  beforeAll(async () => {
    const store = makeTempDir('gren-dashboard-nested-');
    restore = useStore(store);
    oldHash = await storeV1();
    grenRegistry.reset();
    current = declareV2();
    api = await startTestApp(store);
  });

  afterAll(async () => {
    await api.close();
    restore();
  });

  it('should badge the stored ensemble stale', async () => {
    const body = (await request(api.server).get('/api/experiments?stale=true').expect(200)).body as ExperimentList;
    expect(body.experiments.map((row) => [row.class_name, row.stale])).toEqual([['Ensemble', true]]);
  });

  it('should name the paths of the nested trains that changed, and the identity the migration maps it to', async () => {
    const detail = (await request(api.server).get(`/api/experiments/dash.nested.Ensemble/${oldHash}`).expect(200))
      .body as ExperimentDetail;
    expect(detail.stale_info?.changes).toEqual(
      expect.arrayContaining([
        { kind: 'renamed', field: 'models[1].lr', to: 'models[1].learningRate' },
        { kind: 'missing', field: 'byName.small.seed' },
      ]),
    );
    expect(detail.stale_info?.mapping).toEqual({
      namespace: 'dash.nested.Ensemble',
      gren_hash: current.grenHash,
      steps: [
        "Train: addedField('seed', 0)",
        "Train: renamedField('lr', 'learningRate')",
        "Train: removedField('debug', false)",
      ],
    });
  });
});
