import type { TimelineAttempt } from '@contract/insight-types';
import { statusTone, StatusTone } from '../shared/status-tone';

/** One attempt as a bar: where it starts and how wide it is, in % of the time axis. */
export interface TimelineBar {
  readonly attempt: TimelineAttempt;
  readonly leftPercent: number;
  readonly widthPercent: number;
  readonly tone: StatusTone;
  /** Still going: its end is "now". */
  readonly live: boolean;
  readonly durationMs: number;
}

/** The attempts of one experiment on one host, in order of start. */
export interface TimelineRow {
  /** `namespace/hash`. */
  readonly key: string;
  readonly bars: readonly TimelineBar[];
}

/** The experiments that ran on one host (or on no known host), in order of their first start there. */
export interface TimelineLane {
  readonly host: string;
  readonly rows: readonly TimelineRow[];
}

export interface TimelineTick {
  readonly percent: number;
  readonly label: string;
}

export interface TimelineLayout {
  readonly lanes: readonly TimelineLane[];
  readonly ticks: readonly TimelineTick[];
  readonly startMs: number;
  readonly endMs: number;
}

/** A bar is at least this wide, so a one-second attempt stays visible and clickable. */
const MIN_WIDTH_PERCENT = 0.4;
const STEPS_MS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
]
  .map((seconds) => seconds * 1000)
  .concat([2, 7, 14, 30, 90, 365].map((days) => days * 86_400_000));

/**
 * The bars of the timeline: one per attempt, grouped by host (hosts by name, unknown last),
 * then by experiment (a retried experiment has several bars on its row), in order of start.
 * Queued and running attempts end at `nowMs` (they grow while the page is open); a finished
 * attempt without an end time is drawn as an instant.
 */
export function layOutTimeline(
  attempts: readonly TimelineAttempt[],
  nowMs: number,
): TimelineLayout {
  const spans = attempts.map((attempt) => {
    const start = Date.parse(attempt.started_at);
    const live = attempt.attempt_status === 'running' || attempt.attempt_status === 'queued';
    const ended = attempt.ended_at === null ? Number.NaN : Date.parse(attempt.ended_at);
    const end = live
      ? Math.max(start, nowMs)
      : Number.isNaN(ended)
        ? start
        : Math.max(start, ended);
    return { attempt, start, end, live };
  });
  const valid = spans.filter((span) => !Number.isNaN(span.start));
  if (valid.length === 0) return { lanes: [], ticks: [], startMs: nowMs, endMs: nowMs };
  const startMs = Math.min(...valid.map((span) => span.start));
  const endMs = Math.max(startMs + 1000, ...valid.map((span) => span.end));
  const range = endMs - startMs;
  const byHost = new Map<string, Map<string, TimelineBar[]>>();
  for (const span of [...valid].sort((a, b) => a.start - b.start)) {
    const host = span.attempt.hostname ?? '';
    const leftPercent = ((span.start - startMs) / range) * 100;
    const widthPercent = Math.min(
      100 - leftPercent,
      Math.max(MIN_WIDTH_PERCENT, ((span.end - span.start) / range) * 100),
    );
    const bar: TimelineBar = {
      attempt: span.attempt,
      leftPercent,
      widthPercent,
      tone: span.attempt.stale ? 'invalid' : statusTone(span.attempt.attempt_status),
      live: span.live,
      durationMs: span.end - span.start,
    };
    let lane = byHost.get(host);
    if (!lane) {
      lane = new Map();
      byHost.set(host, lane);
    }
    const key = `${span.attempt.namespace}/${span.attempt.gren_hash}`;
    const row = lane.get(key);
    if (row) row.push(bar);
    else lane.set(key, [bar]);
  }
  const hosts = [...byHost.keys()].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : a.localeCompare(b),
  );
  return {
    lanes: hosts.map((host) => ({
      host: host || 'unknown host',
      rows: [...(byHost.get(host) ?? new Map<string, TimelineBar[]>()).entries()].map(
        ([key, bars]) => ({ key, bars }),
      ),
    })),
    ticks: ticks(startMs, endMs),
    startMs,
    endMs,
  };
}

/** About six round times across the axis, labelled in the browser's time zone. */
function ticks(startMs: number, endMs: number): TimelineTick[] {
  const range = endMs - startMs;
  const step =
    STEPS_MS.find((candidate) => range / candidate <= 6) ?? STEPS_MS[STEPS_MS.length - 1]!;
  const offset = new Date(startMs).getTimezoneOffset() * 60_000;
  const first = Math.ceil((startMs - offset) / step) * step + offset;
  const withDate = range > 86_400_000;
  const found: TimelineTick[] = [];
  for (let at = first; at <= endMs; at += step) {
    const date = new Date(at);
    const time = date.toLocaleTimeString([], {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(step < 60_000 ? { second: '2-digit' } : {}),
    });
    found.push({
      percent: ((at - startMs) / range) * 100,
      label: withDate
        ? `${date.toLocaleDateString([], { month: 'short', day: 'numeric' })} ${time}`
        : time,
    });
  }
  return found;
}

/** `1 h 5 min`, `3 min 20 s`, `12 s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
