/** Keys every config object has that are not fields (kept in sync with GrenObject). */
type MemberKeys =
  | 'grenHash'
  | 'grenDir'
  | 'rawDir'
  | 'loadOrCreate'
  | 'exists'
  | 'getMetadata'
  | 'toDict'
  | 'toCode'
  | 'toPython'
  | 'log'
  | 'replace'
  | 'equals'
  | 'explain';

/** The data members of a config class: what `new X({...})` and `replace()` accept. */
export type ConfigFields<Self> = {
  [
    K in keyof Self as K extends MemberKeys ? never : Self[K] extends (...args: never[]) => unknown ? never : K
  ]: Self[K];
};

/**
 * The init object of `new X(init)`. With the class itself as `Self` (`extends GrenObject<T, X>`)
 * misspelled keys fail to compile; without it any keys type-check and are caught at run time.
 */
export type InitOf<Self> = [unknown] extends [Self]
  ? Readonly<Record<string, unknown>>
  : Readonly<Partial<ConfigFields<Self>>>;
