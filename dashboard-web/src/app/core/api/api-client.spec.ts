import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ExperimentList } from '@contract/api-types';
import { firstValueFrom } from 'rxjs';
import { ApiClient, experimentUrl } from './api-client';
import { useTimeZone } from '../../../testing/time-zone';
import { emptyFilters } from './experiment-filters';

describe(ApiClient.name, () => {
  let api: ApiClient;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(ApiClient);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  describe('when listing experiments', () => {
    it('should send only the filters that are set, with paging', async () => {
      const list: ExperimentList = { experiments: [], total: 0 };
      const answer = firstValueFrom(
        api.experiments({
          filters: {
            ...emptyFilters(),
            namespace: ' refstore.pipelines ',
            result_status: 'failed',
          },
          limit: 20,
          offset: 40,
        }),
      );
      const request = http.expectOne((req) => req.url === '/api/experiments');
      expect(request.request.method).toBe('GET');
      expect(request.request.urlWithParams).toBe(
        '/api/experiments?namespace=refstore.pipelines&result_status=failed&limit=20&offset=40',
      );
      request.flush(list);
      await expect(answer).resolves.toEqual(list);
    });

    describe('when the browser is in Paris', () => {
      useTimeZone('Europe/Paris');

      it('should send the local date filters as UTC instants', () => {
        api
          .experiments({
            filters: {
              ...emptyFilters(),
              started_after: '2026-01-15T09:00',
              updated_before: '2026-07-15T09:00',
            },
            limit: 20,
            offset: 0,
          })
          .subscribe();
        const request = http.expectOne((req) => req.url === '/api/experiments');
        expect(request.request.params.get('started_after')).toBe('2026-01-15T08:00:00.000Z');
        expect(request.request.params.get('updated_before')).toBe('2026-07-15T07:00:00.000Z');
        request.flush({ experiments: [], total: 0 });
      });
    });

    it('should encode a config filter so that = and spaces survive', () => {
      api
        .experiments({
          filters: { ...emptyFilters(), config_filter: 'label=top ✓' },
          limit: 5,
          offset: 0,
        })
        .subscribe();
      const request = http.expectOne((req) => req.url === '/api/experiments');
      expect(request.request.params.get('config_filter')).toBe('label=top ✓');
      expect(request.request.urlWithParams).toContain('config_filter=label%3Dtop%20%E2%9C%93');
      request.flush({ experiments: [], total: 0 });
    });

    it('should keep a + in a filter value instead of letting it become a space', () => {
      api
        .experiments({
          filters: { ...emptyFilters(), config_filter: 'extra.lr=1e+05' },
          limit: 5,
          offset: 0,
        })
        .subscribe();
      const request = http.expectOne((req) => req.url === '/api/experiments');
      expect(request.request.urlWithParams).toContain('config_filter=extra.lr%3D1e%2B05');
      request.flush({ experiments: [], total: 0 });
    });

    it('should drop a date filter that is not a valid value instead of sending it', () => {
      api
        .experiments({
          filters: { ...emptyFilters(), started_before: 'soon' },
          limit: 20,
          offset: 0,
        })
        .subscribe();
      const request = http.expectOne((req) => req.url === '/api/experiments');
      expect(request.request.params.has('started_before')).toBe(false);
      request.flush({ experiments: [], total: 0 });
    });
  });

  describe('when addressing one experiment', () => {
    it('should build the detail, relationships and log URLs', () => {
      api.experiment('refstore.pipelines.Top', '3c619c85f3318dea28d6').subscribe();
      api.relationships('refstore.pipelines.Top', '3c619c85f3318dea28d6').subscribe();
      api.log('refstore.pipelines.Top', '3c619c85f3318dea28d6', 500).subscribe();
      http.expectOne('/api/experiments/refstore.pipelines.Top/3c619c85f3318dea28d6').flush({});
      http
        .expectOne('/api/experiments/refstore.pipelines.Top/3c619c85f3318dea28d6/relationships')
        .flush({ parents: [], children: [] });
      http
        .expectOne('/api/experiments/refstore.pipelines.Top/3c619c85f3318dea28d6/logs?tail=500')
        .flush({});
    });

    it('should escape unsafe characters but keep / as a separator', () => {
      expect(experimentUrl('a/b c', 'h#1')).toBe('/api/experiments/a/b%20c/h%231');
    });
  });

  it('should read the other routes from /api', () => {
    api.health().subscribe();
    api.stats().subscribe();
    api.dag().subscribe();
    api.changes().subscribe();
    for (const url of ['/api/health', '/api/stats', '/api/dag', '/api/changes']) {
      http.expectOne(url).flush({});
    }
  });
});
