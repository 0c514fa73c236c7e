import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DeferBlockBehavior, TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ExperimentRelationships } from '@contract/api-types';
import { attempt, detail } from '../../testing/sample-data';
import { stubChangeFeed } from '../../testing/stub-change-feed';
import { ExperimentDetailPage } from './experiment-detail-page';

const TOP = '/api/experiments/refstore.pipelines.Top/3c619c85f3318dea28d6';
const NO_LOG = {
  namespace: '',
  gren_hash: '',
  exists: false,
  size_bytes: 0,
  lines: [],
  truncated: false,
};

describe(ExperimentDetailPage.name, () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      // The deferred cards (used by, files) have specs of their own.
      deferBlockBehavior: DeferBlockBehavior.Manual,
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(
          [{ path: 'experiments/:namespace/:hash', component: ExperimentDetailPage }],
          withComponentInputBinding(),
        ),
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

  function byTestId(id: string): HTMLElement | null {
    return root().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  }

  const topDetail = detail({
    namespace: 'refstore.pipelines.Top',
    gren_hash: '3c619c85f3318dea28d6',
    class_name: 'Top',
    metadata: {
      gren_obj: {
        __class__: 'refstore.pipelines.Top',
        middle: { __class__: 'refstore.pipelines.Middle', scale: 0.0003 },
        label: 'top ✓',
      },
    },
  });
  const topRelations: ExperimentRelationships = {
    parents: [
      {
        field_name: 'middle',
        class_name: 'Middle',
        full_class_name: 'refstore.pipelines.Middle',
        namespace: 'refstore.pipelines.Middle',
        gren_hash: '1e1b3009df52e5a80d97',
        result_status: 'success',
        config: { scale: 0.0003 },
      },
    ],
    children: [
      {
        field_name: 'top',
        class_name: 'Report',
        full_class_name: 'refstore.pipelines.Report',
        namespace: 'refstore.pipelines.Report',
        gren_hash: 'ffffeeeeddddccccbbbb',
        result_status: 'success',
      },
    ],
  };

  async function open(
    url = TOP,
    answers: { detail: object; relations?: object } = {
      detail: topDetail,
      relations: topRelations,
    },
  ): Promise<void> {
    await harness.navigateByUrl(url.replace('/api', ''));
    http.expectOne(url).flush(answers.detail);
    http
      .expectOne(`${url}/relationships`)
      .flush(answers.relations ?? { parents: [], children: [] });
    await harness.fixture.whenStable();
    for (const request of http.match((req) => req.url === `${url}/logs`)) {
      request.flush(NO_LOG);
    }
    await harness.fixture.whenStable();
  }

  describe('when the experiment exists', () => {
    it('should show the breadcrumb, header and directory', async () => {
      await open();
      expect(root().querySelector('.breadcrumb')!.textContent).toMatch(/Experiments\s*\/\s*Top/);
      expect(byTestId('breadcrumb-experiments')!.getAttribute('href')).toBe('/experiments');
      expect(byTestId('experiment-hash')!.textContent).toBe('3c619c85f3318dea28d6');
      expect(byTestId('result-status')!.textContent!.trim()).toBe('success');
      expect(byTestId('experiment-directory')!.textContent).toContain('/Leaf/a65a03d18cb6d9070e55');
    });

    it('should show no stale badge or card for a config that fits its class', async () => {
      await open();
      expect(byTestId('stale-badge')).toBeNull();
      expect(byTestId('stale-card')).toBeNull();
    });

    it('should badge a stale config and show its differences', async () => {
      const stale = {
        ...topDetail,
        stale_info: {
          class_name: 'Top',
          changes: [{ kind: 'missing' as const, field: 'middle.leaf.weight' }],
          mapping: {
            namespace: 'refstore.pipelines.Top',
            gren_hash: '613c773db9003eaa4263',
            steps: ["Leaf: addedField('weight', 1)"],
          },
          unmapped_reason: null,
        },
      };
      await open(TOP, { detail: stale, relations: topRelations });
      expect(byTestId('stale-badge')!.textContent).toBe('stale');
      expect(byTestId('stale-change')!.textContent).toContain('middle.leaf.weight: missing');
      expect(byTestId('stale-mapping')!.textContent).toContain('613c773db9003eaa4263');
    });

    it('should show no Reused Result card for a result nobody reuses and that is its own', async () => {
      await open();
      expect(byTestId('reuse-card')).toBeNull();
    });

    it('should list the experiments that reuse its result', async () => {
      const reusing = {
        ...topDetail,
        reused_by: [
          {
            namespace: 'refstore.pipelines.Top',
            gren_hash: '613c773db9003eaa4263',
            result_status: 'success',
          },
        ],
      };
      await open(TOP, { detail: reusing, relations: topRelations });
      expect(byTestId('reused-by')!.textContent).toContain(
        'refstore.pipelines.Top/613c773db9003eaa4263',
      );
    });

    it('should link a dependency of the configuration to its experiment', async () => {
      await open();
      const link = byTestId('dependency-link')!;
      expect(link.textContent).toBe('refstore.pipelines.Middle');
      expect(link.getAttribute('href')).toBe(
        '/experiments/refstore.pipelines.Middle/1e1b3009df52e5a80d97',
      );
      expect(byTestId('config-card')!.textContent).toContain('"top ✓"');
    });

    it('should list parents and children with links', async () => {
      await open();
      expect(byTestId('parent-link')!.getAttribute('href')).toBe(
        '/experiments/refstore.pipelines.Middle/1e1b3009df52e5a80d97',
      );
      expect(byTestId('parent-link')!.textContent).toBe('View experiment (1e1b3009...)');
      const child = byTestId('child-item')!;
      expect(child.textContent).toContain('via top');
      expect(byTestId('child-link')!.getAttribute('href')).toBe(
        '/experiments/refstore.pipelines.Report/ffffeeeeddddccccbbbb',
      );
    });

    it('should show the metadata and the raw state on demand', async () => {
      await open();
      expect(byTestId('metadata-card')).toBeNull();
      const raw = byTestId('raw-state') as HTMLDetailsElement;
      expect(raw.open).toBe(false);
      expect(raw.querySelector('pre')!.textContent).toContain('"schema_version": 1');
    });
  });

  describe('when the attempt failed', () => {
    it('should show the error type, message and traceback', async () => {
      const failed = detail({
        result_status: 'failed',
        attempt: attempt({
          status: 'failed',
          error: {
            type: 'RuntimeError',
            message: 'intentional failure for reference store',
            traceback:
              'Traceback (most recent call last):\n  File "pipelines.py", line 124\nRuntimeError',
          },
        }),
      });
      await open('/api/experiments/refstore.pipelines.Leaf/a65a03d18cb6d9070e55', {
        detail: failed,
      });
      expect(byTestId('error-type')!.textContent).toBe('RuntimeError');
      expect(byTestId('error-message')!.textContent).toBe(
        'intentional failure for reference store',
      );
      expect(byTestId('error-traceback')!.textContent).toContain('line 124');
      expect(byTestId('metadata-card')!.textContent).toContain('Python Definition');
    });

    it('should keep the line breaks of a message and of its traceback', async () => {
      const message =
        'Computation failed: cannot parse "row 1"\n  in demo.Leaf eba5d496050988c217aa\n  needed by demo.Top e6996e8161ce1d0515cc';
      const traceback =
        'RangeError: cannot parse "row 1"\n    at parseRow (/home/me/nested.ts:13:9)';
      const failed = detail({
        result_status: 'failed',
        attempt: attempt({
          status: 'failed',
          error: { type: 'GrenComputeError', message, traceback },
        }),
      });
      await open('/api/experiments/refstore.pipelines.Leaf/a65a03d18cb6d9070e55', {
        detail: failed,
      });

      const shown: [string, string][] = [
        ['error-message', message],
        ['error-traceback', traceback],
      ];
      for (const [testId, text] of shown) {
        const element = byTestId(testId)!;
        expect(element.textContent).toBe(text);
        expect(getComputedStyle(element).whiteSpace).toBe('pre-wrap');
      }
    });
  });

  describe('when the experiment does not exist', () => {
    it('should show "Experiment Not Found" with a way back', async () => {
      const url = '/api/experiments/refstore.pipelines.Leaf/nope';
      await harness.navigateByUrl('/experiments/refstore.pipelines.Leaf/nope');
      http
        .expectOne(url)
        .flush({ detail: 'Experiment not found' }, { status: 404, statusText: 'Not Found' });
      http
        .expectOne(`${url}/relationships`)
        .flush({ detail: 'Experiment not found' }, { status: 404, statusText: 'Not Found' });
      await harness.fixture.whenStable();
      const card = byTestId('experiment-not-found')!;
      expect(card.querySelector('h2')!.textContent).toBe('Experiment Not Found');
      expect(card.querySelector('a')!.getAttribute('href')).toBe('/experiments');
      http.expectNone(`${url}/logs?tail=200`);
    });
  });
});
