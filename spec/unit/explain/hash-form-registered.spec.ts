import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenSerializer } from 'gren-ts';
import { hashOfTree, treeOfStored } from '../../../lib/src/explain/config-tree';
import { hashFormOf } from '../../../lib/src/explain/hash-form';
import { listArtifacts, PYTHON_STORE } from '../../support/fixtures';
import '../../support/refstore-classes';

const artifacts = listArtifacts(PYTHON_STORE).map((artifact) => ({
  ...artifact,
  config: (
    GrenSerializer.parseJson(fs.readFileSync(path.join(artifact.dir, '.gren', 'metadata.json'), 'utf8')) as {
      gren_obj: unknown;
    }
  ).gren_obj,
}));

describe('stored Python configs with their classes loaded', () => {
  it.each(artifacts.map((artifact) => [`${artifact.namespace}/${artifact.hash}`, artifact] as const))(
    'should rebuild %s exactly',
    (_label, artifact) => {
      expect(treeOfStored(artifact.config, artifact.hash)).toMatchObject({ exact: true });
    },
  );

  it("should restore the enum and datetime fields' hashed forms from the field types (Misc)", () => {
    const misc = artifacts.filter((artifact) => artifact.namespace === 'refstore.pipelines.Misc');
    expect(misc.length).toBeGreaterThan(0);
    for (const artifact of misc) expect(hashOfTree(hashFormOf(artifact.config))).toBe(artifact.hash);
  });
});
