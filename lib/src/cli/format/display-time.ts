/** `2026-11-26T04:21:00+00:00` → `2026-11-26 04:21:00` (UTC, as stored). */
export function displayTime(iso: string | null | undefined): string {
  if (!iso) return '-';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]}` : iso;
}
