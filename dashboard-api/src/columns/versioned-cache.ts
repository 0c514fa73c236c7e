/**
 * A few values computed from the index, each kept while the index version it was built at is
 * current; the oldest entry goes when a new key comes (so hostile keys cannot grow it).
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: number; value: T }>();

  constructor(private readonly capacity: number) {}

  has(key: string, version: number): boolean {
    return this.entries.get(key)?.version === version;
  }

  get(key: string, version: number, build: () => T): T {
    const entry = this.entries.get(key);
    if (entry && entry.version === version) return entry.value;
    const value = build();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }
}
