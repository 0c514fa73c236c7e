import { Field, Gren, GrenObject, MISSING } from 'gren-ts';
import { isGrenObject } from '../../../lib/src/model/gren-object-mark';
import { errorOf } from '../errors/expect-error';

@Gren({ namespace: 'spec.model.runtime.Marked' })
class Marked extends GrenObject<number, Marked> {
  @Field() n: number = MISSING;

  protected _create(): number {
    return this.n;
  }

  protected _load(): number {
    return this.n;
  }
}

describe('the model without the runtime', () => {
  describe('when the model file is loaded without the package entry', () => {
    it('should throw RUNTIME_NOT_INSTALLED naming the import to use', () => {
      jest.isolateModules(() => {
        type Slot = typeof import('../../../lib/src/model/object-runtime');
        type Errors = typeof import('../../../lib/src/errors/gren-error');
        const slot = jest.requireActual<Slot>('../../../lib/src/model/object-runtime');
        const errors = jest.requireActual<Errors>('../../../lib/src/errors/gren-error');

        const error = errorOf(() => slot.objectRuntime());

        expect(error).toBeInstanceOf(errors.GrenError);
        expect((error as InstanceType<typeof errors.GrenError>).code).toBe('RUNTIME_NOT_INSTALLED');
        expect(error.message).toContain("import it from 'gren-ts'");
      });
    });
  });

  describe('when a value is checked for the GrenObject mark', () => {
    it('should recognise config objects and nothing else', () => {
      expect(isGrenObject(new Marked({ n: 1 }))).toBe(true);
      expect(isGrenObject({ grenHash: 'x' })).toBe(false);
      expect(isGrenObject(Marked)).toBe(false);
      expect(isGrenObject(null)).toBe(false);
    });
  });
});
