/**
 * Two admins changing the organisation at the same moment, on both databases: every change is
 * checked against the organisation as the other one left it. Without that, on PostgreSQL two moves
 * could each pass the "not inside itself" check and put two units inside each other (both then
 * vanish from the tree), and two creates or renames could give two teams one name.
 *
 * The interleavings are forced (tests/support/held-transaction.ts): a transaction held open keeps
 * the first change waiting after its checks while the second one is made.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/access/policy";
import {
  createOrgUnit,
  createTeam,
  moveOrgUnit,
  renameOrgUnit,
  renameTeam,
} from "@/server/admin/org-mutations";
import { importOrganisation } from "@/server/admin/import-mutations";
import { getOrgStructure } from "@/server/admin/org-queries";
import { db } from "@/server/db";
import { follow, holdTransaction, onPostgres, untilWaitingOrSettled } from "../../support/held-transaction";
import { actorFor, createTeamIn, createUnit, createUser } from "./fixtures";

let admin: Actor;
let otherAdmin: Actor;
beforeAll(async () => {
  admin = await actorFor(await createUser("admin@example.com", [{ role: "admin" }]));
  otherAdmin = await actorFor(await createUser("other.admin@example.com", [{ role: "admin" }]));
});

/** Holds a row with a lock that a write to it, or a new row referring to it, waits for. */
function holdRow(table: "org_unit" | "team", id: string) {
  return holdTransaction(async (tx) => {
    if (onPostgres()) await tx.$queryRawUnsafe(`SELECT "id" FROM "${table}" WHERE "id" = $1 FOR UPDATE`, id);
    // On SQLite the open transaction alone keeps every other write waiting.
    else await tx.$queryRawUnsafe(`SELECT "id" FROM "${table}" WHERE "id" = ?`, id);
  });
}

/** Runs `first` until it waits on the held row, then `second`, then lets both finish. */
async function oneThenTheOther(
  held: Promise<{ release(): Promise<void> }>,
  first: () => Promise<unknown>,
  second: () => Promise<unknown>,
) {
  const holding = await held;
  const one = follow(first());
  await untilWaitingOrSettled(1, [one]);
  const other = follow(second());
  await untilWaitingOrSettled(2, [other]);
  await holding.release();
  return [await one.outcome, await other.outcome] as const;
}

interface Node {
  unit: { name: string };
  children: Node[];
}

function namesInTree(nodes: readonly Node[]): string[] {
  return nodes.flatMap((node) => [node.unit.name, ...namesInTree(node.children)]);
}

describe("moving org units at the same moment", () => {
  it("never puts two units inside each other: the second move is refused", async () => {
    const alpha = await createUnit("Alpha");
    const beta = await createUnit("Beta");
    await createTeamIn(alpha, "Alpha Team");

    const [first, second] = await oneThenTheOther(
      holdRow("org_unit", alpha),
      () => moveOrgUnit(admin, { orgUnitId: alpha, parentId: beta }),
      () => moveOrgUnit(otherAdmin, { orgUnitId: beta, parentId: alpha }),
    );

    const outcomes = [first, second];
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    const refused = outcomes.find((outcome) => !outcome.ok)!;
    expect(refused).toMatchObject({ ok: false, error: { code: "validation" } });
    expect(refused.ok || refused.error.message).toMatch(
      /^(Alpha cannot move under Beta, because Beta is inside Alpha|Beta cannot move under Alpha, because Alpha is inside Beta)\.$/,
    );
    const parents = new Map(
      (await db.orgUnit.findMany({ where: { id: { in: [alpha, beta] } } })).map((unit) => [
        unit.id,
        unit.parentId,
      ]),
    );
    expect(parents.get(alpha) === beta && parents.get(beta) === alpha).toBe(false);
    // Both units, and the team, are still found in the tree /admin/org shows.
    const tree = (await getOrgStructure(admin)).tree;
    expect(namesInTree(tree)).toEqual(expect.arrayContaining(["Alpha", "Beta"]));
  });
});

