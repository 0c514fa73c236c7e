const TOKEN = /\.?([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/**
 * The value a dependency field points at inside a config: `dataset`, `opt.data`, `stages[1]`,
 * `models["a"]` (the notation of DependencyRef.field). undefined when the path is malformed
 * or leads nowhere.
 */
export function resolveField(config: unknown, field: string): unknown {
  TOKEN.lastIndex = 0;
  let current = config;
  while (TOKEN.lastIndex < field.length) {
    const match = TOKEN.exec(field);
    if (!match) return undefined;
    const [, name, index, quoted] = match;
    let key: string | number;
    if (name !== undefined) key = name;
    else if (index !== undefined) key = Number(index);
    else key = JSON.parse(quoted as string) as string;
    if (typeof key === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[key];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
      if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
  }
  return current;
}
