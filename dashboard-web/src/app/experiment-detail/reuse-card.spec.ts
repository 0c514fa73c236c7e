import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ReusedBy, ReusedFrom } from '@contract/api-types';
import { ReuseCard } from './reuse-card';

describe(ReuseCard.name, () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideRouter([])] }));

  async function render(inputs: {
    reusedFrom?: ReusedFrom;
    linkError?: string;
    reusedBy?: ReusedBy[];
  }): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(ReuseCard);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const text = (element: HTMLElement, id: string): string =>
    element.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  const reusedFrom: ReusedFrom = {
    namespace: 'my.Train',
    gren_hash: '16fa73987c0ed13666b2',
    directory: '/store/data/my/Train/16fa73987c0ed13666b2',
    result_status: 'success',
    steps: ["Train: addedField('seed', 0)"],
    linked_at: '2026-12-07T20:00:00+00:00',
    result_directory: '/store/data/my/Train/16fa73987c0ed13666b2',
    result_present: true,
  };

  describe('when the result is reused from an earlier identity', () => {
    it('should link that experiment and say where the data is read from', async () => {
      const element = await render({ reusedFrom });

      const parts = [...element.querySelector('[data-testid="reused-from"]')!.children].map(
        (part) => part.textContent?.replace(/\s+/g, ' ').trim(),
      );
      expect(parts).toEqual([
        'Reused from',
        'my.Train/16fa73987c0ed13666b2',
        'success',
        "by Train: addedField('seed', 0)",
      ]);
      expect(element.querySelector('[data-testid="reused-from"] a')?.getAttribute('href')).toBe(
        '/experiments/my.Train/16fa73987c0ed13666b2',
      );
      expect(text(element, 'reused-result-directory')).toContain(
        '/store/data/my/Train/16fa73987c0ed13666b2',
      );
      expect(element.querySelector('[data-testid="reused-by"]')).toBeNull();
    });

    it('should warn when the data is gone', async () => {
      const element = await render({
        reusedFrom: { ...reusedFrom, result_status: null, result_present: false },
      });
      expect(text(element, 'reused-result-gone')).toContain('the next loadOrCreate computes again');
    });
  });

  describe('when other experiments reuse this result', () => {
    it('should link each of them', async () => {
      const element = await render({
        reusedBy: [
          { namespace: 'my.Train', gren_hash: '08628039bffee1c3d125', result_status: 'success' },
        ],
      });
      expect(element.querySelector('[data-testid="reused-by"] a')?.getAttribute('href')).toBe(
        '/experiments/my.Train/08628039bffee1c3d125',
      );
      expect(element.querySelector('[data-testid="reused-from"]')).toBeNull();
    });
  });

  describe('when the link file cannot be read', () => {
    it('should say why', async () => {
      const element = await render({ linkError: '/x/.gren/result-link.json is not JSON' });
      expect(text(element, 'result-link-error')).toContain('is not JSON');
    });
  });
});
