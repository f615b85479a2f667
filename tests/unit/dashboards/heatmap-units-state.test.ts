/**
 * The heatmap keeps its units' open/closed state in the address: read back exactly as written,
 * with the filters and sort beside it untouched, and the page's default when the address has none.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  unitsStateFromSearch,
  writeUnitsSearch,
  type UnitsState,
} from "@/features/dashboards/heatmap-encoding";

describe("the units' state in the address", () => {
  it("falls back to the page's default without a units parameter, or with one it does not know", () => {
    expect(unitsStateFromSearch(new URLSearchParams("cycle=2026-q3"), true)).toEqual({
      open: true,
      toggled: new Set(),
    });
    expect(unitsStateFromSearch(new URLSearchParams("units=sideways&except=a"), false)).toEqual({
      open: false,
      toggled: new Set(),
    });
    expect(unitsStateFromSearch(null, false)).toEqual({ open: false, toggled: new Set() });
  });

  it("reads the default and the units toggled one by one", () => {
    expect(unitsStateFromSearch(new URLSearchParams("units=closed&except=u1,u2"), true)).toEqual({
      open: false,
      toggled: new Set(["u1", "u2"]),
    });
  });

  it("writes only its own parameters and drops `except` when no unit differs from the default", () => {
    const search = new URLSearchParams("cycle=2026-q3&sort=overall&except=stale");
    writeUnitsSearch(search, { open: true, toggled: new Set() });
    expect(search.toString()).toBe("cycle=2026-q3&sort=overall&units=open");
  });

  it("reads back whatever it wrote", () => {
    const unitId = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.uniqueArray(unitId, { maxLength: 6 }),
        fc.boolean(),
        (open, ids, fallback) => {
          const state: UnitsState = { open, toggled: new Set(ids) };
          const search = new URLSearchParams("unit=payments&band=high");
          writeUnitsSearch(search, state);
          const read = unitsStateFromSearch(new URLSearchParams(search.toString()), fallback);
          expect(read).toEqual(state);
          expect(search.get("unit")).toBe("payments");
          expect(search.get("band")).toBe("high");
        },
      ),
    );
  });
});
