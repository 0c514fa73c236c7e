import type { StorePollerOptions } from '../index/store-poller';

/**
 * Who may read the dashboard. `token`: the access token every `/api` request must carry (as
 * `Authorization: Bearer`, or as the session cookie the sign-in exchange sets); null lets
 * anyone who can connect read the store. `loopbackHostsOnly`: answer only requests whose Host
 * header names this machine's loopback (127.0.0.1, localhost, [::1]) — on a loopback bind
 * without a token this stops DNS rebinding (a web page whose name resolves to 127.0.0.1).
 */
export interface DashboardAccess {
  token: string | null;
  loopbackHostsOnly: boolean;
}

/** What the dashboard does without explicit access settings: loopback, no token. */
export const LOOPBACK_ACCESS: DashboardAccess = Object.freeze({ token: null, loopbackHostsOnly: true });

/** How one dashboard app is set up (the CLI and tests build these; nothing reads process.env here). */
export interface DashboardOptions {
  /** GREN_PATH: the store holding data/ and git/. */
  basePath: string;
  /** The built SPA to serve (folder holding index.html), or null for the API alone. */
  spaDirectory: string | null;
  /** Access control (default LOOPBACK_ACCESS). */
  access?: DashboardAccess;
  /** inotify watching (default true); polling always runs. */
  watch?: boolean;
  /** At most this many artifact folders are watched (default: half the inotify limit). */
  maxArtifactWatches?: number;
  polling?: StorePollerOptions;
}

export const DASHBOARD_OPTIONS = Symbol.for('gren.dashboard.options');
