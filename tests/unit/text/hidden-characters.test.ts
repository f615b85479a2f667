/**
 * Free-text inputs refuse control, direction-override and (in names) zero-width characters with a
 * message naming the character, in every shared schema that takes text people type.
 */
import { describe, expect, it } from "vitest";
import { createTeamSchema, personEmail } from "@/contracts/admin/schemas";
import { createApiTokenSchema } from "@/contracts/api/tokens";
import { reopenAssessmentSchema, saveAnswerSchema } from "@/contracts/assessments/schemas";
import { firstAdminSchema } from "@/contracts/auth/schemas";
import { updatePlanItemSchema } from "@/contracts/plans/schemas";
import { readImportRecords } from "@/domain/import/organisation-csv";
import { hiddenCharacterProblem } from "@/domain/text/hidden-characters";

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : result.error!.issues.map((issue) => issue.message);
}

describe("hiddenCharacterProblem", () => {
  it("names the first control character, DEL included, in any kind of text", () => {
    for (const kind of ["name", "line", "multi-line"] as const) {
      expect(hiddenCharacterProblem("Nul\u0000Team", kind)).toBe(
        "Remove a control character (U+0000): this field does not accept it.",
      );
      expect(hiddenCharacterProblem("esc\u001b[31m", kind)).toMatch(/\(U\+001B\)/);
      expect(hiddenCharacterProblem("del\u007f", kind)).toMatch(/\(U\+007F\)/);
    }
  });

  it("keeps line breaks and tabs in multi-line notes only", () => {
    expect(hiddenCharacterProblem("first\r\nsecond\tindented", "multi-line")).toBeNull();
    expect(hiddenCharacterProblem("first\nsecond", "line")).toBe(
      "Remove a line break or tab (U+000A): this field does not accept it.",
    );
  });

  it("refuses direction overrides and isolates everywhere, zero-width characters in names", () => {
    for (const character of ["\u202A", "\u202E", "\u2066", "\u2069"]) {
      expect(hiddenCharacterProblem(`evil${character}txt`, "multi-line")).toMatch(/text-direction control/);
    }
    expect(hiddenCharacterProblem("Team\u200b", "name")).toBe(
      "Remove the invisible zero-width character (U+200B): names cannot contain it.",
    );
    expect(hiddenCharacterProblem("note\u200b", "multi-line")).toBeNull();
  });

  it("accepts ordinary text in any script, emoji and the joiners Persian names need", () => {
    for (const text of ["Zahlungen, Kassé", "Équipe Ω", "فرزانه\u200cی", "👩\u200d💻 Platform", "名前"]) {
      expect(hiddenCharacterProblem(text, "name"), text).toBeNull();
    }
  });
});

describe("the shared schemas of free-text inputs", () => {
  it("refuse a team name with NUL, a direction override or a zero-width space", () => {
    for (const name of ["Nul\u0000Team", "Team\u202Eevil", "Team\u200b"]) {
      expect(
        messages(createTeamSchema.safeParse({ name, orgUnitId: "u1" })),
        JSON.stringify(name),
      ).toHaveLength(1);
    }
    expect(createTeamSchema.safeParse({ name: "  Checkout   Team ", orgUnitId: "u1" }).data?.name).toBe(
      "Checkout Team",
    );
  });

  it("refuse hidden characters in emails, names of the first admin and of API tokens", () => {
    expect(personEmail.safeParse("lead\u0000@example.com").success).toBe(false);
    expect(
      messages(
        firstAdminSchema.safeParse({
          name: "Ada\u202E",
          email: "ada@example.com",
          password: "a long enough password",
          confirmPassword: "a long enough password",
        }),
      ),
    ).toContain(
      "Remove the text-direction control character (U+202E): it makes text display differently from what it is.",
    );
    expect(messages(createApiTokenSchema.safeParse({ name: "dash\u0007", expiresInDays: "30" }))).toContain(
      "Remove a control character (U+0007): this field does not accept it.",
    );
  });

  it("refuse NUL and ESC in plan notes, reasons and answer notes, keeping line breaks", () => {
    const item = { itemId: "i", expectedVersion: "1", status: "todo" };
    expect(messages(updatePlanItemSchema.safeParse({ ...item, notes: "a\u0000b" }))).toEqual([
      "Remove a control character (U+0000): this field does not accept it.",
    ]);
    expect(updatePlanItemSchema.safeParse({ ...item, notes: "line one\r\nline two" }).data?.notes).toBe(
      "line one\r\nline two",
    );
    expect(
      updatePlanItemSchema.safeParse({ ...item, status: "dropped", droppedReason: "no longer \u001b needed" })
        .success,
    ).toBe(false);
    const answer = { assessmentId: "a", questionId: "q", answer: null, expectedVersion: 1 };
    expect(saveAnswerSchema.safeParse({ ...answer, note: "see \u001b[2J" }).success).toBe(false);
    expect(saveAnswerSchema.safeParse({ ...answer, note: "two\nlines" }).data?.note).toBe("two\nlines");
    expect(
      reopenAssessmentSchema.safeParse({ assessmentId: "a", reason: "Wrong answers\u0000 given by mistake" })
        .success,
    ).toBe(false);
  });

  it("refuse hidden characters in cells of an organisation import, by line and column", () => {
    const outcome = readImportRecords(
      "type,name,email,org_unit,parent_org_unit,team,role\norg_unit,Pay\u202Ements,,,,,\n",
    );
    expect(outcome).toEqual({
      ok: false,
      issues: [
        {
          line: 2,
          column: "name",
          message:
            "Remove the text-direction control character (U+202E): it makes text display differently from what it is.",
        },
      ],
    });
  });
});
