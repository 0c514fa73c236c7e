import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Location } from '@angular/common';
import { provideLocationMocks } from '@angular/common/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ExperimentSummary } from '@contract/api-types';
import type { ExperimentRow, FieldCatalog, FieldInfo } from '@contract/columns-types';
import { summary } from '../../testing/sample-data';
import { stubChangeFeed } from '../../testing/stub-change-feed';
import { useTimeZone } from '../../testing/time-zone';
import { ExperimentsPage } from './experiments-page';

@Component({ template: '' })
class CompareStub {}

describe(ExperimentsPage.name, () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'experiments', component: ExperimentsPage },
          { path: 'compare', component: CompareStub },
        ]),
        provideLocationMocks(),
        stubChangeFeed().provider,
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    answerFields([]);
    http.verify();
  });

  /** The column picker and the filter hints ask for the fields of the listed classes. */
  function answerFields(fields: FieldInfo[]): void {
    for (const request of http.match((r) => r.url === '/api/fields')) {
      if (!request.cancelled) request.flush({ fields, result_sample: 200 } satisfies FieldCatalog);
    }
  }

  function root(): HTMLElement {
    return harness.routeNativeElement!;
  }

  /** The router handles popstate in a macrotask. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  }

  function url(): string {
    return TestBed.inject(Router).url;
  }

  async function answer(
    request: string,
    experiments: ExperimentSummary[],
    total = experiments.length,
  ): Promise<void> {
    http.expectOne(request).flush({ experiments, total });
    await harness.fixture.whenStable();
  }

  describe('when listing stale configs', () => {
    it('should request stale=true from the URL and mark each row stale', async () => {
      await harness.navigateByUrl('/experiments?stale=true');
      await answer('/api/experiments?stale=true&limit=20&offset=0', [summary({ stale: true }), summary({ gren_hash: 'ffffffffffffffffffff' })]);
      expect(root().querySelector<HTMLSelectElement>('#f-stale')!.value).toBe('true');
      expect(root().querySelectorAll('[data-testid="stale-badge"]')).toHaveLength(1);
    });
  });

  describe('when opened from a shared URL', () => {
    useTimeZone('Europe/Berlin');

    it('should request the filters of the URL and show them in the form', async () => {
      await harness.navigateByUrl(
        '/experiments?result_status=failed&namespace=refstore&started_after=2026-11-26T04:21:00.000Z&page=2',
      );
      await answer(
        '/api/experiments?namespace=refstore&result_status=failed&started_after=2026-11-26T04%3A21%3A00.000Z&limit=20&offset=20',
        [summary({ result_status: 'failed' })],
        21,
      );
      expect(root().querySelector<HTMLSelectElement>('#f-result')!.value).toBe('failed');
      expect(root().querySelector<HTMLInputElement>('#f-started-after')!.value).toBe(
        '2026-11-26T05:21',
      );
      expect(root().querySelector('[data-testid="page-indicator"]')!.textContent).toBe(
        'Page 2 of 2',
      );
      expect(root().querySelector('[data-testid="results-count"]')!.textContent!.trim()).toBe(
        'Showing 1 of 21 experiments',
      );
    });
  });

  describe('when a filter changes', () => {
    it('should put it in the URL, back on page 1, and refetch', async () => {
      await harness.navigateByUrl('/experiments?page=3&user=root');
      await answer('/api/experiments?user=root&limit=20&offset=40', []);
      const select = root().querySelector<HTMLSelectElement>('#f-result')!;
      select.value = 'success';
      select.dispatchEvent(new Event('change'));
      await harness.fixture.whenStable();
      expect(url()).toBe('/experiments?user=root&result_status=success');
      await answer('/api/experiments?user=root&result_status=success&limit=20&offset=0', [
        summary(),
      ]);
      expect(root().querySelectorAll('[data-testid="experiment-row"]')).toHaveLength(1);
    });
  });

  describe('when going back and forward in history', () => {
    it('should restore the filters of each entry', async () => {
      // The app's bootstrap does this; the harness does not.
      TestBed.inject(Router).setUpLocationChangeListener();
      await harness.navigateByUrl('/experiments?namespace=refstore');
      await answer('/api/experiments?namespace=refstore&limit=20&offset=0', []);
      const select = root().querySelector<HTMLSelectElement>('#f-result')!;
      select.value = 'failed';
      select.dispatchEvent(new Event('change'));
      await harness.fixture.whenStable();
      await answer(
        '/api/experiments?namespace=refstore&result_status=failed&limit=20&offset=0',
        [],
      );

      TestBed.inject(Location).back();
      await settle();
      await answer('/api/experiments?namespace=refstore&limit=20&offset=0', []);
      expect(url()).toBe('/experiments?namespace=refstore');
      expect(root().querySelector<HTMLSelectElement>('#f-result')!.value).toBe('');
      expect(root().querySelector<HTMLInputElement>('#f-namespace')!.value).toBe('refstore');

      TestBed.inject(Location).forward();
      await settle();
      await answer(
        '/api/experiments?namespace=refstore&result_status=failed&limit=20&offset=0',
        [],
      );
      expect(root().querySelector<HTMLSelectElement>('#f-result')!.value).toBe('failed');
    });
  });

  describe('when paging', () => {
    it('should move through pages of 20 with Previous and Next', async () => {
      await harness.navigateByUrl('/experiments');
      await answer(
        '/api/experiments?limit=20&offset=0',
        Array.from({ length: 20 }, (_, i) => summary({ gren_hash: `h${i}` })),
        45,
      );
      expect(
        root().querySelector<HTMLButtonElement>('[data-testid="page-previous"]')!.disabled,
      ).toBe(true);
      root().querySelector<HTMLButtonElement>('[data-testid="page-next"]')!.click();
      await harness.fixture.whenStable();
      expect(url()).toBe('/experiments?page=2');
      await answer('/api/experiments?limit=20&offset=20', [summary()], 45);
      expect(root().querySelector('[data-testid="page-indicator"]')!.textContent).toBe(
        'Page 2 of 3',
      );
    });
  });

  describe('when nothing matches', () => {
    it('should show the empty state', async () => {
      await harness.navigateByUrl('/experiments?namespace=nothing');
      await answer('/api/experiments?namespace=nothing&limit=20&offset=0', []);
      const empty = root().querySelector('[data-testid="empty-state"]')!.textContent!;
      expect(empty).toContain('No experiments found');
      expect(empty).toContain('Try adjusting your filters');
    });
  });

  describe('when the API fails', () => {
    it('should say so', async () => {
      await harness.navigateByUrl('/experiments');
      http
        .expectOne('/api/experiments?limit=20&offset=0')
        .flush({ detail: 'boom' }, { status: 500, statusText: 'Error' });
      await harness.fixture.whenStable();
      expect(root().textContent).toContain('Error loading experiments. Is the API running?');
    });

    it('should show why a filter was refused instead of blaming the connection (422)', async () => {
      await harness.navigateByUrl('/experiments?config_filter=model.lr');
      http
        .expectOne('/api/experiments?config_filter=model.lr&limit=20&offset=0')
        .flush(
          { detail: 'Invalid config_filter: "model.lr" has no operator' },
          { status: 422, statusText: 'Unprocessable Entity' },
        );
      await harness.fixture.whenStable();
      expect(root().querySelector('[data-testid="filter-error"]')!.textContent).toContain(
        'Invalid config_filter: "model.lr" has no operator',
      );
      expect(root().textContent).not.toContain('Is the API running?');
    });
  });

  describe('when experiments are picked for comparison', () => {
    it('should enable Compare for two of one class and open the compare view with their ids', async () => {
      await harness.navigateByUrl('/experiments');
      await answer('/api/experiments?limit=20&offset=0', [
        summary({ gren_hash: 'aaa' }),
        summary({ gren_hash: 'bbb' }),
        summary({ namespace: 'refstore.pipelines.Top', class_name: 'Top', gren_hash: 'ccc' }),
      ]);
      const compare = root().querySelector<HTMLButtonElement>('[data-testid="compare-button"]')!;
      const boxes = root().querySelectorAll<HTMLInputElement>(
        '[data-testid="experiment-row"] input[type="checkbox"]',
      );
      expect(compare.disabled).toBe(true);

      boxes[0]!.click();
      boxes[2]!.click();
      await harness.fixture.whenStable();
      expect(compare.disabled).toBe(true);
      expect(root().textContent).toContain('Only experiments of one class can be compared.');

      boxes[2]!.click();
      boxes[1]!.click();
      await harness.fixture.whenStable();
      expect(compare.disabled).toBe(false);
      compare.click();
      await harness.fixture.whenStable();
      expect(url()).toBe(
        '/compare?ids=refstore.pipelines.Leaf%2Faaa,refstore.pipelines.Leaf%2Fbbb',
      );
    });
  });

  describe('when columns are chosen', () => {
    const lr: FieldInfo = {
      column: 'config.lr',
      source: 'config',
      kind: 'number',
      count: 6,
      distinct: 3,
      distinct_capped: false,
      values: ['0.001', '0.01', '0.1'],
      classes: ['my.Train'],
    };
    const loss: FieldInfo = { ...lr, column: 'result.loss', source: 'result', values: ['0.5'] };
    const row = (hash: string, columns: ExperimentRow['columns']): ExperimentRow => ({
      ...summary({ gren_hash: hash }),
      columns,
    });

    it('should offer the fields, keep the choice in the URL and show the values', async () => {
      await harness.navigateByUrl('/experiments');
      await answer('/api/experiments?limit=20&offset=0', [summary()]);
      answerFields([lr, loss]);
      await harness.fixture.whenStable();
      root().querySelector<HTMLInputElement>('[data-testid="column-option-result.loss"]')!.click();
      await harness.fixture.whenStable();
      expect(url()).toBe('/experiments?columns=result.loss');
      http
        .expectOne('/api/experiments?columns=result.loss&limit=20&offset=0')
        .flush({ experiments: [row('a1', { 'result.loss': 0.123456789 })], total: 1 });
      await harness.fixture.whenStable();
      const cell = root().querySelector('td[data-column="result.loss"]')!;
      expect(cell.textContent!.trim()).toBe('0.123457');
      expect(root().querySelector('[data-testid="sort-result.loss"]')!.textContent!.trim()).toBe('→ loss');
    });

    it('should sort by a header: ascending, descending, then back to the API order', async () => {
      await harness.navigateByUrl('/experiments?columns=config.lr&page=2');
      await answer('/api/experiments?columns=config.lr&limit=20&offset=20', [summary()], 30);
      const header = () => root().querySelector<HTMLButtonElement>('[data-testid="sort-config.lr"]')!;
      header().click();
      await harness.fixture.whenStable();
      expect(url()).toBe('/experiments?columns=config.lr&sort=config.lr');
      await answer('/api/experiments?columns=config.lr&sort=config.lr&limit=20&offset=0', [summary()]);
      expect(header().closest('th')!.getAttribute('aria-sort')).toBe('ascending');
      header().click();
      await harness.fixture.whenStable();
      expect(url()).toBe('/experiments?columns=config.lr&sort=-config.lr');
      await answer('/api/experiments?columns=config.lr&sort=-config.lr&limit=20&offset=0', [summary()]);
      expect(header().closest('th')!.getAttribute('aria-sort')).toBe('descending');
      header().click();
      await harness.fixture.whenStable();
      expect(url()).toBe('/experiments?columns=config.lr');
      await answer('/api/experiments?columns=config.lr&limit=20&offset=0', [summary()]);
    });

    it('should export the filtered list with its columns and sort', async () => {
      await harness.navigateByUrl('/experiments?result_status=success&columns=config.lr,result.loss&sort=-result.loss');
      await answer(
        '/api/experiments?result_status=success&columns=config.lr%2Cresult.loss&sort=-result.loss&limit=20&offset=0',
        [summary()],
      );
      expect(root().querySelector('[data-testid="export-csv"]')!.getAttribute('href')).toBe(
        '/api/export?result_status=success&format=csv&columns=config.lr%2Cresult.loss&sort=-result.loss',
      );
      expect(root().querySelector('[data-testid="export-json"]')!.getAttribute('href')).toBe(
        '/api/export?result_status=success&format=json&columns=config.lr%2Cresult.loss&sort=-result.loss',
      );
      expect(root().querySelector('[data-testid="plots-link"]')!.getAttribute('href')).toBe(
        '/plots?result_status=success&columns=config.lr,result.loss',
      );
    });

    it('should suggest config paths and values while typing a filter', async () => {
      await harness.navigateByUrl('/experiments');
      await answer('/api/experiments?limit=20&offset=0', [summary()]);
      answerFields([lr, loss]);
      await harness.fixture.whenStable();
      const input = root().querySelector<HTMLInputElement>('[data-testid="filter-config"]')!;
      expect(input.getAttribute('list')).toBe('config-hints');
      input.value = 'lr>=0.0';
      input.dispatchEvent(new Event('input'));
      await harness.fixture.whenStable();
      const hints = [...root().querySelectorAll('#config-hints option')].map((option) => option.getAttribute('value'));
      expect(hints).toEqual(['lr>=0.001', 'lr>=0.01']);
      await new Promise((resolve) => setTimeout(resolve, 350));
      await harness.fixture.whenStable();
      await answer('/api/experiments?config_filter=lr%3E%3D0.0&limit=20&offset=0', []);
    });
  });
});
