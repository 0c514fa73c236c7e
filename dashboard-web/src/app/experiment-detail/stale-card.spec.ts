import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { StaleInfo } from '@contract/api-types';
import { StaleCard } from './stale-card';

describe(StaleCard.name, () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideRouter([])] }));

  async function render(value: StaleInfo): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(StaleCard);
    fixture.componentRef.setInput('stale', value);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const all = (element: HTMLElement, id: string): string[] =>
    [...element.querySelectorAll(`[data-testid="${id}"]`)].map((node) => node.textContent?.trim() ?? '');

  describe('when a declared migration maps the stored config', () => {
    it('should list the differences and link the identity it maps to', async () => {
      const element = await render({
        class_name: 'Train',
        changes: [
          { kind: 'renamed', field: 'lr', to: 'learningRate' },
          { kind: 'missing', field: 'seed' },
          { kind: 'extra', field: 'debug', value: false },
        ],
        mapping: { namespace: 'my.Train', gren_hash: '08628039bffee1c3d125', steps: ["Train: addedField('seed', 0)"] },
        unmapped_reason: null,
      });

      expect(all(element, 'stale-change')).toEqual([
        'lr: renamed to learningRate',
        'seed: missing (the class has it now)',
        'debug: stored, but no longer declared (value false)',
      ]);
      const link = element.querySelector<HTMLAnchorElement>('[data-testid="stale-mapping"] a');
      expect(link?.getAttribute('href')).toBe('/experiments/my.Train/08628039bffee1c3d125');
      expect(all(element, 'stale-mapping')[0]).toContain("Train: addedField('seed', 0)");
    });
  });

  describe('when no declared migration maps it', () => {
    it('should say why', async () => {
      const element = await render({
        class_name: 'Train',
        changes: [{ kind: 'extra', field: 'debug', value: true }],
        mapping: null,
        unmapped_reason: "Train: removedField('debug', false) maps only configs whose debug is false; this one has true",
      });

      expect(all(element, 'stale-unmapped')[0]).toContain('this one has true');
      expect(element.querySelector('[data-testid="stale-mapping"]')).toBeNull();
    });
  });
});
