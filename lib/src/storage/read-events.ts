import * as fs from 'node:fs';

/** One line of `.gren/events.jsonl`: ts, pid, host, type, then the event's own fields. */
export interface GrenEvent {
  ts: string;
  pid: number;
  host: string;
  type: string;
  [field: string]: unknown;
}

/**
 * The events of an artifact, oldest first. Lines that are not complete JSON objects (a
 * write cut short by a crash) are skipped rather than failing the whole read.
 */
export function readEvents(file: string): GrenEvent[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const events: GrenEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const event = JSON.parse(line) as unknown;
      if (typeof event === 'object' && event !== null && typeof (event as GrenEvent).type === 'string')
        events.push(event as GrenEvent);
    } catch {
      // A torn last line from a killed writer: the next append starts a fresh line.
    }
  }
  return events;
}
