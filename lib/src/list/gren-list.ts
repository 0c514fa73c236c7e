import { GrenDefinitionError } from '../errors/definition-error';
import { GrenError } from '../errors/gren-error';
import { isPlainObject } from '../model/is-plain-object';
import { GrenObject } from '../model/gren-object';

const CLASS_OWN_KEYS = new Set(['length', 'name', 'prototype']);

export interface ByNameOptions {
  /** Throw when nothing has that name (default true); otherwise return undefined. */
  strict?: boolean;
}

interface Member {
  readonly name: string;
  readonly value: unknown;
}

/**
 * A named collection of experiments, declared as static members of a subclass:
 * single objects, arrays of them, and objects mapping names to them. Iterate the class
 * itself (`for (const e of MyExperiments)`) for every entry, deduplicated by hash.
 */
export abstract class GrenList {
  static *[Symbol.iterator](this: typeof GrenList): IterableIterator<GrenObject> {
    yield* this.all();
  }

  /** Every entry in definition order, the first of equal hashes kept. */
  static all(this: typeof GrenList): GrenObject[] {
    const seen = new Set<string>();
    const entries: GrenObject[] = [];
    for (const { name, value } of ownMembers(this)) {
      for (const entry of entriesOf(this.name, name, value)) {
        if (seen.has(entry.grenHash)) continue;
        seen.add(entry.grenHash);
        entries.push(entry);
      }
    }
    return entries;
  }

  /** `[name, value]` for each member that is not a name→entry object; arrays come whole. */
  static items(this: typeof GrenList): [string, GrenObject | readonly GrenObject[]][] {
    return ownMembers(this)
      .filter(({ value }) => !isPlainObject(value))
      .map(({ name, value }) => [name, value as GrenObject | readonly GrenObject[]]);
  }

  /** The member, or the entry of a name→entry object, with that name. */
  static byName(
    this: typeof GrenList,
    name: string,
    options: ByNameOptions = {},
  ): GrenObject | readonly GrenObject[] | undefined {
    const found = namedEntries(this).get(name);
    if (found === undefined && (options.strict ?? true)) {
      throw new GrenError(
        'LIST_UNKNOWN_NAME',
        `${this.name} has no entry named '${name}'. Its names: ${[...namedEntries(this).keys()].join(', ')}.`,
      );
    }
    return found?.value;
  }
}

function ownMembers(list: typeof GrenList): Member[] {
  return Object.getOwnPropertyNames(list)
    .filter((name) => !CLASS_OWN_KEYS.has(name) && !name.startsWith('_'))
    .map((name) => ({ name, value: (list as unknown as Record<string, unknown>)[name] }))
    .filter(({ value }) => typeof value !== 'function');
}

function entriesOf(listName: string, member: string, value: unknown): GrenObject[] {
  const items = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : [value];
  return items.map((item: unknown) => {
    if (!(item instanceof GrenObject)) throw GrenDefinitionError.listEntry(listName, member, item);
    return item;
  });
}

function namedEntries(
  list: typeof GrenList,
): Map<string, { value: GrenObject | readonly GrenObject[]; where: string }> {
  const named = new Map<string, { value: GrenObject | readonly GrenObject[]; where: string }>();
  const add = (name: string, value: GrenObject | readonly GrenObject[], where: string): void => {
    const existing = named.get(name);
    if (existing) throw GrenDefinitionError.duplicateListName(list.name, name, existing.where, where);
    named.set(name, { value, where });
  };
  for (const { name, value } of ownMembers(list)) {
    entriesOf(list.name, name, value);
    if (isPlainObject(value)) {
      for (const [key, entry] of Object.entries(value)) add(key, entry as GrenObject, `${list.name}.${name}["${key}"]`);
    } else {
      add(name, value as GrenObject | readonly GrenObject[], `${list.name}.${name}`);
    }
  }
  return named;
}
