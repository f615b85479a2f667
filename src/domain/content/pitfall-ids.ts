/**
 * The seven pitfalls' ids, in the order the product lists them. Kept apart from the content schema
 * (which needs zod) because browser code uses them too, and zod is not worth shipping to a page for
 * a list of names.
 */
export const PITFALL_IDS = [
  "linear-run-costs",
  "responsible-but-unaccountable",
  "excessive-bau",
  "change-management-treacle",
  "no-major-incident-management",
  "embedded-specialists",
  "limited-on-call-schedule",
] as const;
