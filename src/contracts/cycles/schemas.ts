/** Inputs for managing assessment cycles, shared by the Cycles page forms, the actions and tests. */
import { z } from "zod";

/** "2027-01-01" as a UTC midnight; impossible dates like 2027-02-30 are refused, not rolled over. */
const isoDate = z
  .string()
  .trim()
  .refine((value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, "Enter a date like 2027-01-01.")
  .transform((value) => new Date(`${value}T00:00:00Z`));

export const createCycleSchema = z
  .object({
    year: z.coerce
      .number({ message: "Enter a year like 2027." })
      .int("Enter a year like 2027.")
      .min(2000, "Enter a year between 2000 and 2100.")
      .max(2100, "Enter a year between 2000 and 2100."),
    quarter: z.coerce
      .number({ message: "Choose a quarter." })
      .int("Choose a quarter.")
      .min(1, "Choose a quarter from 1 to 4.")
      .max(4, "Choose a quarter from 1 to 4."),
    opensOn: isoDate,
    closesOn: isoDate,
    questionnaireId: z.string().trim().min(1, "Choose a questionnaire version.").max(64),
  })
  // Checked only once both dates parsed; otherwise the date fields already carry their own message.
  .refine(
    (input) =>
      !(input.opensOn instanceof Date && input.closesOn instanceof Date) || input.closesOn > input.opensOn,
    {
      path: ["closesOn"],
      message: "The due date must be after the opening date.",
    },
  );
export type CreateCycleInput = z.infer<typeof createCycleSchema>;

export const cycleIdSchema = z.object({
  cycleId: z.string().trim().min(1, "Choose a cycle.").max(64),
});
export type CycleIdInput = z.infer<typeof cycleIdSchema>;
