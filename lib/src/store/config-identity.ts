import { hashOfTree } from '../explain/config-tree';
import { hashFormOf } from '../explain/hash-form';

/**
 * The one equality rule for stored configs: two configs are equal when their hash forms
 * give the same gren hash. So `1` and `1.0` differ (an integer and a Python float hash
 * differently), key order and private fields do not matter. undefined when the stored
 * text cannot be hashed.
 */
export function configHash(config: Record<string, unknown>): string | undefined {
  try {
    return hashOfTree(hashFormOf(config));
  } catch {
    return undefined;
  }
}
