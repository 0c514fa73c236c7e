import type { MigrationStep } from '../migration/migration-step';

/** Options of `@Gren(options?)`. */
export interface GrenOptions {
  /** Dotted identifier used as `__class__` marker and directory path; derived when omitted. */
  namespace?: string;
  /** Store artifacts under `<GREN_PATH>/git` instead of `<GREN_PATH>/data`. */
  versionControlled?: boolean;
  /** How long loadOrCreate waits for another process's compute lock; null waits forever. */
  maxWaitTimeSec?: number | null;
  /**
   * The class's history, oldest step first (`addedField`, `renamedField`, `removedField`,
   * `movedFrom`): results stored under earlier identities are reused instead of recomputed.
   */
  migrations?: readonly MigrationStep[];
}

/** What `@Gren()` records on the class, untouched. */
export interface ClassRecord {
  readonly options: GrenOptions;
  /** The file whose code applied the decorator (for namespaces, errors and workers). */
  readonly sourceFile: string | undefined;
  /** The class as written, before @Gren() wrapped it. */
  readonly original: abstract new (...args: never[]) => unknown;
}
