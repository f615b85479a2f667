import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/access/policy";
import {
  archiveOrgUnit,
  archiveTeam,
  createOrgUnit,
  createTeam,
  moveOrgUnit,
  moveTeam,
  renameOrgUnit,
  renameTeam,
  unarchiveOrgUnit,
  unarchiveTeam,
} from "@/server/admin/org-mutations";
import { getOrgStructure, getOrgUnitForAdmin } from "@/server/admin/org-queries";
import { db } from "@/server/db";
import { actorFor, auditCount, createUser } from "./fixtures";

let admin: Actor;

beforeAll(async () => {
  admin = await actorFor(await createUser("admin@example.com", [{ role: "admin" }]));
});

describe("org units", () => {
  it("creates units with slugs from their names, unique even when two names share a slug", async () => {
    const platform = await createOrgUnit(admin, { name: "Data Platform", parentId: null });
    expect(platform.slug).toBe("data-platform");
    const lookalike = await createOrgUnit(admin, { name: "Data-Platform", parentId: null });
    expect(lookalike.slug).toBe("data-platform-2");
    const child = await createOrgUnit(admin, { name: "Streaming", parentId: platform.id });
    expect(await db.orgUnit.findUniqueOrThrow({ where: { id: child.id } })).toMatchObject({
      parentId: platform.id,
      slug: "streaming",
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: child.id } });
    expect(event.action).toBe("org_unit.created");
    expect(JSON.parse(event.after!)).toEqual({
      name: "Streaming",
      slug: "streaming",
      parentId: platform.id,
      parent: "Data Platform",
    });
  });

  it("refuses a name already used by another unit, whatever its case", async () => {
    await createOrgUnit(admin, { name: "Payments", parentId: null });
    const before = await auditCount();
    await expect(createOrgUnit(admin, { name: "PAYMENTS", parentId: null })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { name: ["An org unit named Payments already exists."] },
    });
    expect(await auditCount()).toBe(before);
  });

  it("renames a unit, keeping its slug, and records the old and new names", async () => {
    const unit = await createOrgUnit(admin, { name: "Logistics", parentId: null });
    await renameOrgUnit(admin, { orgUnitId: unit.id, name: "Fulfilment" });
    expect(await db.orgUnit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({
      name: "Fulfilment",
      slug: "logistics",
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: unit.id, action: "org_unit.renamed" },
    });
    expect([JSON.parse(event.before!), JSON.parse(event.after!)]).toEqual([
      { name: "Logistics" },
      { name: "Fulfilment" },
    ]);
    await expect(renameOrgUnit(admin, { orgUnitId: unit.id, name: "payments" })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("moves a unit, and refuses to put a unit under itself or under a unit inside it", async () => {
    const top = await createOrgUnit(admin, { name: "Commerce", parentId: null });
    const middle = await createOrgUnit(admin, { name: "Retail", parentId: top.id });
    const bottom = await createOrgUnit(admin, { name: "Stores", parentId: middle.id });
    const elsewhere = await createOrgUnit(admin, { name: "Corporate", parentId: null });
    const before = await auditCount();

    await expect(moveOrgUnit(admin, { orgUnitId: top.id, parentId: bottom.id })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { parentId: ["Commerce cannot move under Stores, because Stores is inside Commerce."] },
    });
    await expect(moveOrgUnit(admin, { orgUnitId: middle.id, parentId: middle.id })).rejects.toMatchObject({
      fieldErrors: { parentId: ["Retail cannot be placed under itself."] },
    });
    expect(await auditCount()).toBe(before);
    expect((await db.orgUnit.findUniqueOrThrow({ where: { id: top.id } })).parentId).toBeNull();

    await moveOrgUnit(admin, { orgUnitId: middle.id, parentId: elsewhere.id });
    expect((await db.orgUnit.findUniqueOrThrow({ where: { id: middle.id } })).parentId).toBe(elsewhere.id);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: middle.id, action: "org_unit.moved" },
    });
    expect(JSON.parse(event.after!)).toEqual({ parentId: elsewhere.id, parent: "Corporate" });

    await moveOrgUnit(admin, { orgUnitId: middle.id, parentId: null });
    expect((await db.orgUnit.findUniqueOrThrow({ where: { id: middle.id } })).parentId).toBeNull();
  });

  it("refuses to archive a unit with active teams or active units inside, then archives it once they are gone", async () => {
    const unit = await createOrgUnit(admin, { name: "Marketing", parentId: null });
    const team = await createTeam(admin, { name: "Campaigns", orgUnitId: unit.id });
    const child = await createOrgUnit(admin, { name: "Brand", parentId: unit.id });

    await expect(archiveOrgUnit(admin, { orgUnitId: unit.id })).rejects.toMatchObject({
      code: "conflict",
      message: "Marketing still has 1 active team. Move or archive it first.",
    });
    await archiveTeam(admin, { teamId: team.id });
    await expect(archiveOrgUnit(admin, { orgUnitId: unit.id })).rejects.toMatchObject({
      message: "Marketing still has 1 active org unit below it. Move or archive it first.",
    });
    await archiveOrgUnit(admin, { orgUnitId: child.id });
    await archiveOrgUnit(admin, { orgUnitId: unit.id });
    expect((await db.orgUnit.findUniqueOrThrow({ where: { id: unit.id } })).archivedAt).toBeInstanceOf(Date);
    await expect(archiveOrgUnit(admin, { orgUnitId: unit.id })).rejects.toMatchObject({
      message: "Marketing is already archived.",
    });

    // Nothing new can go into an archived unit, and what is inside it stays archived until it is back.
    await expect(createTeam(admin, { name: "Events", orgUnitId: unit.id })).rejects.toMatchObject({
      fieldErrors: { orgUnitId: ["Marketing is archived; choose an active org unit."] },
    });
    await expect(unarchiveOrgUnit(admin, { orgUnitId: child.id })).rejects.toMatchObject({
      message: "Brand is inside Marketing, which is archived. Unarchive Marketing first, or move Brand.",
    });
    await expect(unarchiveTeam(admin, { teamId: team.id })).rejects.toMatchObject({
      message:
        "Campaigns belongs to Marketing, which is archived. Unarchive Marketing first, or move the team.",
    });
    await unarchiveOrgUnit(admin, { orgUnitId: unit.id });
    await unarchiveTeam(admin, { teamId: team.id });
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).archivedAt).toBeNull();
    const actions = (
      await db.auditEvent.findMany({ where: { entityId: unit.id }, orderBy: [{ at: "asc" }, { id: "asc" }] })
    ).map((event) => event.action);
    expect(actions).toEqual(["org_unit.created", "org_unit.archived", "org_unit.unarchived"]);
  });

  it("lists the tree with team counts, and offers only units outside a unit's own subtree as new parents", async () => {
    const top = await createOrgUnit(admin, { name: "Engineering", parentId: null });
    const child = await createOrgUnit(admin, { name: "Platform", parentId: top.id });
    await createTeam(admin, { name: "Kubernetes", orgUnitId: child.id });
    const structure = await getOrgStructure(admin);
    const engineering = structure.tree.find((node) => node.unit.id === top.id)!;
    expect(engineering.children.map((node) => [node.unit.name, node.unit.activeTeams])).toEqual([
      ["Platform", 1],
    ]);
    const detail = await getOrgUnitForAdmin(admin, top.id);
    const offered = detail.parentOptions.map((option) => option.id);
    expect(offered).not.toContain(top.id);
    expect(offered).not.toContain(child.id);
  });
});

