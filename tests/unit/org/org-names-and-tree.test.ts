import { describe, expect, it } from "vitest";
import { nameKey, normaliseName, slugify, uniqueSlug } from "../../../src/domain/org/names";
import { buildTree, descendantIds, unitPath, wouldCreateCycle } from "../../../src/domain/org/org-tree";

describe("names and slugs", () => {
  it("normalises spacing and compares without case", () => {
    expect(normaliseName("  Card   Services ")).toBe("Card Services");
    expect(nameKey(" card SERVICES")).toBe(nameKey("Card Services"));
  });

  it.each([
    ["Payments", "payments"],
    ["Card Processing & Fraud", "card-processing-fraud"],
    ["Café Über", "cafe-uber"],
    ["  --Data  Platform-- ", "data-platform"],
    ["日本", "unit"],
  ])("slugifies %j as %j", (name, slug) => {
    expect(slugify(name, "unit")).toBe(slug);
  });

  it("keeps slugs at most 60 characters without a trailing hyphen", () => {
    const slug = slugify(`${"a".repeat(59)} b`, "unit");
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith("-")).toBe(false);
  });

  it("adds the smallest free number when a slug is taken", () => {
    expect(uniqueSlug("Payments", new Set(), "unit")).toBe("payments");
    expect(uniqueSlug("Payments", new Set(["payments"]), "unit")).toBe("payments-2");
    expect(uniqueSlug("Payments", new Set(["payments", "payments-2"]), "unit")).toBe("payments-3");
  });
});

describe("org tree", () => {
  const units = [
    { id: "root", parentId: null, name: "Root" },
    { id: "a", parentId: "root", name: "A" },
    { id: "b", parentId: "a", name: "B" },
    { id: "c", parentId: "root", name: "C" },
    { id: "other", parentId: null, name: "Other" },
  ];

  it("finds every unit below a unit", () => {
    expect([...descendantIds(units, "root")].sort()).toEqual(["a", "b", "c"]);
    expect([...descendantIds(units, "b")]).toEqual([]);
  });

  it("refuses moves that would put a unit inside itself", () => {
    expect(wouldCreateCycle(units, "a", "a")).toBe(true);
    expect(wouldCreateCycle(units, "a", "b")).toBe(true);
    expect(wouldCreateCycle(units, "root", "b")).toBe(true);
    expect(wouldCreateCycle(units, "b", "c")).toBe(false);
    expect(wouldCreateCycle(units, "a", null)).toBe(false);
    expect(wouldCreateCycle(units, "a", "other")).toBe(false);
  });

  it("builds a nested tree sorted by name, with depths", () => {
    const tree = buildTree(units);
    expect(tree.map((node) => node.unit.id)).toEqual(["other", "root"]);
    const root = tree[1]!;
    expect(root.children.map((node) => node.unit.id)).toEqual(["a", "c"]);
    expect(root.children[0]!.children[0]!.unit.id).toBe("b");
    expect(root.children[0]!.children[0]!.depth).toBe(2);
  });

  it("shows the path of a unit from the top", () => {
    expect(unitPath(new Map(units.map((unit) => [unit.id, unit])), "b")).toBe("Root / A / B");
  });
});
