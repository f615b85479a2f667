import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/access/policy";
import {
  importOrganisation,
  previewOrganisationImport,
  type UploadedImportFile,
} from "@/server/admin/import-mutations";
import { db } from "@/server/db";
import { actorFor, auditCount, createTeamIn, createUnit, createUser } from "./fixtures";

let admin: Actor;
let paymentsId: string;

function csvFile(text: string, name = "organisation.csv"): UploadedImportFile {
  const bytes = new TextEncoder().encode(text);
  return { name, type: "text/csv", size: bytes.length, bytes };
}

const HEADER = "type,name,email,org_unit,parent_org_unit,team,role";

beforeAll(async () => {
  admin = await actorFor(await createUser("admin@example.com", [{ role: "admin" }]));
  paymentsId = await createUnit("Payments");
  await createTeamIn(paymentsId, "Checkout");
});

async function snapshotCounts() {
  const [units, teams, users, roles, events] = await Promise.all([
    db.orgUnit.count(),
    db.team.count(),
    db.user.count(),
    db.roleAssignment.count(),
    auditCount(),
  ]);
  return { units, teams, users, roles, events };
}

describe("importing an organisation", () => {
  it("imports the documented example file completely, in one go, with audit events", async () => {
    const example = readFileSync("docs/examples/organisation-import.csv");
    const file: UploadedImportFile = {
      name: "organisation-import.csv",
      type: "text/csv",
      size: example.length,
      bytes: new Uint8Array(example),
    };
    const before = await snapshotCounts();

    const preview = await previewOrganisationImport(admin, file);
    expect(preview.issues).toEqual([]);
    expect(await snapshotCounts()).toEqual(before);

    const counts = await importOrganisation(admin, file);
    expect(counts).toEqual(preview.counts);
    expect(counts.orgUnits).toBeGreaterThan(0);
    expect(counts.teams).toBeGreaterThan(0);
    expect(counts.people).toBeGreaterThan(0);

    const after = await snapshotCounts();
    expect(after.units - before.units).toBe(counts.orgUnits);
    expect(after.teams - before.teams).toBe(counts.teams);
    expect(after.users - before.users).toBe(counts.people);
    expect(after.roles - before.roles).toBe(counts.roles);
    // One event per unit, team, person and role, and one for the import itself.
    expect(after.events - before.events).toBe(
      counts.orgUnits + counts.teams + counts.people + counts.roles + 1,
    );
    const completed = await db.auditEvent.findFirstOrThrow({ where: { action: "import.completed" } });
    expect(JSON.parse(completed.after!)).toEqual({ fileName: "organisation-import.csv", ...counts });
  });

  it("creates units under their parents, teams in their units and people with their roles", async () => {
    const file = csvFile(
      [
        HEADER,
        "person,Ada Lee,ada@example.com,,,Tills,team_lead",
        "team,Tills,,Stores,,,",
        "org_unit,Stores,,,High Street,,",
        "org_unit,High Street,,,Payments,,",
        "person,Sam Ortiz,sam@example.com,High Street,,,coach",
        "role,,sam@example.com,,,Checkout,member",
      ].join("\r\n"),
    );
    expect(await importOrganisation(admin, file)).toEqual({ orgUnits: 2, teams: 1, people: 2, roles: 3 });

    const retail = await db.orgUnit.findFirstOrThrow({ where: { name: "High Street" } });
    const stores = await db.orgUnit.findFirstOrThrow({ where: { name: "Stores" } });
    expect(retail).toMatchObject({ parentId: paymentsId, slug: "high-street" });
    expect(stores.parentId).toBe(retail.id);
    const tills = await db.team.findFirstOrThrow({ where: { name: "Tills" } });
    expect(tills).toMatchObject({ orgUnitId: stores.id, slug: "tills" });

    const ada = await db.user.findUniqueOrThrow({
      where: { email: "ada@example.com" },
      include: { roles: true, accounts: true },
    });
    expect(ada.roles.map((role) => [role.role, role.teamId])).toEqual([["team_lead", tills.id]]);
    // Imported people have no password until an admin sets one.
    expect(ada.accounts).toEqual([]);
    const sam = await db.user.findUniqueOrThrow({
      where: { email: "sam@example.com" },
      include: { roles: { orderBy: { role: "asc" } } },
    });
    expect(sam.roles.map((role) => role.role)).toEqual(["coach", "member"]);
    expect(sam.roles[0]!.orgUnitId).toBe(retail.id);
  });

  it("imports nothing when one row is bad, and reports that row with its line and column", async () => {
    const file = csvFile(
      [
        HEADER,
        "org_unit,Wholesale,,,,,",
        "team,Pricing,,Wholesale,,,",
        "person,Kim Park,kim@example.com,,,Pricing,member",
        "person,Lee Wong,lee@example.com,,,Pricing,manager",
        "person,Jo Smith,jo@example.com,,,Checkout,member",
      ].join("\n"),
    );
    const before = await snapshotCounts();

    const preview = await previewOrganisationImport(admin, file);
    expect(preview.issues).toEqual([
      {
        line: 5,
        column: "role",
        message: "Unknown role “manager”. Use one of: admin, head_of_engineering, coach, team_lead, member.",
      },
    ]);

    const rejection = await importOrganisation(admin, file).catch((error: unknown) => error);
    expect(rejection).toMatchObject({
      code: "validation",
      message: "The file has 1 problem, so nothing was imported. Fix it and upload the file again.",
      details: { issues: preview.issues },
    });
    expect(await snapshotCounts()).toEqual(before);
    expect(await db.user.findUnique({ where: { email: "kim@example.com" } })).toBeNull();
  });

  it("checks the file again at import time, so a conflict that appeared after the preview imports nothing", async () => {
    const file = csvFile(
      [HEADER, "org_unit,Marketing,,,,,", "person,Max Roe,max@example.com,Marketing,,,coach"].join("\n"),
    );
    expect((await previewOrganisationImport(admin, file)).issues).toEqual([]);
    await createUser("max@example.com");
    const before = await snapshotCounts();
    await expect(importOrganisation(admin, file)).rejects.toMatchObject({
      details: {
        issues: [
          { line: 3, column: "email", message: "A person with the email max@example.com already exists." },
        ],
      },
    });
    expect(await snapshotCounts()).toEqual(before);
  });

  it.each([
    [
      "an empty file",
      csvFile(""),
      "The file is empty. Choose a CSV file with a header row and at least one row.",
    ],
    [
      "a file that is not CSV",
      { ...csvFile("%PDF-1.7"), name: "org.pdf", type: "application/pdf" },
      "That is not a CSV file. Choose a file ending in .csv, saved as “CSV UTF-8”.",
    ],
    [
      "a file with the wrong header",
      csvFile("name,email\nAda,ada@example.com"),
      "The header row is missing the columns type, org_unit",
    ],
    ["a file that is too big", { ...csvFile(HEADER), size: 1_000_001 }, "the limit is 1 MB"],
  ])("explains what is wrong with %s", async (_kind, file, message) => {
    const preview = await previewOrganisationImport(admin, file);
    expect(preview.issues[0]?.message).toContain(message);
    expect(preview.counts).toEqual({ orgUnits: 0, teams: 0, people: 0, roles: 0 });
    await expect(importOrganisation(admin, file)).rejects.toMatchObject({ code: "validation" });
  });
});
