import * as path from 'node:path';
import type { GrenSettings } from '../settings/gren-settings';

/** Where the store's roots are, from the settings (the `storage` DI token). */
export class StoreLocator {
  constructor(private readonly settings: GrenSettings) {}

  get basePath(): string {
    return this.settings.basePath;
  }

  root(versionControlled: boolean): string {
    return path.join(this.settings.basePath, versionControlled ? 'git' : 'data');
  }

  get rawDir(): string {
    return path.join(this.settings.basePath, 'raw');
  }
}
