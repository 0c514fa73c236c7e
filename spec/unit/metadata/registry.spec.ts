import {
  Field,
  Gren,
  GrenDefinitionError,
  GrenSerializationError,
  GrenSerializer,
  GrenStruct,
  grenRegistry,
  registerEnum,
} from 'gren-ts';
import { expectError } from '../errors/expect-error';

enum Shade {
  Light = 'light',
  Dark = 'dark',
}

enum Level {
  Low = 1,
  High = 2,
}

describe('grenRegistry', () => {
  afterEach(() => grenRegistry.reset());

  describe('when a class is registered', () => {
    it('should find it by class, by the class as written and by namespace', () => {
      @Gren({ namespace: 'spec.registry.Found' })
      class Found extends GrenStruct<Found> {}

      const entry = grenRegistry.classEntry(Found);

      expect(entry?.namespace).toBe('spec.registry.Found');
      expect(grenRegistry.classEntry(entry?.record.original)).toBe(entry);
      expect(grenRegistry.byNamespace('spec.registry.Found')?.cls).toBe(Found);
      expect(grenRegistry.namespaces()).toContain('spec.registry.Found');
    });

    it('should keep its state on globalThis, so that two copies of gren share it', () => {
      @Gren({ namespace: 'spec.registry.Shared' })
      class Shared extends GrenStruct<Shared> {}

      const state = (globalThis as unknown as Record<symbol, { byNamespace: Map<string, unknown> }>)[
        Symbol.for('gren.registry')
      ];

      expect(state?.byNamespace.has('spec.registry.Shared')).toBe(true);
      expect(grenRegistry.isRegistered(Shared)).toBe(true);
    });
  });

  describe('when reset', () => {
    it('should forget every class, so fromDict no longer finds it and the namespace is free again', () => {
      const define = (): unknown => {
        @Gren({ namespace: 'spec.registry.Again' })
        class Again extends GrenStruct<Again> {
          @Field() x: number = 1;
        }
        return Again;
      };
      const first = define();

      grenRegistry.reset();

      expect(grenRegistry.isRegistered(first)).toBe(false);
      expect(grenRegistry.namespaces()).toEqual([]);
      expectError(
        () => GrenSerializer.fromDict({ __class__: 'spec.registry.Again', x: 1 }),
        GrenSerializationError,
        'no class is registered under "spec.registry.Again"',
      );
      expect(define).not.toThrow();
    });

    it('should forget enums too', () => {
      registerEnum(Shade, 'spec.registry.Shade');
      grenRegistry.reset();

      expect(grenRegistry.enumInfo(Shade)).toBeUndefined();
      expect(grenRegistry.enumByName('spec.registry.Shade')).toBeUndefined();
    });
  });

  describe('when an enum is registered', () => {
    it('should map values to member names, leaving out numeric reverse mappings', () => {
      registerEnum(Level, 'spec.registry.Level');
      const info = grenRegistry.enumInfo(Level);

      expect([...(info?.valueByMember ?? [])]).toEqual([
        ['Low', 1],
        ['High', 2],
      ]);
      expect(info?.memberByValue.get(2)).toBe('High');
    });

    it('should prefix a name without dots with the calling module path', () => {
      registerEnum(Shade, 'Shade');

      expect(grenRegistry.enumInfo(Shade)?.name).toBe('spec.unit.metadata.registry_spec.Shade');
    });

    it('should reject a second enum under the same name', () => {
      registerEnum(Shade, 'spec.registry.Taken');

      expectError(
        () => registerEnum(Level, 'spec.registry.Taken'),
        GrenDefinitionError,
        'Two different enums are registered as "spec.registry.Taken"',
      );
    });

    it('should reject something that is not an enum object', () => {
      expectError(
        () => registerEnum(undefined as never, 'spec.registry.Nothing'),
        GrenDefinitionError,
        'instead of an enum object',
      );
    });
  });
});
