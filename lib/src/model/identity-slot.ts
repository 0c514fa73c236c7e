/** Per-instance memo of the canonical JSON and the hash (instances are frozen, the slot is not). */
export interface IdentitySlot {
  json: string | undefined;
  hash: string | undefined;
  /** The artifact directory, valid while the store root it was computed for is current. */
  dir: string | undefined;
  dirRoot: string | undefined;
}

const IDENTITY = Symbol('gren.identity');

export function attachIdentitySlot(instance: object): void {
  Object.defineProperty(instance, IDENTITY, {
    value: { json: undefined, hash: undefined, dir: undefined, dirRoot: undefined } satisfies IdentitySlot,
    enumerable: false,
  });
}

export function identitySlot(instance: object): IdentitySlot | undefined {
  return (instance as Record<symbol, IdentitySlot | undefined>)[IDENTITY];
}
