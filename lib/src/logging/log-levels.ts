import type { LogLevelName } from '../settings/gren-settings';

export const LEVEL_VALUES: Readonly<Record<LogLevelName, number>> = {
  DEBUG: 10,
  INFO: 20,
  WARNING: 30,
  ERROR: 40,
  CRITICAL: 50,
};

export function parseLevel(level: string): LogLevelName | undefined {
  const upper = level.toUpperCase();
  if (upper === 'WARN') return 'WARNING';
  return upper in LEVEL_VALUES ? (upper as LogLevelName) : undefined;
}
