import { Field, Float, Gren, GrenConfigError, GrenObject, GrenStruct } from 'gren-ts';
import { GrenCliError } from '../../../lib/src/cli/cli-error';
import { buildConfig } from '../../../lib/src/cli/config/build-config';
import { parseAssignments } from '../../../lib/src/cli/config/parse-set';
import { expectError } from '../errors/expect-error';

@Gren({ namespace: 'spec.cli.Optimizer' })
class Optimizer extends GrenStruct<Optimizer> {
  @Field() kind: string = 'adam';
  @Field({ type: Float }) beta: number = 0.9;
}

@Gren({ namespace: 'spec.cli.Data' })
class Data extends GrenObject<string, Data> {
  @Field() name: string = 'toy';
  @Field() size: number = 100;

  protected _create(): string {
    return this.name;
  }

  protected _load(): string {
    return this.name;
  }
}

@Gren({ namespace: 'spec.cli.Fit' })
class Fit extends GrenObject<number, Fit> {
  @Field(() => Data) dataset: Data = new Data();
  @Field(() => Optimizer) optimizer: Optimizer = new Optimizer();
  @Field({ type: Float }) lr: number = 1e-3;
  @Field() label: string = 'run';
  @Field() tags: string[] = [];
  @Field() extra: Record<string, unknown> = { depth: 2 };
  @Field() flag: boolean = false;

  protected _create(): number {
    return 0;
  }

  protected _load(): number {
    return 0;
  }
}

const build = (...sets: string[]): Fit => buildConfig(Fit, parseAssignments(sets)) as Fit;

describe(buildConfig, () => {
  it('should build the defaults without assignments', () => {
    expect(build().equals(new Fit())).toBe(true);
  });

  it('should parse values by the field types', () => {
    const fit = build('lr=0.0003', 'label=123', 'tags=["a","b"]', 'flag=true');
    expect(fit.equals(new Fit({ lr: 3e-4, label: '123', tags: ['a', 'b'], flag: true }))).toBe(true);
  });

  it('should take a quoted JSON string for a string field', () => {
    expect(build('label="x=1"').label).toBe('x=1');
  });

  it('should change nested configs and objects through dotted paths', () => {
    const fit = build('dataset.name=mnist', 'dataset.size=5', 'optimizer.beta=1', 'extra.depth=3', 'extra.new.deep=x');
    expect(fit.dataset.equals(new Data({ name: 'mnist', size: 5 }))).toBe(true);
    expect(fit.optimizer.equals(new Optimizer({ beta: 1 }))).toBe(true);
    expect(fit.extra).toEqual({ depth: 3, new: { deep: 'x' } });
    expect(fit.grenHash).toBe(
      new Fit({
        dataset: new Data({ name: 'mnist', size: 5 }),
        optimizer: new Optimizer({ beta: 1 }),
        extra: { depth: 3, new: { deep: 'x' } },
      }).grenHash,
    );
  });

  it('should fail on an unknown field as the constructor does, suggesting the name', () => {
    expectError(() => build('lrr=1'), GrenConfigError, 'Fit has no field "lrr"', 'Did you mean "lr"?');
    expectError(() => build('dataset.nam=x'), GrenConfigError, 'Data has no field "nam"');
  });

  it('should fail on a value of the wrong type', () => {
    expectError(() => build('flag=maybe'), GrenConfigError, 'Fit.flag');
  });

  it('should refuse a dotted path into a field that holds no object', () => {
    expectError(() => build('lr.x=1'), GrenCliError, 'Fit.lr holds no nested config');
  });
});

describe(parseAssignments, () => {
  it('should split at the first =', () => {
    expect(parseAssignments(['a.b=c=d'])).toEqual([{ path: ['a', 'b'], text: 'c=d' }]);
  });

  it.each(['novalue', '=x', 'a..b=1', '1a=2'])('should reject %p as a usage error', (text) => {
    expect(expectError(() => parseAssignments([text]), GrenCliError, 'Invalid --set', 'field=value')).toMatchObject({
      exitCode: 2,
    });
  });
});
