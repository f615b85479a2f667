import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readImportRecords, type ImportRecord } from "../../../src/domain/import/organisation-csv";
import {
  planOrganisationImport,
  type ExistingOrganisation,
} from "../../../src/domain/import/plan-organisation-import";

const HEADER = "type,name,email,org_unit,parent_org_unit,team,role";

function records(...rows: string[]): ImportRecord[] {
  const outcome = readImportRecords([HEADER, ...rows].join("\n"));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.value;
}

const existing: ExistingOrganisation = {
  orgUnits: [
    { id: "u-payments", name: "Payments", slug: "payments", archived: false },
    { id: "u-legacy", name: "Legacy", slug: "legacy", archived: true },
    { id: "u-retail", name: "Retail", slug: "retail", archived: false },
  ],
  teams: [
    { id: "t-checkout", name: "Checkout", slug: "checkout", orgUnitId: "u-payments", archived: false },
    { id: "t-old", name: "Old Team", slug: "old-team", orgUnitId: "u-legacy", archived: true },
  ],
  emails: ["admin@example.com"],
};

describe("planOrganisationImport: a valid file", () => {
  const plan = planOrganisationImport(
    records(
      "person,Ada Lee,Ada.Lee@Example.com,,,Point of Sale,team_lead",
      "team,Point of Sale,,Stores,,,",
      "org_unit,Stores,,,Commerce,,",
      "org_unit,Commerce,,,,,",
      "org_unit,Retail Payments,,,Payments,,",
      "person,Sam Ortiz,sam@example.com,Commerce,,,Coach",
      "role,Sam Ortiz,sam@example.com,,,Checkout,member",
      "role,,sam@example.com,Stores,,Point of Sale,team lead",
      "person,Pat Kim,pat@example.com,,,,",
    ),
    existing,
  );

  it("has no issues", () => {
    expect(plan.issues).toEqual([]);
  });

  it("orders org units parents first, whatever the order in the file", () => {
    expect(plan.orgUnits.map((unit) => [unit.name, unit.parent?.name ?? null])).toEqual([
      ["Commerce", null],
      ["Stores", "Commerce"],
      ["Retail Payments", "Payments"],
    ]);
    expect(plan.orgUnits[1]!.parent).toEqual({ kind: "new", line: 5, name: "Commerce" });
    expect(plan.orgUnits[2]!.parent).toEqual({ kind: "existing", id: "u-payments", name: "Payments" });
  });

  it("gives new units and teams slugs from their names", () => {
    expect(plan.orgUnits.map((unit) => unit.slug)).toEqual(["commerce", "stores", "retail-payments"]);
    expect(plan.teams).toEqual([
      {
        line: 3,
        name: "Point of Sale",
        slug: "point-of-sale",
        orgUnit: { kind: "new", line: 4, name: "Stores" },
      },
    ]);
  });

  it("collects each person's roles from their row and from role rows, with lower-case emails", () => {
    expect(plan.people.map((person) => [person.email, person.roles.map((role) => role.role)])).toEqual([
      ["ada.lee@example.com", ["team_lead"]],
      ["sam@example.com", ["coach", "member", "team_lead"]],
      ["pat@example.com", []],
    ]);
    const sam = plan.people[1]!;
    expect(sam.roles[0]!.orgUnit).toEqual({ kind: "new", line: 5, name: "Commerce" });
    expect(sam.roles[1]!.team).toEqual({ kind: "existing", id: "t-checkout", name: "Checkout" });
    expect(sam.roles[2]!.team).toEqual({ kind: "new", line: 3, name: "Point of Sale" });
  });

  it("accepts a reference by slug and makes slugs unique against existing ones", () => {
    const bySlug = planOrganisationImport(
      records("team,Payments Core,,payments,,,", "org_unit,Retail!,,,,,"),
      {
        ...existing,
        orgUnits: [
          ...existing.orgUnits,
          { id: "u-x", name: "Retail Shops", slug: "retail-2", archived: false },
        ],
      },
    );
    expect(bySlug.issues).toEqual([]);
    expect(bySlug.teams[0]!.orgUnit).toEqual({ kind: "existing", id: "u-payments", name: "Payments" });
    // "Retail!" is a new name, but its slug "retail" and "retail-2" are taken.
    expect(bySlug.orgUnits[0]!.slug).toBe("retail-3");
  });
});

