import * as path from 'node:path';
import { ArtifactPaths } from 'gren-ts';

describe('ArtifactPaths', () => {
  describe.each([
    ['/store/data/ns/Cls/0123456789abcdef0123'],
    ['/store/data/ns/../ns/Cls/abc/'],
    ['relative/dir'],
    ['/'],
  ])('when the directory is %s', (directory) => {
    it('should give the same paths as path.join for every bookkeeping file', () => {
      const paths = new ArtifactPaths(directory);
      const internal = path.join(directory, '.gren');

      expect(paths.directory).toBe(directory);
      expect({
        internalDir: paths.internalDir,
        state: paths.state,
        events: paths.events,
        success: paths.success,
        metadata: paths.metadata,
        log: paths.log,
        computeLock: paths.computeLock,
        submitLock: paths.submitLock,
        stateLock: paths.stateLock,
      }).toEqual({
        internalDir: internal,
        state: path.join(internal, 'state.json'),
        events: path.join(internal, 'events.jsonl'),
        success: path.join(internal, 'SUCCESS.json'),
        metadata: path.join(internal, 'metadata.json'),
        log: path.join(internal, 'gren.log'),
        computeLock: path.join(internal, '.compute.lock'),
        submitLock: path.join(internal, '.submit.lock'),
        stateLock: path.join(internal, '.state.lock'),
      });
    });
  });
});
