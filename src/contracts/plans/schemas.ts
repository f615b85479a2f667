/**
 * One zod schema per input of the plan area, shared by the forms, the server actions and the
 * export route handlers.
 */
import { z } from "zod";
import { refuseHiddenCharacters } from "@/contracts/hidden-characters";
import type { TextKind } from "@/domain/text/hidden-characters";
import { campaignFieldNames } from "./field-names";
import { parseCycleRef } from "@/domain/cycles/cycle-ref";
import {
  AGREEMENT_FILTERS,
  BAND_FILTERS,
  COMPLETION_FILTERS,
  HEATMAP_SORT_KEYS,
} from "@/domain/dashboards/heatmap";
import { PLAN_EXPORT_FORMATS } from "@/domain/plans/export-formats";
import {
  MAX_DROPPED_REASON_LENGTH,
  MAX_NOTES_LENGTH,
  PLAN_ITEM_STATUSES,
  parseDueDate,
} from "@/domain/plans/plan-item-rules";

const id = z.string().trim().min(1, "Missing item").max(64, "That is not a valid id");
const slug = z
  .string()
  .trim()
  .min(1, "Missing name")
  .max(100, "That is not a valid name")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "That is not a valid name");
const expectedVersion = z.coerce
  .number({ message: "Reload the page and try again" })
  .int("Reload the page and try again")
  .min(1, "Reload the page and try again");

/**
 * Empty text means "none": forms send "" for a cleared field, and leave out a field they do not
 * show (the dropped reason appears only while the status is "dropped").
 */
const optionalText = (max: number, message: string, kind: TextKind = "line") =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim())
    .pipe(z.string().max(max, message).superRefine(refuseHiddenCharacters(kind)))
    .transform((value) => (value === "" ? null : value));

const earliestDue = Date.UTC(2000, 0, 1);
const latestDue = Date.UTC(2100, 0, 1);

const dueOn = z
  .string()
  .max(32, "Enter a date like 2026-12-31")
  .optional()
  .transform((value, context) => {
    if (value === undefined || value.trim() === "") return null;
    const date = parseDueDate(value);
    if (!date || date.getTime() < earliestDue || date.getTime() >= latestDue) {
      context.addIssue({ code: "custom", message: "Enter a real date like 2026-12-31" });
      return z.NEVER;
    }
    return date;
  });

/**
 * The team whose plan page the form is on, when it is a slug: a change then looks for the item
 * in that team's plan only. Missing or malformed, it is left out rather than refusing the change.
 */
const pageTeamSlug = z
  .string()
  .optional()
  .catch(undefined)
  .transform((value) => (value !== undefined && slug.safeParse(value).success ? value.trim() : undefined))
  .optional();

export const addPlanItemSchema = z.object({
  teamSlug: slug,
  countermeasureId: slug,
});
export type AddPlanItemInput = z.output<typeof addPlanItemSchema>;

export const updatePlanItemSchema = z.object({
  itemId: id,
  teamSlug: pageTeamSlug,
  expectedVersion,
  ownerId: optionalText(64, "Choose someone from the list"),
  dueOn,
  status: z.enum(PLAN_ITEM_STATUSES, { message: "Choose a status" }),
  droppedReason: optionalText(
    MAX_DROPPED_REASON_LENGTH,
    `Keep the reason to ${MAX_DROPPED_REASON_LENGTH} characters or fewer`,
    "multi-line",
  ),
  notes: optionalText(
    MAX_NOTES_LENGTH,
    `Keep notes to ${MAX_NOTES_LENGTH} characters or fewer`,
    "multi-line",
  ),
});
// A dropped item's reason is checked with the item's other rules (applyStatusChange, in the
// mutation), beside the due date that needs the stored item: a change is refused with every
// field's problem at once, never one problem per save.
export type UpdatePlanItemInput = z.output<typeof updatePlanItemSchema>;

/**
 * An item's progress, as its owner updates it: status (with the reason when dropped) and notes.
 * Owner and due date stay the plan editors' to set.
 */
export const updatePlanItemProgressSchema = updatePlanItemSchema.pick({
  itemId: true,
  teamSlug: true,
  expectedVersion: true,
  status: true,
  droppedReason: true,
  notes: true,
});
export type UpdatePlanItemProgressInput = z.output<typeof updatePlanItemProgressSchema>;