describe("planOrganisationImport: problems are reported with line and column", () => {
  const issuesOf = (...rows: string[]) => planOrganisationImport(records(...rows), existing).issues;

  it.each([
    [
      ["widget,A,,,,,"],
      {
        line: 2,
        column: "type",
        message: "Unknown type “widget”. Use one of: org_unit, team, person, role.",
      },
    ],
    [
      [",A,,,,,"],
      { line: 2, column: "type", message: "The type is missing. Use one of: org_unit, team, person, role." },
    ],
    [["org_unit,,,,,,"], { line: 2, column: "name", message: "The org unit name is missing." }],
    [
      ["org_unit,payments,,,,,"],
      { line: 2, column: "name", message: "An org unit named “Payments” already exists." },
    ],
    [
      ["org_unit,Legacy,,,,,"],
      { line: 2, column: "name", message: "An org unit named “Legacy” already exists (archived)." },
    ],
    [
      ["org_unit,A,,,Nowhere,,"],
      {
        line: 2,
        column: "parent_org_unit",
        message: "There is no org unit “Nowhere” in this file or in the organisation.",
      },
    ],
    [
      ["org_unit,A,,,A,,"],
      { line: 2, column: "parent_org_unit", message: "An org unit cannot be its own parent." },
    ],
    [
      ["org_unit,A,,Payments,,,"],
      { line: 2, column: "org_unit", message: "Leave org_unit empty on org_unit rows." },
    ],
    [
      ["team,Search,,,,,"],
      { line: 2, column: "org_unit", message: "Name the org unit this team belongs to." },
    ],
    [
      ["team,Search,,Legacy,,,"],
      {
        line: 2,
        column: "org_unit",
        message: "The org unit “Legacy” is archived. Unarchive it first, or use another unit.",
      },
    ],
    [
      ["team,checkout,,Payments,,,"],
      { line: 2, column: "name", message: "A team named “Checkout” already exists." },
    ],
    [
      ["person,Ada,not-an-email,,,,"],
      { line: 2, column: "email", message: "“not-an-email” is not an email address like name@example.com." },
    ],
    [["person,Ada,,,,,"], { line: 2, column: "email", message: "The email is missing." }],
    [
      ["person,Ada,ADMIN@example.com,,,,"],
      { line: 2, column: "email", message: "A person with the email admin@example.com already exists." },
    ],
    [
      ["person,Ada,a@example.com,,,,boss"],
      {
        line: 2,
        column: "role",
        message: "Unknown role “boss”. Use one of: admin, head_of_engineering, coach, team_lead, member.",
      },
    ],
    [
      ["person,Ada,a@example.com,,,Checkout,admin"],
      { line: 2, column: "team", message: "The admin role covers the whole organisation; leave team empty." },
    ],
    [
      ["person,Ada,a@example.com,,,,coach"],
      { line: 2, column: "org_unit", message: "Name the org unit this person coaches." },
    ],
    [
      ["person,Ada,a@example.com,Payments,,Checkout,coach"],
      {
        line: 2,
        column: "team",
        message: "A coach is assigned to an org unit, not a team; leave team empty.",
      },
    ],
    [
      ["person,Ada,a@example.com,,,,member"],
      { line: 2, column: "team", message: "Name the team for the member role." },
    ],
    [
      ["person,Ada,a@example.com,,,Nowhere,member"],
      { line: 2, column: "team", message: "There is no team “Nowhere” in this file or in the organisation." },
    ],
    [
      ["person,Ada,a@example.com,,,Old Team,member"],
      {
        line: 2,
        column: "team",
        message: "The team “Old Team” is archived. Unarchive it first, or use another team.",
      },
    ],
    [
      ["person,Ada,a@example.com,Retail,,Checkout,member"],
      { line: 2, column: "org_unit", message: "The team “Checkout” is not in the org unit “Retail”." },
    ],
    [
      ["person,Ada,a@example.com,,,Checkout,"],
      {
        line: 2,
        column: "team",
        message: "This column only applies with a role: add a role, or leave it empty.",
      },
    ],
    [
      ["role,,b@example.com,,,Checkout,member"],
      { line: 2, column: "email", message: "No person with the email b@example.com is listed in this file." },
    ],
    [
      ["role,,admin@example.com,,,Checkout,member"],
      {
        line: 2,
        column: "email",
        message:
          "Role rows add roles to people listed in this file; give admin@example.com more roles on their page under People.",
      },
    ],
    [
      ["person,Ada,a@example.com,,,,", "role,,a@example.com,,,,"],
      {
        line: 3,
        column: "role",
        message: "The role is missing. Use one of: admin, head_of_engineering, coach, team_lead, member.",
      },
    ],
  ] as const)("%j", (rows, issue) => {
    expect(issuesOf(...rows)).toEqual([issue]);
  });

  it("reports a duplicate email on the later line, pointing at the first", () => {
    expect(issuesOf("person,Ada,a@example.com,,,,", "person,Ada Again,A@example.com,,,,")).toEqual([
      {
        line: 3,
        column: "email",
        message:
          "The email a@example.com is also on line 2; list each person once and give extra roles on role rows.",
      },
    ]);
  });

  it("reports duplicate org units and teams in the file", () => {
    expect(
      issuesOf("org_unit,Stores,,,,,", "org_unit,stores,,,,,", "team,POS,,Stores,,,", "team,pos,,Stores,,,"),
    ).toEqual([
      { line: 3, column: "name", message: "The org unit “stores” is also on line 2." },
      { line: 5, column: "name", message: "The team “pos” is also on line 4." },
    ]);
  });

  it("reports a role given twice to the same person", () => {
    expect(
      issuesOf("person,Ada,a@example.com,,,Checkout,member", "role,,a@example.com,,,checkout,member"),
    ).toEqual([{ line: 3, column: "role", message: "a@example.com already gets this role on line 2." }]);
  });

  it("reports org units that are each other's parents", () => {
    expect(issuesOf("org_unit,A,,,B,,", "org_unit,B,,,C,,", "org_unit,C,,,A,,", "org_unit,D,,,A,,")).toEqual([
      {
        line: 2,
        column: "parent_org_unit",
        message:
          "These org units are each other’s parents (lines 2, 3, 4); one of them needs another parent.",
      },
      {
        line: 3,
        column: "parent_org_unit",
        message:
          "These org units are each other’s parents (lines 2, 3, 4); one of them needs another parent.",
      },
      {
        line: 4,
        column: "parent_org_unit",
        message:
          "These org units are each other’s parents (lines 2, 3, 4); one of them needs another parent.",
      },
    ]);
  });

  it("does not cascade: a reference to a unit whose own row is wrong still resolves", () => {
    expect(issuesOf("org_unit,Stores,x@example.com,,,,", "team,POS,,Stores,,,")).toEqual([
      { line: 2, column: "email", message: "Leave email empty on org_unit rows." },
    ]);
  });

  it("lists every problem of a row, in column order, and problems sorted by line", () => {
    expect(
      issuesOf("person,,bad,,,,boss", "org_unit,,,,,,").map((issue) => [issue.line, issue.column]),
    ).toEqual([
      [2, "name"],
      [2, "email"],
      [2, "role"],
      [3, "name"],
    ]);
  });

  it("refuses a name that needs a unit but is ambiguous among existing units", () => {
    const twins: ExistingOrganisation = {
      ...existing,
      orgUnits: [...existing.orgUnits, { id: "u-p2", name: "payments", slug: "payments-2", archived: false }],
    };
    expect(planOrganisationImport(records("team,Search,,Payments,,,"), twins).issues).toEqual([
      {
        line: 2,
        column: "org_unit",
        message: "More than one org unit is named “Payments”; use the slug of the one you mean.",
      },
    ]);
    expect(planOrganisationImport(records("team,Search,,payments-2,,,"), twins).issues).toEqual([]);
  });
});

describe("the documented examples", () => {
  it("the README's example plans without problems on an empty organisation", () => {
    const readme = readFileSync("README.md", "utf8");
    const example = /```csv\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const outcome = readImportRecords(example!);
    expect(outcome.ok).toBe(true);
    const plan = planOrganisationImport(outcome.ok ? outcome.value : [], {
      orgUnits: [],
      teams: [],
      emails: [],
    });
    expect(plan.issues).toEqual([]);
    expect([plan.orgUnits.length, plan.teams.length, plan.people.length]).toEqual([2, 1, 3]);
  });
});
