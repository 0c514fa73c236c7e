/** Raised inside the walk; the caller turns it into a GrenSerializationError with the path. */
export class UnhashableValue extends Error {
  readonly segments: string[] = [];

  constructor(
    readonly value: unknown,
    readonly why: string,
  ) {
    super(why);
  }
}
