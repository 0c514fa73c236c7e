import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { summary, stats } from '../../testing/sample-data';
import { StubChangeFeed, stubChangeFeed } from '../../testing/stub-change-feed';
import { HomePage } from './home-page';

describe(HomePage.name, () => {
  let http: HttpTestingController;
  let feed: StubChangeFeed;
  let fixture: ComponentFixture<HomePage>;
  let root: HTMLElement;

  beforeEach(async () => {
    const stub = stubChangeFeed();
    feed = stub.feed;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        stub.provider,
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HomePage);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function text(testId: string): string {
    return root.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? '';
  }

  async function answer(
    list = [summary(), summary({ gren_hash: 'ffff', attempt_status: null })],
  ): Promise<void> {
    http
      .expectOne('/api/health')
      .flush({ status: 'healthy', version: '0.3.0', experiments: 15, invalid_artifacts: 0 });
    http.expectOne('/api/stats').flush(stats({ total: 1234 }));
    http
      .expectOne('/api/experiments?limit=5&offset=0')
      .flush({ experiments: list, total: list.length });
    await fixture.whenStable();
  }

  describe('while loading', () => {
    it('should show placeholders', () => {
      expect(text('stats-total-value')).toBe('...');
      expect(text('api-status')).toBe('Checking...');
      expect(text('api-version')).toBe('v...');
      expect(root.textContent).toContain('Loading...');
      http.match(() => true);
    });
  });

  describe('when the API answers', () => {
    it('should show the health, the version and the four counts', async () => {
      await answer();
      expect(text('api-status')).toBe('Healthy');
      expect(text('api-version')).toBe('v0.3.0');
      expect(text('stats-total-value')).toBe((1234).toLocaleString());
      expect(text('stats-running')).toBe('Running 0');
      expect(text('stats-success')).toBe('Successful 14');
      expect(text('stats-failed')).toBe('Failed 1');
    });

    it('should chart the result statuses and list their counts', async () => {
      await answer();
      const arcs = root.querySelectorAll('circle.donut__arc');
      expect([...arcs].map((arc) => arc.getAttribute('data-status'))).toEqual([
        'failed',
        'success',
      ]);
      expect(text('status-distribution')).toContain('failed');
      expect(text('status-distribution')).toContain('14');
    });

    it('should list the recent experiments with links to their pages', async () => {
      await answer();
      const rows = root.querySelectorAll('[data-testid="recent-table"] tbody tr');
      expect(rows).toHaveLength(2);
      const link = rows[0]!.querySelector('a')!;
      expect(link.textContent).toBe('Leaf');
      expect(link.getAttribute('href')).toBe(
        '/experiments/refstore.pipelines.Leaf/a65a03d18cb6d9070e55',
      );
      expect(rows[1]!.textContent).toContain('—');
    });

    it('should say so when there are no experiments yet', async () => {
      await answer([]);
      expect(root.textContent).toContain('No experiments yet');
    });
  });

  describe('when the change feed ticks', () => {
    it('should refetch the health, stats and recent list', async () => {
      await answer();
      feed.tick.set(1);
      await fixture.whenStable();
      http
        .expectOne('/api/health')
        .flush({ status: 'degraded', version: '0.3.0', experiments: 16, invalid_artifacts: 1 });
      http.expectOne('/api/stats').flush(stats({ total: 16 }));
      http.expectOne('/api/experiments?limit=5&offset=0').flush({ experiments: [], total: 0 });
      await fixture.whenStable();
      expect(text('api-status')).toBe('Degraded');
      expect(text('stats-total-value')).toBe('16');
    });
  });

  describe('when the API cannot be reached', () => {
    it('should show Disconnected and the list error', async () => {
      http.expectOne('/api/health').error(new ProgressEvent('error'));
      http.expectOne('/api/stats').error(new ProgressEvent('error'));
      http.expectOne('/api/experiments?limit=5&offset=0').error(new ProgressEvent('error'));
      await fixture.whenStable();
      expect(text('api-status')).toBe('Disconnected');
      expect(root.textContent).toContain('Error loading experiments. Is the API running?');
    });

    it('should show Disconnected when the change feed loses the API', async () => {
      await answer();
      feed.connected.set(false);
      await fixture.whenStable();
      expect(text('api-status')).toBe('Disconnected');
    });
  });
});
