import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenCliError } from '../cli-error';
import { GREN_DIR_NAME, STORE_ROOTS, type ArtifactLocation } from '../../store/store-layout';
import { listDirectories } from '../../storage/list-directories';

const MIN_PREFIX = 4;

/**
 * Finds the artifact a user named: `<namespace>/<hash>` with the namespace dotted
 * (`my_project.pipelines.TrainModel/75f3…`) or as folders (`my_project/pipelines/TrainModel/75f3…`),
 * the hash in full or as a unique prefix of at least 4 characters, looked up in data/ then
 * git/; or the path of an artifact folder. Throws GrenCliError (not found, ambiguous, bad form).
 */
export function locateArtifact(base: string, reference: string): ArtifactLocation {
  const asPath = fromFolderPath(base, reference);
  if (asPath) return asPath;
  const cut = reference.replace(/\/+$/, '').lastIndexOf('/');
  if (cut <= 0)
    throw GrenCliError.usage(
      `"${reference}" is not an artifact reference: write <namespace>/<hash>, e.g. my_project.pipelines.TrainModel/75f39a103fce26c689f7.`,
    );
  const namespace = reference.slice(0, cut).split('/').filter(Boolean).join('.');
  const hash = reference.slice(cut + 1).replace(/\/+$/, '');
  const segments = namespace.split('.');
  const matches: ArtifactLocation[] = [];
  for (const root of STORE_ROOTS) {
    const namespaceDir = path.join(base, root, ...segments);
    const exact = path.join(namespaceDir, hash);
    if (isDirectory(exact)) return { root, namespace, hash, directory: exact };
    if (hash.length >= MIN_PREFIX) {
      for (const name of listDirectories(namespaceDir)) {
        if (name.startsWith(hash))
          matches.push({ root, namespace, hash: name, directory: path.join(namespaceDir, name) });
      }
    }
  }
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw GrenCliError.notFound(
      `"${reference}" is ambiguous: ${matches.map((match) => `${match.root}/${match.namespace}/${match.hash}`).join(', ')}. Give more of the hash.`,
    );
  }
  throw GrenCliError.notFound(
    `No artifact ${namespace}/${hash} in ${base} (looked in data/ and git/). List them with: gren ls ${namespace}`,
  );
}

function fromFolderPath(base: string, reference: string): ArtifactLocation | undefined {
  const directory = path.resolve(reference);
  if (!isDirectory(path.join(directory, GREN_DIR_NAME))) return undefined;
  for (const root of STORE_ROOTS) {
    const relative = path.relative(path.join(path.resolve(base), root), directory);
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
      const parts = relative.split(path.sep);
      if (parts.length >= 2)
        return { root, namespace: parts.slice(0, -1).join('.'), hash: parts[parts.length - 1]!, directory };
    }
  }
  const parent = path.dirname(directory);
  return { root: 'data', namespace: path.basename(parent), hash: path.basename(directory), directory };
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
