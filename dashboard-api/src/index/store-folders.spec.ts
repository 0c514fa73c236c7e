import * as path from 'node:path';
import { folderInfo } from './store-folders';

describe(folderInfo, () => {
  const base = path.join(path.sep, 'store');

  it('should tell the root and the segments below it', () => {
    expect(folderInfo(base, path.join(base, 'git', 'a', 'B'))).toEqual({
      directory: path.join(base, 'git', 'a', 'B'),
      root: 'git',
      segments: ['a', 'B'],
    });
    expect(folderInfo(base, path.join(base, 'data'))).toEqual({
      directory: path.join(base, 'data'),
      root: 'data',
      segments: [],
    });
  });

  it('should know nothing of folders outside the roots', () => {
    expect(folderInfo(base, path.join(base, 'database', 'a'))).toBeUndefined();
    expect(folderInfo(base, path.join(path.sep, 'elsewhere'))).toBeUndefined();
  });
});
