import * as fs from 'node:fs';
import { readArtifact } from '../../store/read-artifact';
import { isLinkedResultPresent, readResultLinks, reusersOf, type LinkedResult } from '../../store/result-links';
import type { ListedResult } from '../../store/statuses';
import { artifactKey, STATE_SUFFIX, type ArtifactLocation } from '../../store/store-layout';

/** Where an artifact's reused result lives, and who reuses its result (from the result links). */
export interface ArtifactReuse {
  /** Its result link, with what is on disk now; undefined when it holds its own result. */
  readonly reusedFrom:
    | { readonly linked: LinkedResult; readonly sourceResult: ListedResult | null; readonly dataPresent: boolean }
    | { readonly problem: string }
    | undefined;
  /** The successes whose result link reads this one (as the identity they reuse or the folder holding the data). */
  readonly reusedBy: readonly { readonly location: ArtifactLocation; readonly result: ListedResult }[];
}

/** The reuse facts of `location`, reading the result link of every artifact of the store listed in `all` once. */
export function readArtifactReuse(
  base: string,
  location: ArtifactLocation,
  all: readonly ArtifactLocation[],
): ArtifactReuse {
  const key = artifactKey(location.root, location.namespace, location.hash);
  const byKey = new Map(all.map((each) => [artifactKey(each.root, each.namespace, each.hash), each]));
  byKey.set(key, location);
  const links = readResultLinks(base, [...byKey.values()]);
  const own = links.get(key);
  const reusedFrom =
    own && 'linked' in own
      ? {
          linked: own.linked,
          sourceResult: fs.existsSync(own.linked.source.directory + STATE_SUFFIX)
            ? readArtifact(own.linked.source).result
            : null,
          dataPresent: isLinkedResultPresent(own.linked),
        }
      : own;
  // As gc and the dashboard: only a success reads its link (a failed or unfinished one reads nothing).
  const reusedBy = reusersOf(key, links)
    .map((reuser) => {
      const reuserLocation = byKey.get(reuser)!;
      return { location: reuserLocation, result: readArtifact(reuserLocation).result };
    })
    .filter((reuser) => reuser.result === 'success');
  return { reusedFrom, reusedBy };
}