describe("naming at the same moment", () => {
  it.each([
    {
      what: "two teams created with one name",
      prepare: async () => {
        const unit = await createUnit("Discovery");
        return {
          held: holdRow("org_unit", unit),
          first: () => createTeam(admin, { name: "Search", orgUnitId: unit }),
          second: () => createTeam(otherAdmin, { name: "SEARCH", orgUnitId: unit }),
          taken: /^A team named (Search|SEARCH) already exists\.$/,
          count: () => db.team.count({ where: { name: { in: ["Search", "SEARCH"] } } }),
        };
      },
    },
    {
      what: "two org units created with one name",
      prepare: async () => {
        const parent = await createUnit("Commerce");
        return {
          held: holdRow("org_unit", parent),
          first: () => createOrgUnit(admin, { name: "Checkout", parentId: parent }),
          second: () => createOrgUnit(otherAdmin, { name: "checkout", parentId: parent }),
          taken: /^An org unit named (Checkout|checkout) already exists\.$/,
          count: () => db.orgUnit.count({ where: { name: { in: ["Checkout", "checkout"] } } }),
        };
      },
    },
    {
      what: "two teams renamed to one name",
      prepare: async () => {
        const unit = await createUnit("Money");
        const billing = await createTeamIn(unit, "Billing");
        const invoices = await createTeamIn(unit, "Invoices");
        return {
          held: holdRow("team", billing),
          first: () => renameTeam(admin, { teamId: billing, name: "Payouts" }),
          second: () => renameTeam(otherAdmin, { teamId: invoices, name: "Payouts" }),
          taken: /^A team named Payouts already exists\.$/,
          count: () => db.team.count({ where: { name: "Payouts" } }),
        };
      },
    },
    {
      what: "two org units renamed to one name",
      prepare: async () => {
        const north = await createUnit("North");
        const south = await createUnit("South");
        return {
          held: holdRow("org_unit", north),
          first: () => renameOrgUnit(admin, { orgUnitId: north, name: "Regions" }),
          second: () => renameOrgUnit(otherAdmin, { orgUnitId: south, name: "Regions" }),
          taken: /^An org unit named Regions already exists\.$/,
          count: () => db.orgUnit.count({ where: { name: "Regions" } }),
        };
      },
    },
  ])("$what: one is made, the other is told the name is taken", async ({ prepare }) => {
    const { held, first, second, taken, count } = await prepare();
    const outcomes = await oneThenTheOther(held, first, second);

    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    const refused = outcomes.find((outcome) => !outcome.ok)!;
    expect(refused).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(refused.ok || refused.error.message).toMatch(taken);
    expect(await count()).toBe(1);
  });

  it("an import and a create of one team name: the import is refused with that row's problem", async () => {
    const unit = await createUnit("Research");
    const csv = "type,name,email,org_unit,parent_org_unit,team,role\nteam,Analytics,,Research,,,\n";
    const bytes = new TextEncoder().encode(csv);
    const [created, imported] = await oneThenTheOther(
      holdRow("org_unit", unit),
      () => createTeam(admin, { name: "Analytics", orgUnitId: unit }),
      () =>
        importOrganisation(otherAdmin, { name: "teams.csv", type: "text/csv", size: bytes.length, bytes }),
    );

    expect(created).toMatchObject({ ok: true });
    expect(imported).toMatchObject({ ok: false, error: { code: "validation" } });
    expect(await db.team.count({ where: { name: "Analytics" } })).toBe(1);
  });

  it("answers that the name is taken when it was taken by a write the checks could not see yet", async () => {
    // Another writer (such as an instance still running the previous version during an upgrade)
    // has created "Insights" and not committed yet: the create below passes its name check, and
    // then meets the database's unique index on the slug.
    const unit = await createUnit("Data");
    const other = await holdTransaction((tx) =>
      tx.team.create({ data: { name: "Insights", slug: "insights", orgUnitId: unit } }),
    );
    const creating = follow(createTeam(admin, { name: "Insights", orgUnitId: unit }));
    await untilWaitingOrSettled(1, [creating]);
    await other.release();

    expect(await creating.outcome).toMatchObject({
      ok: false,
      error: { code: "conflict", message: "A team named Insights already exists." },
    });
    expect(await db.team.count({ where: { name: "Insights" } })).toBe(1);
  });
});