describe("teams", () => {
  it("creates, renames, moves, archives and unarchives a team, each with an audit event carrying the team", async () => {
    const from = await createOrgUnit(admin, { name: "Finance", parentId: null });
    const to = await createOrgUnit(admin, { name: "Treasury", parentId: null });
    const team = await createTeam(admin, { name: "Ledger", orgUnitId: from.id });
    expect(team.slug).toBe("ledger");

    await expect(createTeam(admin, { name: "ledger", orgUnitId: to.id })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { name: ["A team named Ledger already exists."] },
    });

    await renameTeam(admin, { teamId: team.id, name: "General Ledger" });
    await moveTeam(admin, { teamId: team.id, orgUnitId: to.id });
    await archiveTeam(admin, { teamId: team.id });
    await expect(archiveTeam(admin, { teamId: team.id })).rejects.toMatchObject({
      message: "General Ledger is already archived.",
    });
    await unarchiveTeam(admin, { teamId: team.id });

    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({
      name: "General Ledger",
      slug: "ledger",
      orgUnitId: to.id,
      archivedAt: null,
    });
    const events = await db.auditEvent.findMany({
      where: { entityId: team.id },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    expect(events.map((event) => event.action)).toEqual([
      "team.created",
      "team.renamed",
      "team.moved",
      "team.archived",
      "team.unarchived",
    ]);
    expect(events.every((event) => event.teamId === team.id)).toBe(true);
    expect(JSON.parse(events[2]!.after!)).toEqual({ orgUnitId: to.id, orgUnit: "Treasury" });
  });

  it("refuses to move a team into an archived unit or one that does not exist", async () => {
    const unit = await createOrgUnit(admin, { name: "Sales", parentId: null });
    const closed = await createOrgUnit(admin, { name: "Closed", parentId: null });
    await archiveOrgUnit(admin, { orgUnitId: closed.id });
    const team = await createTeam(admin, { name: "Quotes", orgUnitId: unit.id });
    await expect(moveTeam(admin, { teamId: team.id, orgUnitId: closed.id })).rejects.toMatchObject({
      code: "validation",
    });
    await expect(moveTeam(admin, { teamId: team.id, orgUnitId: "missing" })).rejects.toMatchObject({
      fieldErrors: { orgUnitId: ["Choose an existing org unit"] },
    });
    await expect(renameTeam(admin, { teamId: "missing", name: "X" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
