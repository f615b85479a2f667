import { describe, expect, it } from "vitest";
import { decodeRole, ROLES } from "@/domain/access/policy";
import {
  ASSESSMENT_STATUSES,
  CYCLE_STATUSES,
  decodeAssessmentStatus,
  decodeCycleStatus,
} from "@/domain/assessments/statuses";
import { decodePlanItemStatus, PLAN_ITEM_STATUSES } from "@/domain/plans/plan-item-rules";
import { decodeRiskBand, RISK_BANDS } from "@/domain/scoring/bands";
import { decodePitfallStatus, PITFALL_STATUSES } from "@/domain/scoring/types";
import { storedValueCodec } from "@/domain/stored-values";

const codecs = [
  ["risk band", decodeRiskBand, RISK_BANDS],
  ["role", decodeRole, ROLES],
  ["cycle status", decodeCycleStatus, CYCLE_STATUSES],
  ["assessment status", decodeAssessmentStatus, ASSESSMENT_STATUSES],
  ["pitfall status", decodePitfallStatus, PITFALL_STATUSES],
  ["plan item status", decodePlanItemStatus, PLAN_ITEM_STATUSES],
] as const;

describe.each(codecs)("the %s codec", (_concept, decode, values) => {
  it("reads every known value back as itself", () => {
    for (const value of values) expect(decode(value)).toBe(value);
  });

  it("reads an unknown, differently cased, empty or missing value as null", () => {
    expect(decode("archived")).toBeNull();
    expect(decode(values[0].toUpperCase())).toBeNull();
    expect(decode("")).toBeNull();
    expect(decode(null)).toBeNull();
    expect(decode(undefined)).toBeNull();
  });
});

describe("storedValueCodec", () => {
  it("does not accept names inherited from Object", () => {
    const decode = storedValueCodec(["a", "b"]);
    expect(decode("toString")).toBeNull();
    expect(decode("constructor")).toBeNull();
  });
});
