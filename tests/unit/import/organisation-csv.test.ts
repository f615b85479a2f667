import { describe, expect, it } from "vitest";
import {
  checkImportUpload,
  decodeImportText,
  MAX_IMPORT_BYTES,
  readImportRecords,
} from "../../../src/domain/import/organisation-csv";

const HEADER = "type,name,email,org_unit,parent_org_unit,team,role";
const bytes = (text: string) => new TextEncoder().encode(text);

describe("checkImportUpload", () => {
  it.each([
    ["org.csv", "text/csv"],
    ["org.CSV", "application/vnd.ms-excel"],
    ["org.csv", ""],
    ["export", "text/csv"],
  ])("accepts %s sent as %j", (name, type) => {
    expect(checkImportUpload({ name, type, size: 10 })).toEqual({ ok: true, value: null });
  });

  it.each([
    ["org.pdf", "application/pdf"],
    ["org.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["org.csv", "image/png"],
    ["notes.txt", "text/plain"],
  ])("refuses %s sent as %j", (name, type) => {
    const outcome = checkImportUpload({ name, type, size: 10 });
    expect(outcome).toEqual({
      ok: false,
      issues: [{ line: null, column: null, message: expect.stringContaining("not a CSV file") }],
    });
  });

  it("refuses an empty file and one over 1 MB", () => {
    expect(checkImportUpload({ name: "a.csv", type: "text/csv", size: 0 })).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining("empty") }],
    });
    expect(checkImportUpload({ name: "a.csv", type: "text/csv", size: MAX_IMPORT_BYTES + 1 })).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining("the limit is 1 MB") }],
    });
  });
});

describe("decodeImportText", () => {
  it("decodes UTF-8 and drops a byte order mark", () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("type")]);
    expect(decodeImportText(withBom)).toEqual({ ok: true, value: "type" });
  });

  it("refuses binary data and other encodings", () => {
    expect(decodeImportText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toMatchObject({
      ok: false,
      issues: [{ message: "That file is not text, so it cannot be a CSV file." }],
    });
    expect(decodeImportText(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining("not UTF-8") }],
    });
  });
});

describe("readImportRecords", () => {
  it("reads rows into records keyed by column, with the line each starts on", () => {
    const outcome = readImportRecords(
      `${HEADER}\r\norg_unit, Payments ,,,,,\r\n\r\nteam,"Check, out",,Payments,,,\n`,
    );
    expect(outcome).toEqual({
      ok: true,
      value: [
        {
          line: 2,
          values: {
            type: "org_unit",
            name: "Payments",
            email: "",
            org_unit: "",
            parent_org_unit: "",
            team: "",
            role: "",
          },
        },
        {
          line: 4,
          values: {
            type: "team",
            name: "Check, out",
            email: "",
            org_unit: "Payments",
            parent_org_unit: "",
            team: "",
            role: "",
          },
        },
      ],
    });
  });

  it("accepts the columns in any order and in any case", () => {
    const outcome = readImportRecords(
      "Role,Team,Parent Org Unit,Org_Unit,Email,Name,TYPE\nmember,Checkout,,,a@example.com,Ada,person",
    );
    expect(outcome.ok && outcome.value[0]!.values).toEqual({
      type: "person",
      name: "Ada",
      email: "a@example.com",
      org_unit: "",
      parent_org_unit: "",
      team: "Checkout",
      role: "member",
    });
  });

  it("counts lines inside quoted values, so later rows keep their real line numbers", () => {
    const outcome = readImportRecords(`${HEADER}\norg_unit,"Two\nLines",,,,,\nteam,Checkout,,Payments,,`);
    expect(outcome).toEqual({
      ok: false,
      issues: [
        {
          line: 4,
          column: null,
          message: expect.stringContaining("This line has 6 values; the header has 7"),
        },
      ],
    });
  });

  it("names missing and unknown header columns", () => {
    const outcome = readImportRecords("type,name,mail,org_unit\norg_unit,A,,");
    expect(outcome.ok).toBe(false);
    const messages = outcome.ok ? [] : outcome.issues.map((issue) => issue.message);
    expect(messages).toContain(`Unknown column “mail” in the header row. The header must be: ${HEADER}`);
    expect(
      messages.some((message) => message.includes("missing the columns email, parent_org_unit, team, role")),
    ).toBe(true);
  });

  it("recognises a semicolon-separated file", () => {
    const outcome = readImportRecords("type;name;email;org_unit;parent_org_unit;team;role\norg_unit;A;;;;;");
    expect(outcome).toMatchObject({
      ok: false,
      issues: [{ line: 1, message: expect.stringContaining("semicolons") }],
    });
  });

  it("refuses an empty file and a header without rows", () => {
    expect(readImportRecords("\n\n")).toMatchObject({
      ok: false,
      issues: [{ line: null, message: expect.stringContaining("empty") }],
    });
    expect(readImportRecords(`${HEADER}\n`)).toMatchObject({
      ok: false,
      issues: [{ line: null, message: "The file has a header row but no rows to import." }],
    });
  });

  it("reports an unclosed quote on the line it starts", () => {
    const outcome = readImportRecords(`${HEADER}\norg_unit,A,,,,,\norg_unit,"B,,,,,\n`);
    expect(outcome).toMatchObject({
      ok: false,
      issues: [{ line: 3, column: null, message: expect.stringContaining("never closed") }],
    });
  });

  it("refuses more rows than the limit", () => {
    const rows = Array.from({ length: 5001 }, (_, index) => `org_unit,Unit ${index},,,,,`).join("\n");
    expect(readImportRecords(`${HEADER}\n${rows}`)).toMatchObject({
      ok: false,
      issues: [{ line: null, message: expect.stringContaining("the limit is 5000") }],
    });
  });
});
