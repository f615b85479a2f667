/**
 * An in-process cache whose entries are only valid for the fingerprint they were loaded under.
 * The caller takes the fingerprint from the source of truth on every read (cheaply), so an entry
 * is not served after the data behind it changed. A fingerprint can miss a change (one built from
 * timestamps cannot tell two writes in the same millisecond apart, or see a write stamped by a
 * server whose clock runs behind), so entries are also loaded again after `maxAgeMs`: that bounds
 * how long such a miss can last.
 *
 * Loading again after `maxAgeMs` happens behind the request that notices it: that request still
 * gets the entry it matched (its fingerprint is unchanged, so it is almost always right) while the
 * fresh load runs, and later requests get the fresh value. Otherwise every process would make one
 * reader every `maxAgeMs` wait for a full read of the organisation, which is most of a quarter
 * end's slowest answers. A miss therefore lasts at most `maxAgeMs` plus one load; an entry twice
 * as old as `maxAgeMs` (no request came by to refresh it) is never served and is loaded in front.
 */
interface Entry<T> {
  fingerprint: string;
  loadedAt: number;
  value: Promise<T>;
  /** Set once the value has resolved: only a settled entry is served while a fresh one loads. */
  settled: boolean;
  refreshing: boolean;
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
    const age = cached ? this.now() - cached.loadedAt : Infinity;
    if (cached && cached.fingerprint === fingerprint && age < this.maxAgeMs) {
      this.touch(key, cached);
      return cached.value;
    }
    if (cached && cached.fingerprint === fingerprint && cached.settled && age < 2 * this.maxAgeMs) {
      if (!cached.refreshing) this.refresh(key, cached, load);
      this.touch(key, cached);
      return cached.value;
    }
    return this.store(key, this.entryFor(fingerprint, load));
  }

  get size(): number {
    return this.entries.size;
  }

  /** Re-inserted so the map's insertion order doubles as recency order. */
  private touch(key: string, entry: Entry<T>): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private entryFor(fingerprint: string, load: () => Promise<T>): Entry<T> {
    const entry: Entry<T> = {
      fingerprint,
      loadedAt: this.now(),
      value: load(),
      settled: false,
      refreshing: false,
    };
    entry.value.then(
      () => {
        entry.settled = true;
      },
      () => undefined,
    );
    return entry;
  }

  private store(key: string, entry: Entry<T>): Promise<T> {
    // A failed load is not remembered: the next request tries again.
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    this.touch(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return entry.value;
  }

  /**
   * Loads the entry again while it goes on being served; the fresh value replaces it only if
   * nothing replaced it meanwhile (a request under a newer fingerprint wins). A failed refresh
   * drops the entry, so the next request loads in front and sees the failure.
   */
  private refresh(key: string, stale: Entry<T>, load: () => Promise<T>): void {
    stale.refreshing = true;
    const fresh = this.entryFor(stale.fingerprint, load);
    fresh.value.then(
      () => {
        if (this.entries.get(key) === stale) this.entries.set(key, fresh);
      },
      () => {
        if (this.entries.get(key) === stale) this.entries.delete(key);
      },
    );
  }
}
