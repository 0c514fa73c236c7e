import * as path from 'node:path';
import { classModel } from '../metadata/build-class-model';
import type { AnyClass } from '../metadata/type-spec';
import { identitySlot } from './identity-slot';
import { objectRuntime } from './object-runtime';

interface StoredClass {
  readonly versionControlled: boolean;
}

/**
 * The artifact folder of a config object's identity, `<store>/{data|git}/<namespace as
 * folders>/<hash>` (its `.gren/` bookkeeping lives there), memoized per store root.
 */
export function artifactDirOf(object: { readonly grenHash: string }): string {
  const cls = object.constructor as unknown as StoredClass & AnyClass;
  const root = objectRuntime().storeRoot(cls.versionControlled);
  const slot = identitySlot(object);
  if (slot?.dirRoot === root && slot.dir !== undefined) return slot.dir;
  const dir = path.join(root, ...classModel(cls).namespace.split('.'), object.grenHash);
  if (slot) {
    slot.dir = dir;
    slot.dirRoot = root;
  }
  return dir;
}
