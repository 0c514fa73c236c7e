import {
  isLinkedResultPresent,
  readLinkedResult,
  reusersOf,
  summarizeReusedFrom,
  type ResultLinkReading,
} from 'gren-ts/store';
import type { ExperimentDetail, ExperimentSummary } from '../contract/api-types';
import type { ArtifactRecord } from '../index/artifact-record';
import type { IndexService } from '../index/index.service';

export type ReuseFields = Pick<ExperimentDetail, 'reused_from' | 'result_link_error' | 'reused_by'>;

/** Each success's link reading, per state read (a link is written and removed only with a new state). */
const linkPerState = new WeakMap<ExperimentSummary, ResultLinkReading | null>();

/**
 * Where the artifact's reused result lives (its own link file, read now) and which successes
 * reuse its result (from every success's link, read once per state version of each).
 */
export function reuseOf(record: ArtifactRecord, service: IndexService): ReuseFields {
  const index = service.index;
  const own = readLinkedResult(index.basePath, record);
  const { links, linkers } = service.cached('result-links', () => successLinks(service));
  return {
    reused_from:
      own && 'linked' in own
        ? summarizeReusedFrom(
            own.linked,
            index.find(own.linked.source.namespace, own.linked.source.hash)?.summary.result_status ?? null,
            isLinkedResultPresent(own.linked),
          )
        : null,
    result_link_error: own && 'problem' in own ? own.problem : null,
    reused_by: reusersOf(record.key, links).map((key) => {
      const reuser = linkers.get(key)!;
      return { namespace: reuser.namespace, gren_hash: reuser.hash, result_status: reuser.summary.result_status };
    }),
  };
}

/** The result links of the indexed successes, and those successes, by artifact key. */
function successLinks(service: IndexService): {
  links: Map<string, ResultLinkReading>;
  linkers: Map<string, ArtifactRecord>;
} {
  const links = new Map<string, ResultLinkReading>();
  const linkers = new Map<string, ArtifactRecord>();
  for (const record of service.index.sorted()) {
    if (record.summary.result_status !== 'success') continue;
    let reading = linkPerState.get(record.summary);
    if (reading === undefined) {
      reading = readLinkedResult(service.index.basePath, record) ?? null;
      linkPerState.set(record.summary, reading);
    }
    if (!reading) continue;
    links.set(record.key, reading);
    linkers.set(record.key, record);
  }
  return { links, linkers };
}
