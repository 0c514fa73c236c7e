import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { detail, summary } from '../../testing/sample-data';
import { stubChangeFeed } from '../../testing/stub-change-feed';
import { ComparePage } from './compare-page';

const LEAF = 'refstore.pipelines.Leaf';

function leaf(hash: string, config: Record<string, unknown>) {
  return detail({ gren_hash: hash, metadata: { gren_obj: { __class__: LEAF, ...config } } });
}

describe(ComparePage.name, () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'compare', component: ComparePage }]),
        stubChangeFeed().provider,
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  function root(): HTMLElement {
    return harness.routeNativeElement!;
  }

  function rows(): string[][] {
    return [...root().querySelectorAll('[data-testid="compare-row"]')].map((row) =>
      [...row.children].map((cell) => cell.textContent!.trim()),
    );
  }

  async function openAaaBbb(): Promise<void> {
    await harness.navigateByUrl(`/compare?ids=${LEAF}/aaa,${LEAF}/bbb`);
    http.expectOne(`/api/experiments/${LEAF}/aaa`).flush(leaf('aaa', { value: 1, name: 'x' }));
    http.expectOne(`/api/experiments/${LEAF}/bbb`).flush(leaf('bbb', { value: 2, name: 'x' }));
    http.expectOne(`/api/experiments?namespace=${LEAF}&limit=200&offset=0`).flush({
      experiments: [
        summary({ gren_hash: 'aaa' }),
        summary({ gren_hash: 'bbb' }),
        summary({ gren_hash: 'ccc' }),
        summary({ namespace: `${LEAF}Extra`, gren_hash: 'ddd' }),
      ],
      total: 4,
    });
    await harness.fixture.whenStable();
  }

  it('should show the configurations side by side, flagging differences', async () => {
    await openAaaBbb();
    expect(root().querySelectorAll('[data-testid="compare-column"]')).toHaveLength(2);
    expect(rows()).toEqual([
      ['__class__', `"${LEAF}"`, `"${LEAF}"`],
      ['value', '1', '2'],
      ['name', '"x"', '"x"'],
    ]);
    expect(root().querySelector('[data-differs="true"] th')!.textContent!.trim()).toBe('value');
  });

  it('should keep only the differing rows when "Only differences" is on', async () => {
    await openAaaBbb();
    const toggle = root().querySelector<HTMLInputElement>('[data-testid="only-differences"]')!;
    toggle.click();
    await harness.fixture.whenStable();
    expect(rows()).toEqual([['value', '1', '2']]);
  });

  it('should offer the other experiments of exactly this class and add one to the URL', async () => {
    await openAaaBbb();
    const add = root().querySelectorAll<HTMLButtonElement>('[data-testid="compare-add"]');
    expect([...add].map((b) => b.textContent!.trim())).toEqual(['+ ccc']);
    add[0]!.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe(
      `/compare?ids=${LEAF}%2Faaa,${LEAF}%2Fbbb,${LEAF}%2Fccc`,
    );
    http.expectOne(`/api/experiments/${LEAF}/aaa`).flush(leaf('aaa', {}));
    http.expectOne(`/api/experiments/${LEAF}/bbb`).flush(leaf('bbb', {}));
    http.expectOne(`/api/experiments/${LEAF}/ccc`).flush(leaf('ccc', {}));
  });

  it('should mark an experiment that no longer exists instead of failing the view', async () => {
    await harness.navigateByUrl(`/compare?ids=${LEAF}/aaa,${LEAF}/gone`);
    http.expectOne(`/api/experiments/${LEAF}/aaa`).flush(leaf('aaa', { value: 1 }));
    http
      .expectOne(`/api/experiments/${LEAF}/gone`)
      .flush({ detail: 'Experiment not found' }, { status: 404, statusText: 'Not Found' });
    http
      .expectOne(`/api/experiments?namespace=${LEAF}&limit=200&offset=0`)
      .flush({ experiments: [], total: 0 });
    await harness.fixture.whenStable();
    expect(root().textContent).toContain('not found');
    expect(rows()).toContainEqual(['value', '1', '(missing)']);
  });

  it('should warn when the experiments belong to different classes', async () => {
    await harness.navigateByUrl(`/compare?ids=${LEAF}/aaa,refstore.pipelines.Top/bbb`);
    http.match(() => true).forEach((request) => request.flush(leaf('x', {})));
    await harness.fixture.whenStable();
    http.match(() => true).forEach((request) => request.flush({ experiments: [], total: 0 }));
    expect(root().querySelector('[data-testid="compare-mixed"]')).not.toBeNull();
  });

  it('should explain how to start when no experiment is given', async () => {
    await harness.navigateByUrl('/compare');
    expect(root().querySelector('[data-testid="compare-empty"]')!.textContent).toContain(
      'Pick two or more experiments of one class',
    );
  });
});
