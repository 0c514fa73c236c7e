import { useTimeZone } from '../../testing/time-zone';
import { emptyFilters } from '../core/api/experiment-filters';
import { listStateFromParams, listStateToParams } from './filters-url';

describe('filters-url', () => {
  it('should read every filter and the page from the query params', () => {
    const state = listStateFromParams({
      namespace: 'refstore.pipelines',
      result_status: 'failed',
      attempt_status: 'running',
      backend: 'local',
      hostname: 'vm',
      user: 'root',
      config_filter: 'value=3',
      page: '3',
    });
    expect(state.page).toBe(3);
    expect(state.filters).toEqual({
      ...emptyFilters(),
      namespace: 'refstore.pipelines',
      result_status: 'failed',
      attempt_status: 'running',
      backend: 'local',
      hostname: 'vm',
      user: 'root',
      config_filter: 'value=3',
    });
  });

  describe('when the browser is in Tokyo', () => {
    useTimeZone('Asia/Tokyo');

    it('should keep dates as UTC instants in the URL and local values in the form', () => {
      const params = listStateToParams({
        filters: {
          ...emptyFilters(),
          started_after: '2026-11-26T13:21',
          updated_before: '2026-11-27T09:00',
        },
        page: 1,
      });
      expect(params).toEqual({
        started_after: '2026-11-26T04:21:00.000Z',
        updated_before: '2026-11-27T00:00:00.000Z',
      });
      expect(listStateFromParams(params).filters.started_after).toBe('2026-11-26T13:21');
    });
  });

  describe('when the browser is in Los Angeles', () => {
    useTimeZone('America/Los_Angeles');

    it('should round-trip any state through the URL', () => {
      const state = {
        filters: {
          ...emptyFilters(),
          namespace: 'a.b',
          config_filter: 'extra.lr=1e-05',
          started_before: '2026-03-08T01:30',
          updated_after: '2026-06-01T00:00',
        },
        page: 4,
      };
      expect(listStateFromParams(listStateToParams(state))).toEqual(state);
    });
  });

  it('should leave empty filters and page 1 out of the URL', () => {
    expect(listStateToParams({ filters: emptyFilters(), page: 1 })).toEqual({});
  });

  it('should fall back to defaults for unreadable values', () => {
    const state = listStateFromParams({
      page: 'x',
      started_after: 'tomorrow',
      namespace: ['a', 'b'],
    });
    expect(state).toEqual({ filters: emptyFilters(), page: 1 });
    expect(listStateFromParams({ page: '-2' }).page).toBe(1);
    expect(listStateFromParams({ page: '2.5' }).page).toBe(1);
  });
});
