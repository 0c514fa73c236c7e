import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ChangeFeed, POLL_INTERVAL_MS } from './change-feed';
import { CHANGE_STREAM_FACTORY } from './event-source-factory';
import { FakeChangeStream } from '../../../testing/fake-change-stream';

describe(ChangeFeed.name, () => {
  let http: HttpTestingController;

  function setUp(stream: FakeChangeStream | null): ChangeFeed {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: CHANGE_STREAM_FACTORY,
          useValue: (url: string) => {
            stream?.urls.push(url);
            return stream;
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    return TestBed.inject(ChangeFeed);
  }

  afterEach(() => {
    vi.useRealTimers();
  });

  describe('when the event stream works', () => {
    it('should subscribe to /api/changes/stream and not poll', () => {
      const stream = new FakeChangeStream();
      const feed = setUp(stream);
      expect(stream.urls).toEqual(['/api/changes/stream']);
      expect(feed.mode()).toBe('stream');
      http.expectNone('/api/changes');
    });

    it('should tick only when the version moves, not on the first version', () => {
      const stream = new FakeChangeStream();
      const feed = setUp(stream);
      stream.emitChange('{"version":7}');
      expect(feed.version()).toBe(7);
      expect(feed.tick()).toBe(0);
      stream.emitChange('{"version":7}');
      expect(feed.tick()).toBe(0);
      stream.emitChange('{"version":9}');
      expect(feed.tick()).toBe(1);
    });

    it('should ignore malformed events', () => {
      const stream = new FakeChangeStream();
      const feed = setUp(stream);
      stream.emitChange('{"version":1}');
      stream.emitChange('not json');
      stream.emitChange('{"v":2}');
      expect(feed.version()).toBe(1);
      expect(feed.tick()).toBe(0);
    });
  });

  describe('when the event stream fails', () => {
    it('should close it and poll /api/changes every 5 s', () => {
      vi.useFakeTimers();
      const stream = new FakeChangeStream();
      const feed = setUp(stream);
      stream.emitChange('{"version":3}');
      stream.emitError();
      expect(stream.closed).toBe(true);
      expect(feed.mode()).toBe('polling');

      vi.advanceTimersByTime(0);
      http.expectOne('/api/changes').flush({ version: 3 });
      expect(feed.tick()).toBe(0);

      vi.advanceTimersByTime(POLL_INTERVAL_MS);
      http.expectOne('/api/changes').flush({ version: 4 });
      expect(feed.tick()).toBe(1);

      vi.advanceTimersByTime(POLL_INTERVAL_MS - 1);
      http.expectNone('/api/changes');
    });

    it('should keep polling after a failed poll and tick once the API is back', () => {
      vi.useFakeTimers();
      const feed = setUp(null);
      vi.advanceTimersByTime(0);
      http.expectOne('/api/changes').flush({ version: 1 });
      expect(feed.connected()).toBe(true);
      vi.advanceTimersByTime(POLL_INTERVAL_MS);
      http.expectOne('/api/changes').flush('down', { status: 502, statusText: 'Bad Gateway' });
      expect(feed.connected()).toBe(false);
      vi.advanceTimersByTime(POLL_INTERVAL_MS);
      http.expectOne('/api/changes').flush({ version: 1 });
      expect(feed.connected()).toBe(true);
      expect(feed.tick()).toBe(1);
    });
  });

  describe('when the browser has no EventSource', () => {
    it('should poll from the start', () => {
      vi.useFakeTimers();
      const feed = setUp(null);
      expect(feed.mode()).toBe('polling');
      vi.advanceTimersByTime(0);
      http.expectOne('/api/changes').flush({ version: 2 });
      expect(feed.version()).toBe(2);
    });
  });
});