export const removePlanItemSchema = z.object({ itemId: id, teamSlug: pageTeamSlug, expectedVersion });
export type RemovePlanItemInput = z.output<typeof removePlanItemSchema>;

/** "2026 Q3", "2026-q3" or "2026q3"; absent means the latest cycle with results. */
const cycleRef = z
  .string()
  .max(20, "Write the cycle like 2026 Q3")
  .optional()
  .transform((value, context) => {
    if (value === undefined || value.trim() === "") return null;
    const parsed = parseCycleRef(value);
    if (!parsed) {
      context.addIssue({
        code: "custom",
        message: "Write the cycle like 2026 Q3 (a year and a quarter from Q1 to Q4)",
      });
      return z.NEVER;
    }
    return parsed;
  });

export const planExportQuerySchema = z.object({
  format: z.enum(PLAN_EXPORT_FORMATS, { message: `Choose a format: ${PLAN_EXPORT_FORMATS.join(", ")}` }),
  cycle: cycleRef,
});
export type PlanExportQuery = z.output<typeof planExportQuerySchema>;

const listed = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { message: `Choose ${what}: ${values.join(", ")}` }).optional();

/**
 * The heatmap download carries the view it was asked from, as /org writes it in its address: the
 * cycle, the unit, the filters and the order. A value the page would quietly replace by its
 * default is refused here with a message naming the parameter.
 */
export const heatmapExportQuerySchema = z.object({
  cycle: cycleRef,
  unit: z
    .string()
    .max(100, "Use the org unit's name from the address, e.g. payments")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use the org unit's name from the address, e.g. payments")
    .optional(),
  band: listed(BAND_FILTERS, "a band"),
  completion: listed(COMPLETION_FILTERS, "a completion"),
  agreement: listed(AGREEMENT_FILTERS, "a filter on the team's own answers"),
  sort: listed(HEATMAP_SORT_KEYS, "a column to sort by"),
  dir: listed(["asc", "desc"], "a direction"),
});
export type HeatmapExportQuery = z.output<typeof heatmapExportQuerySchema>;

/** How many teams one campaign may add a countermeasure to at once. */
export const MAX_CAMPAIGN_TEAMS = 200;

const campaignTeam = z.object({
  teamSlug: slug,
  ownerId: optionalText(64, "Choose someone from the list"),
  dueOn,
  /** The team's own due date was left empty and the campaign's default fills it in. */
  dueOnIsDefault: z.boolean().optional(),
});

/** Reads the flat form (team:<slug>, owner:<slug>, dueOn:<slug>) into one entry per ticked team. */
function campaignTeamsFromForm(fields: unknown): unknown {
  if (typeof fields !== "object" || fields === null) return fields;
  const record = fields as Record<string, unknown>;
  if ("teams" in record) return record;
  const teams = Object.keys(record)
    .filter((key) => key.startsWith("team:") && record[key] !== "")
    .map((key) => {
      const teamSlug = key.slice("team:".length);
      const names = campaignFieldNames(teamSlug);
      const ownDue = typeof record[names.dueOn] === "string" ? String(record[names.dueOn]).trim() : "";
      const defaultDue = typeof record.defaultDueOn === "string" ? record.defaultDueOn.trim() : "";
      return {
        teamSlug,
        ownerId: record[names.ownerId],
        dueOn: ownDue === "" ? record.defaultDueOn : ownDue,
        dueOnIsDefault: ownDue === "" && defaultDue !== "",
      };
    });
  return { ...record, teams };
}

/**
 * One countermeasure added to several teams' plans at once, each item with its own owner and due
 * date; a team left without a due date of its own takes the campaign's default.
 */
export const addCampaignSchema = z.preprocess(
  campaignTeamsFromForm,
  z.object({
    unitSlug: slug,
    countermeasureId: slug,
    teams: z
      .array(campaignTeam)
      .min(1, "Tick at least one team")
      .max(MAX_CAMPAIGN_TEAMS, `Choose at most ${MAX_CAMPAIGN_TEAMS} teams at once`)
      .refine((teams) => new Set(teams.map((team) => team.teamSlug)).size === teams.length, "Each team once"),
  }),
);
export type AddCampaignInput = z.output<typeof addCampaignSchema>;

export { campaignFieldNames };
