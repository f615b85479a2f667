import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { FingerprintedCache } from "@/server/cache/fingerprinted-cache";

/** A promise settled by the test, to hold a load open while other requests arrive. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets the cache's own rejection handler run before the test carries on. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe("FingerprintedCache", () => {
  it("serves the stored value while the key and fingerprint match, loading once", async () => {
    const cache = new FingerprintedCache<string>(4);
    const load = vi.fn(async () => "rows");

    const first = cache.get("org", "f1", load);
    const second = cache.get("org", "f1", load);

    // The very same promise: callers share one load rather than each getting a copy.
    expect(second).toBe(first);
    expect(await second).toBe("rows");
    expect(await cache.get("org", "f1", load)).toBe("rows");
    expect(load).toHaveBeenCalledTimes(1);
    expect(cache.size).toBe(1);
  });

  it("refreshes an entry older than its maximum age behind the request, serving it meanwhile", async () => {
    let now = 1_000;
    const cache = new FingerprintedCache<string>(4, 30_000, () => now);
    const refreshed = deferred<string>();
    const load = vi
      .fn<() => Promise<string>>()
      .mockResolvedValueOnce("load 1")
      .mockReturnValueOnce(refreshed.promise);

    expect(await cache.get("org", "f1", load)).toBe("load 1");
    now += 29_999;
    expect(await cache.get("org", "f1", load)).toBe("load 1");
    expect(load).toHaveBeenCalledTimes(1);

    // At the maximum age the request still gets the entry it matched, and one fresh load starts;
    // requests while it runs neither wait for it nor start another.
    now += 1;
    expect(await cache.get("org", "f1", load)).toBe("load 1");
    expect(await cache.get("org", "f1", load)).toBe("load 1");
    expect(load).toHaveBeenCalledTimes(2);

    refreshed.resolve("load 2");
    await settle();
    expect(await cache.get("org", "f1", load)).toBe("load 2");
    // The fresh value counts its age from when its load started.
    now += 29_999;
    expect(await cache.get("org", "f1", load)).toBe("load 2");
    expect(load).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(1);
  });

  it("loads in front once an entry is twice its maximum age, never serving it", async () => {
    let now = 1_000;
    const cache = new FingerprintedCache<string>(4, 30_000, () => now);
    let loads = 0;
    const load = async () => `load ${++loads}`;
    expect(await cache.get("org", "f1", load)).toBe("load 1");
    now += 60_000;
    expect(await cache.get("org", "f1", load)).toBe("load 2");
    expect(loads).toBe(2);
  });

  it("drops an entry whose refresh failed, so the next request loads in front", async () => {
    let now = 1_000;
    const cache = new FingerprintedCache<string>(4, 30_000, () => now);
    const load = vi
      .fn<() => Promise<string>>()
      .mockResolvedValueOnce("load 1")
      .mockRejectedValueOnce(new Error("database unavailable"))
      .mockRejectedValueOnce(new Error("database still unavailable"));

    expect(await cache.get("org", "f1", load)).toBe("load 1");
    now += 30_000;
    expect(await cache.get("org", "f1", load)).toBe("load 1");
    await settle();
    expect(cache.size).toBe(0);
    await expect(cache.get("org", "f1", load)).rejects.toThrow("database still unavailable");
    expect(load).toHaveBeenCalledTimes(3);
  });

  it("keeps an entry of a newer fingerprint when a refresh of the older one finishes later", async () => {
    let now = 1_000;
    const cache = new FingerprintedCache<string>(4, 30_000, () => now);
    const slowRefresh = deferred<string>();
    const load = vi
      .fn<() => Promise<string>>()
      .mockResolvedValueOnce("f1 rows")
      .mockReturnValueOnce(slowRefresh.promise)
      .mockResolvedValueOnce("f2 rows");

    await cache.get("org", "f1", load);
    now += 30_000;
    expect(await cache.get("org", "f1", load)).toBe("f1 rows");
    expect(await cache.get("org", "f2", load)).toBe("f2 rows");
    slowRefresh.resolve("f1 rows, refreshed");
    await settle();

    expect(await cache.get("org", "f2", load)).toBe("f2 rows");
    expect(load).toHaveBeenCalledTimes(3);
  });

  it("does not serve an entry whose first load is still running past its maximum age", async () => {
    let now = 1_000;
    const cache = new FingerprintedCache<string>(4, 30_000, () => now);
    const slow = deferred<string>();
    const load = vi
      .fn<() => Promise<string>>()
      .mockReturnValueOnce(slow.promise)
      .mockResolvedValueOnce("second load");

    const first = cache.get("org", "f1", load);
    now += 30_000;
    expect(await cache.get("org", "f1", load)).toBe("second load");
    slow.resolve("first load");
    expect(await first).toBe("first load");
    expect(await cache.get("org", "f1", load)).toBe("second load");
  });

  it("loads again when the fingerprint changes, and keeps only the newest fingerprint per key", async () => {
    const cache = new FingerprintedCache<string>(4);
    const load = vi.fn(async () => `load ${load.mock.calls.length}`);

    expect(await cache.get("org", "f1", load)).toBe("load 1");
    expect(await cache.get("org", "f2", load)).toBe("load 2");
    expect(await cache.get("org", "f2", load)).toBe("load 2");
    // Going back to an older fingerprint is a miss too: the f1 entry was replaced, not kept beside f2.
    expect(await cache.get("org", "f1", load)).toBe("load 3");
    expect(load).toHaveBeenCalledTimes(3);
    expect(cache.size).toBe(1);
  });

  it("shares one pending load between concurrent requests for the same key and fingerprint", async () => {
    const cache = new FingerprintedCache<string>(4);
    const pending = deferred<string>();
    const load = vi.fn(() => pending.promise);

    const requests = [
      cache.get("org", "f1", load),
      cache.get("org", "f1", load),
      cache.get("org", "f1", load),
    ];
    expect(load).toHaveBeenCalledTimes(1);

    pending.resolve("rows");
    expect(await Promise.all(requests)).toEqual(["rows", "rows", "rows"]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("forgets a rejected load, so the next request loads again", async () => {
    const cache = new FingerprintedCache<string>(4);
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error("database unavailable"))
      .mockResolvedValueOnce("rows");

    await expect(cache.get("org", "f1", load)).rejects.toThrow("database unavailable");
    await settle();
    expect(cache.size).toBe(0);

    expect(await cache.get("org", "f1", load)).toBe("rows");
    expect(await cache.get("org", "f1", load)).toBe("rows");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("gives every request that joined a failing load the same rejection", async () => {
    const cache = new FingerprintedCache<string>(4);
    const pending = deferred<string>();
    const load = vi.fn(() => pending.promise);

    const first = cache.get("org", "f1", load);
    const second = cache.get("org", "f1", load);
    pending.reject(new Error("timeout"));

    await expect(first).rejects.toThrow("timeout");
    await expect(second).rejects.toThrow("timeout");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("keeps a newer entry when an older load for the same key fails afterwards", async () => {
    // A slow request under an old fingerprint must not evict the fresh entry that replaced it.
    const cache = new FingerprintedCache<string>(4);
    const slow = deferred<string>();
    const stale = cache.get("org", "f1", () => slow.promise);
    const freshLoad = vi.fn(async () => "fresh");
    const fresh = cache.get("org", "f2", freshLoad);

    slow.reject(new Error("cancelled"));
    await expect(stale).rejects.toThrow("cancelled");
    await settle();

    expect(await fresh).toBe("fresh");
    expect(await cache.get("org", "f2", freshLoad)).toBe("fresh");
    expect(freshLoad).toHaveBeenCalledTimes(1);
    expect(cache.size).toBe(1);
  });

  it("evicts the least recently used key beyond its capacity, keeping a recently read one", async () => {
    const cache = new FingerprintedCache<string>(2);
    const loads: string[] = [];
    const loader = (key: string) => async () => {
      loads.push(key);
      return key;
    };

    await cache.get("a", "f", loader("a"));
    await cache.get("b", "f", loader("b"));
    // Reading "a" makes "b" the least recently used, so "c" pushes "b" out rather than "a".
    await cache.get("a", "f", loader("a"));
    await cache.get("c", "f", loader("c"));
    expect(cache.size).toBe(2);
    expect(loads).toEqual(["a", "b", "c"]);

    await cache.get("a", "f", loader("a"));
    expect(loads).toEqual(["a", "b", "c"]);
    await cache.get("b", "f", loader("b"));
    expect(loads).toEqual(["a", "b", "c", "b"]);
    expect(cache.size).toBe(2);
  });

  it("keeps keys independent: a new fingerprint for one key does not reload another", async () => {
    const cache = new FingerprintedCache<string>(4);
    const headLoad = vi.fn(async () => "every team");
    const coachLoad = vi.fn(async () => "coached teams");

    expect(await cache.get("head", "f1", headLoad)).toBe("every team");
    expect(await cache.get("coach", "f1", coachLoad)).toBe("coached teams");
    expect(await cache.get("coach", "f2", coachLoad)).toBe("coached teams");
    expect(await cache.get("head", "f1", headLoad)).toBe("every team");

    expect(headLoad).toHaveBeenCalledTimes(1);
    expect(coachLoad).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(2);
  });

  it("never returns a value loaded for another key or fingerprint, and loads exactly on a miss", async () => {
    // Checked against a reference model: an ordered list of (key, fingerprint) pairs, oldest first.
    const request = fc.record({
      key: fc.constantFrom("a", "b", "c", "d"),
      fingerprint: fc.constantFrom("f1", "f2", "f3"),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.array(request, { maxLength: 40 }),
        async (max, requests) => {
          const cache = new FingerprintedCache<{ key: string; fingerprint: string; load: number }>(max);
          let model: { key: string; fingerprint: string }[] = [];
          let loads = 0;

          for (const { key, fingerprint } of requests) {
            const hit = model.some((entry) => entry.key === key && entry.fingerprint === fingerprint);
            const loadsBefore = loads;
            const value = await cache.get(key, fingerprint, async () => ({
              key,
              fingerprint,
              load: ++loads,
            }));

            expect(value).toMatchObject({ key, fingerprint });
            expect(loads).toBe(hit ? loadsBefore : loadsBefore + 1);

            model = [...model.filter((entry) => entry.key !== key), { key, fingerprint }].slice(-max);
            expect(cache.size).toBe(model.length);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
