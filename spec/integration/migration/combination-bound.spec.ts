import { configureLogging, Field, Gren, GrenObject, grenRegistry, type GrenStruct } from 'gren-ts';
import { declareManyStepClasses } from '../../support/many-step-classes';
import { useTempStore } from '../../support/temp-store';

describe('loadOrCreate of a config with more earlier identities than gren tries', () => {
  useTempStore('gren-combination-bound-');
  const lines: string[] = [];

  beforeEach(() => {
    lines.length = 0;
    configureLogging({ write: (line) => lines.push(line), color: false, level: 'WARNING' });
  });

  afterEach(() => {
    configureLogging({ write: () => undefined, color: false });
    grenRegistry.reset();
  });

  it('should compute it and warn that older combinations of class versions were not tried, pointing to gren migrate', async () => {
    const { A, B } = declareManyStepClasses('spec.bound');
    @Gren({ namespace: 'spec.bound.Holder' })
    class Holder extends GrenObject<string> {
      @Field() parts: Record<string, GrenStruct> = { a: new A(), b: new B() };
      protected _create(): string {
        return 'computed';
      }
      protected _load(): string {
        return 'loaded';
      }
    }

    expect(await new Holder().loadOrCreate()).toBe('computed');

    const warning = lines.find((line) => line.includes('older combinations were not tried'));
    expect(warning).toContain(
      `Holder ${new Holder().grenHash}: no stored result under the earlier identities of the 64 most recent combinations`,
    );
    expect(warning).toContain('gren migrate');
  });
});
