import type { StorePollerOptions } from '../index/store-poller';

/** How one dashboard app is set up (the CLI and tests build these; nothing reads process.env here). */
export interface DashboardOptions {
  /** GREN_PATH: the store holding data/ and git/. */
  basePath: string;
  /** The built SPA to serve (folder holding index.html), or null for the API alone. */
  spaDirectory: string | null;
  /** inotify watching (default true); polling always runs. */
  watch?: boolean;
  /** At most this many artifact folders are watched (default: half the inotify limit). */
  maxArtifactWatches?: number;
  polling?: StorePollerOptions;
}

export const DASHBOARD_OPTIONS = Symbol.for('gren.dashboard.options');
