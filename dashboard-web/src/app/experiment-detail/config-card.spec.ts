import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ParentExperiment } from '@contract/api-types';
import { ConfigCard } from './config-card';

const TRAIN = 'webspec.train.Train';

function parent(field: string, hash: string | null): ParentExperiment {
  return {
    field_name: field,
    class_name: 'Train',
    full_class_name: TRAIN,
    namespace: hash === null ? null : TRAIN,
    gren_hash: hash,
    result_status: hash === null ? null : 'success',
    config: { lr: 0.1 },
  };
}

describe(ConfigCard.name, () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
  });

  async function render(
    config: Record<string, unknown>,
    parents: ParentExperiment[],
  ): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(ConfigCard);
    fixture.componentRef.setInput('config', config);
    fixture.componentRef.setInput('parents', parents);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function links(element: HTMLElement): { text: string; href: string | null }[] {
    return [...element.querySelectorAll<HTMLAnchorElement>('[data-testid="dependency-link"]')].map(
      (a) => ({
        text: a.textContent?.trim() ?? '',
        href: a.getAttribute('href'),
      }),
    );
  }

  describe('when dependencies sit inside a list', () => {
    it('should link each stored one to its experiment', async () => {
      const element = await render(
        {
          __class__: 'webspec.train.Ensemble',
          members: [
            { __class__: TRAIN, lr: 0.1 },
            { __class__: TRAIN, lr: 0.01 },
          ],
          vote: 'soft',
        },
        [parent('members[0]', 'aaaa'), parent('members[1]', 'bbbb')],
      );
      expect(links(element)).toEqual([
        { text: TRAIN, href: `/experiments/${TRAIN}/aaaa` },
        { text: TRAIN, href: `/experiments/${TRAIN}/bbbb` },
      ]);
    });

    it('should leave one that is not in the store as plain text', async () => {
      const element = await render(
        { __class__: 'webspec.train.Ensemble', members: [{ __class__: TRAIN, lr: 0.1 }] },
        [parent('members[0]', null)],
      );
      expect(links(element)).toEqual([]);
      expect(element.textContent).toContain(`"${TRAIN}"`);
    });
  });

  describe('when a dependency is a top-level field', () => {
    it('should link it once, in the dependencies section', async () => {
      const element = await render(
        { __class__: 'webspec.train.Evaluate', train: { __class__: TRAIN, lr: 0.1 } },
        [parent('train', 'cccc')],
      );
      expect(links(element)).toEqual([{ text: TRAIN, href: `/experiments/${TRAIN}/cccc` }]);
    });
  });
});
