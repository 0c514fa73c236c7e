/** The time source of state transitions (a DI token, so tests can shift time). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
