import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ExperimentLog } from '@contract/api-types';
import { StubChangeFeed, stubChangeFeed } from '../../testing/stub-change-feed';
import { LOG_FOLLOW_INTERVAL_MS, LogViewer } from './log-viewer';

const FOLLOW_MS = 40;

const LOGS = '/api/experiments/p.Leaf/abc/logs';

function log(lines: string[], overrides: Partial<ExperimentLog> = {}): ExperimentLog {
  return {
    namespace: 'p.Leaf',
    gren_hash: 'abc',
    exists: true,
    size_bytes: 100,
    lines,
    truncated: false,
    ...overrides,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe(LogViewer.name, () => {
  let http: HttpTestingController;
  let feed: StubChangeFeed;
  let fixture: ComponentFixture<LogViewer>;

  async function render(running: boolean): Promise<HTMLElement> {
    const stub = stubChangeFeed();
    feed = stub.feed;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        stub.provider,
        { provide: LOG_FOLLOW_INTERVAL_MS, useValue: FOLLOW_MS },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LogViewer);
    fixture.componentRef.setInput('namespace', 'p.Leaf');
    fixture.componentRef.setInput('hash', 'abc');
    fixture.componentRef.setInput('running', running);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => {
    http.verify();
  });

  describe('when the attempt is finished', () => {
    it('should show the last 200 lines once and refetch only on a change', async () => {
      const root = await render(false);
      http.expectOne(`${LOGS}?tail=200`).flush(log(['one', 'two'], { truncated: true }));
      await fixture.whenStable();
      expect(root.querySelector('[data-testid="log-lines"]')!.textContent).toBe('one\ntwo');
      expect(root.textContent).toContain('older lines not shown');
      expect(root.querySelector('[data-testid="log-follow"]')).toBeNull();

      feed.tick.set(1);
      await fixture.whenStable();
      http.expectOne(`${LOGS}?tail=200`).flush(log(['one', 'two', 'three']));
      await fixture.whenStable();
      expect(root.querySelector('[data-testid="log-lines"]')!.textContent).toBe('one\ntwo\nthree');
    });

    it('should ask for more lines when the tail size changes', async () => {
      const root = await render(false);
      http.expectOne(`${LOGS}?tail=200`).flush(log([]));
      const select = root.querySelector<HTMLSelectElement>('#log-tail')!;
      select.value = '1000';
      select.dispatchEvent(new Event('change'));
      await fixture.whenStable();
      http.expectOne(`${LOGS}?tail=1000`).flush(log([]));
    });

    it('should say when there is no log yet', async () => {
      const root = await render(false);
      http.expectOne(`${LOGS}?tail=200`).flush(log([], { exists: false }));
      await fixture.whenStable();
      expect(root.querySelector('[data-testid="log-empty"]')!.textContent).toContain(
        'No log written yet',
      );
    });
  });

  describe('when the attempt is running', () => {
    it('should re-read the log periodically while Follow is on, and stop when it is off', async () => {
      const root = await render(true);
      const reads = (): TestRequest[] => http.match(`${LOGS}?tail=200`);
      await sleep(5); // the first read is a timer of 0 ms
      reads().forEach((r) => r.flush(log(['a'])));
      await sleep(FOLLOW_MS * 3);
      const polls = reads();
      expect(polls).toHaveLength(1); // no new read while one is pending
      polls[0]!.flush(log(['a', 'b']));
      await fixture.whenStable();
      expect(root.querySelector('[data-testid="log-lines"]')!.textContent).toBe('a\nb');
      expect(root.textContent).toContain('following');

      const follow = root.querySelector<HTMLInputElement>('[data-testid="log-follow"]')!;
      follow.checked = false;
      follow.dispatchEvent(new Event('change'));
      await fixture.whenStable();
      await sleep(5);
      // A poll still in flight is cancelled by the switch; the single read replaces it.
      const live = reads().filter((r) => !r.cancelled);
      expect(live).toHaveLength(1);
      live[0]!.flush(log(['a', 'b']));
      await sleep(FOLLOW_MS * 3);
      http.expectNone(`${LOGS}?tail=200`);
      expect(root.textContent).not.toContain('following');
    });
  });
});
