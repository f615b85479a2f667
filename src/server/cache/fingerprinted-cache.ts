/**
 * An in-process cache whose entries are only valid for the fingerprint they were loaded under.
 * The caller takes the fingerprint from the source of truth on every read (cheaply), so an entry
 * is not served after the data behind it changed. A fingerprint can miss a change (one built from
 * timestamps cannot tell two writes in the same millisecond apart, or see a write stamped by a
 * server whose clock runs behind), so entries also expire after `maxAgeMs`: that bounds how long
 * such a miss can last.
 */
interface Entry<T> {
  fingerprint: string;
  loadedAt: number;
  value: Promise<T>;
}

/**
 * A small least-recently-used map of loaded values, each valid for one fingerprint. Concurrent
 * requests for the same key and fingerprint share one load instead of each querying the database.
 */
export class FingerprintedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxAgeMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, fingerprint: string, load: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached && cached.fingerprint === fingerprint && this.now() - cached.loadedAt < this.maxAgeMs) {
      // Re-inserted so the map's insertion order doubles as recency order.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.value;
    }
    const entry: Entry<T> = { fingerprint, loadedAt: this.now(), value: load() };
    // A failed load is not remembered: the next request tries again.
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return entry.value;
  }

  get size(): number {
    return this.entries.size;
  }
}
