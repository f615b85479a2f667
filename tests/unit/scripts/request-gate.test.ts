import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRequestGate } from "../../../scripts/lib/request-gate";

describe("createRequestGate", () => {
  it("admits up to the limit at once and starts the others in arrival order as places free up", () => {
    const gate = createRequestGate(2);
    const started: string[] = [];
    const releases = new Map<string, () => void>();
    for (const name of ["a", "b", "c", "d"]) {
      gate.admit((release) => {
        started.push(name);
        releases.set(name, release);
      });
    }
    expect(started).toEqual(["a", "b"]);
    expect([gate.active, gate.waiting]).toEqual([2, 2]);
    releases.get("b")!();
    expect(started).toEqual(["a", "b", "c"]);
    releases.get("a")!();
    expect(started).toEqual(["a", "b", "c", "d"]);
    expect([gate.active, gate.waiting]).toEqual([2, 0]);
  });

  it("counts a place given back twice once", () => {
    const gate = createRequestGate(1);
    const started: string[] = [];
    let releaseFirst = () => {};
    gate.admit((release) => {
      started.push("first");
      releaseFirst = release;
    });
    gate.admit(() => started.push("second"));
    gate.admit(() => started.push("third"));
    releaseFirst();
    releaseFirst();
    // Only one place came free: "third" still waits for "second".
    expect(started).toEqual(["first", "second"]);
    expect([gate.active, gate.waiting]).toEqual([1, 1]);
  });

  it("never starts a request whose client left while it waited", () => {
    const gate = createRequestGate(1);
    const started: string[] = [];
    let releaseFirst = () => {};
    gate.admit((release) => {
      started.push("first");
      releaseFirst = release;
    });
    gate.admit(
      () => started.push("gone"),
      () => true,
    );
    gate.admit(() => started.push("waiting"));
    releaseFirst();
    expect(started).toEqual(["first", "waiting"]);
  });

  it("refuses a limit below 1", () => {
    expect(() => createRequestGate(0)).toThrow(/limit of 1 or more/);
    expect(() => createRequestGate(1.5)).toThrow(/limit of 1 or more/);
  });

  it("never has more than the limit active, and starts every request once, whatever the order of releases", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        (limit, picks) => {
          const gate = createRequestGate(limit);
          const running: (() => void)[] = [];
          let startedCount = 0;
          let most = 0;
          for (let index = 0; index < picks.length; index += 1) {
            gate.admit((release) => {
              startedCount += 1;
              running.push(release);
              most = Math.max(most, gate.active);
            });
          }
          // Finish requests in an arbitrary order until none is left.
          for (const pick of picks) {
            if (running.length === 0) break;
            running.splice(pick % running.length, 1)[0]!();
          }
          while (running.length > 0) running.shift()!();
          return most <= limit && startedCount === picks.length && gate.active === 0 && gate.waiting === 0;
        },
      ),
    );
  });
});
