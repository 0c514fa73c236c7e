import * as path from 'node:path';
import type { GrenSettings } from '../settings/gren-settings';

/**
 * Where a container's store is, from its settings (the STORAGE token). Follows
 * `settings.basePath` when it changes; the joined roots are cached per base path.
 */
export class StoreLocator {
  private cached = { base: '', data: '', git: '', raw: '' };

  constructor(private readonly settings: GrenSettings) {}

  get basePath(): string {
    return this.settings.basePath;
  }

  /** `<base>/data`, or `<base>/git` for version-controlled classes. */
  root(versionControlled: boolean): string {
    const roots = this.roots();
    return versionControlled ? roots.git : roots.data;
  }

  /** `<base>/raw`, shared by every object of the store. */
  get rawDir(): string {
    return this.roots().raw;
  }

  private roots(): { data: string; git: string; raw: string } {
    const base = this.settings.basePath;
    if (this.cached.base !== base) {
      this.cached = { base, data: path.join(base, 'data'), git: path.join(base, 'git'), raw: path.join(base, 'raw') };
    }
    return this.cached;
  }
}
