import { Field, GREN_CONFIG, Gren, GrenObject, type GrenSettings } from 'gren-ts';
import { resetForceRecompute, takeForceRecompute } from '../../../lib/src/runtime/force-recompute';

abstract class Base<Self> extends GrenObject<number, Self> {
  protected _create(): number {
    return 1;
  }

  protected _load(): number {
    return 1;
  }
}

@Gren({ namespace: 'spec.runtime.force.Model' })
class Model<Self = Model<never>> extends Base<Self> {
  @Field() size: number = 1;
}

@Gren({ namespace: 'spec.runtime.force.BigModel' })
class BigModel extends Model<BigModel> {
  @Field() layers: number = 2;
}

@Gren({ namespace: 'spec.runtime.force.Other' })
class Other extends Base<Other> {
  @Field() n: number = 0;
}

function settings(names: string[]): GrenSettings {
  return { ...GREN_CONFIG, forceRecompute: new Set(names) };
}

describe('takeForceRecompute', () => {
  beforeEach(() => resetForceRecompute());

  describe('when GREN_FORCE_RECOMPUTE is empty', () => {
    it('should never force', () => {
      expect(takeForceRecompute(settings([]), Model, '/a')).toBe(false);
    });
  });

  describe.each([
    ['the class name', 'Model'],
    ['the namespace', 'spec.runtime.force.Model'],
  ])('when it names a class by %s', (_how, name) => {
    it('should force that class and its gren subclasses, not others', () => {
      expect(takeForceRecompute(settings([name]), Model, '/model')).toBe(true);
      expect(takeForceRecompute(settings([name]), BigModel, '/big')).toBe(true);
      expect(takeForceRecompute(settings([name]), Other, '/other')).toBe(false);
    });
  });

  describe('when it names only a subclass', () => {
    it('should not force the base class', () => {
      expect(takeForceRecompute(settings(['BigModel']), Model, '/model')).toBe(false);
      expect(takeForceRecompute(settings(['BigModel']), BigModel, '/big')).toBe(true);
    });
  });

  describe('when the same artifact is asked again in this process', () => {
    it('should force it only the first time, other artifacts still once each', () => {
      const forced = settings(['Model']);

      expect(takeForceRecompute(forced, Model, '/one')).toBe(true);
      expect(takeForceRecompute(forced, Model, '/one')).toBe(false);
      expect(takeForceRecompute(forced, Model, '/two')).toBe(true);
    });
  });
});
