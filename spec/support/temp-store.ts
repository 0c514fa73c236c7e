import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GREN_CONFIG } from 'gren-ts';

/**
 * Points GREN_CONFIG at a fresh temporary store for each test and restores the settings
 * afterwards. Returns a getter for the current store path.
 */
export function useTempStore(prefix = 'gren-store-'): () => string {
  let saved: typeof GREN_CONFIG | undefined;
  let dir = '';
  beforeEach(() => {
    saved = { ...GREN_CONFIG, forceRecompute: new Set(GREN_CONFIG.forceRecompute) };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    GREN_CONFIG.basePath = dir;
    GREN_CONFIG.logLevel = 'ERROR';
    GREN_CONFIG.pollIntervalSecs = 0.2;
  });
  afterEach(() => {
    if (saved) Object.assign(GREN_CONFIG, saved);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}
