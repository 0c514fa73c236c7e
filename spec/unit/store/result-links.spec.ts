import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  isLinkedResultPresent,
  readLinkedResult,
  readResultLinks,
  reusersOf,
  linkedKeys,
} from '../../../lib/src/store/result-links';
import { artifactDirectory, type ArtifactLocation } from '../../../lib/src/store/store-layout';

describe('result links in the store model', () => {
  let base: string;

  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-result-links-'));
  });

  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  /** An artifact folder with a state.json, and a result-link.json when `link` is given. */
  function artifact(hash: string, link?: string | object): ArtifactLocation {
    const location: ArtifactLocation = {
      root: 'data',
      namespace: 'my.Train',
      hash,
      directory: artifactDirectory(base, 'data', 'my.Train', hash),
    };
    fs.mkdirSync(path.join(location.directory, '.gren'), { recursive: true });
    fs.writeFileSync(path.join(location.directory, '.gren', 'state.json'), '{}');
    if (link !== undefined)
      fs.writeFileSync(
        path.join(location.directory, '.gren', 'result-link.json'),
        typeof link === 'string' ? link : JSON.stringify(link),
      );
    return location;
  }

  const linkTo = (target: string, sourceHash: string): object => ({
    target,
    source: { namespace: 'my.Train', hash: sourceHash },
    steps: ["Train: addedField('seed', 0)"],
    linked_at: '2026-12-07T20:00:00+00:00',
  });

  describe(readLinkedResult, () => {
    it('should place a link to a link in the store: the reused identity and the folder holding the data', () => {
      const v1 = artifact('v1');
      artifact('v2', linkTo('../v1', 'v1'));
      const v3 = artifact('v3', linkTo('../v1', 'v2'));

      const reading = readLinkedResult(base, v3);

      expect(reading).toEqual({
        linked: {
          source: {
            root: 'data',
            namespace: 'my.Train',
            hash: 'v2',
            directory: artifactDirectory(base, 'data', 'my.Train', 'v2'),
          },
          holderDirectory: v1.directory,
          holder: v1,
          steps: ["Train: addedField('seed', 0)"],
          linkedAt: '2026-12-07T20:00:00+00:00',
        },
      });
      expect(reading && 'linked' in reading && linkedKeys(reading.linked)).toEqual([
        'data:my.Train/v2',
        'data:my.Train/v1',
      ]);
      expect(reading && 'linked' in reading && isLinkedResultPresent(reading.linked)).toBe(true);
    });

    it('should give nothing for an artifact holding its own result', () => {
      expect(readLinkedResult(base, artifact('own'))).toBeUndefined();
    });

    it('should tell a data folder outside the store, and one that is gone', () => {
      const outside = readLinkedResult(base, artifact('a', linkTo('../../../../../elsewhere', 'x')));
      const gone = readLinkedResult(base, artifact('b', linkTo('../missing', 'missing')));

      expect(outside && 'linked' in outside && outside.linked.holder).toBeUndefined();
      expect(gone && 'linked' in gone && isLinkedResultPresent(gone.linked)).toBe(false);
    });

    it('should say why a link file cannot be followed, naming the file', () => {
      const notJson = readLinkedResult(base, artifact('a', '{ nope'));
      const noSource = readLinkedResult(base, artifact('b', { target: '../x' }));
      const emptyHash = readLinkedResult(
        base,
        artifact('c', { target: '../x', source: { namespace: 'my.Train', hash: '' } }),
      );

      expect(notJson).toEqual({
        problem: expect.stringMatching(/\/a\/\.gren\/result-link\.json is not JSON/) as unknown,
      });
      expect(noSource).toEqual({
        problem: expect.stringContaining('names no target folder and source identity') as unknown,
      });
      expect(emptyHash).toEqual({ problem: expect.stringContaining('names no source namespace and hash') as unknown });
    });
  });

  describe(reusersOf, () => {
    it('should list who reads an artifact as its reused identity or as the holder of its data', () => {
      const locations = [
        artifact('v1'),
        artifact('v2', linkTo('../v1', 'v1')),
        artifact('v3', linkTo('../v1', 'v2')),
        artifact('broken', '{'),
      ];
      const links = readResultLinks(base, locations);

      expect([...links.keys()].sort()).toEqual(['data:my.Train/broken', 'data:my.Train/v2', 'data:my.Train/v3']);
      expect(reusersOf('data:my.Train/v1', links)).toEqual(['data:my.Train/v2', 'data:my.Train/v3']);
      expect(reusersOf('data:my.Train/v2', links)).toEqual(['data:my.Train/v3']);
      expect(reusersOf('data:my.Train/v3', links)).toEqual([]);
    });
  });
});
