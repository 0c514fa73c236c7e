/** One way two configs differ: a leaf value, or a whole value that cannot be compared further. */
export interface FieldDifference {
  /** Where, as in code: `lr`, `dataset.name`, `stages[1].k`, `extra["a b"]`. */
  readonly path: string;
  /** `added`: only the new config has it; `removed`: only the old one. */
  readonly change: 'changed' | 'added' | 'removed';
  /** The old and new values in hash form (undefined when absent on that side). */
  readonly old: unknown;
  readonly new: unknown;
}
