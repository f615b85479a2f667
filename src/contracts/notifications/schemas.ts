import { z } from "zod";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/domain/notifications/kinds";

/** A ticked checkbox sends "on"; an unticked one sends nothing. */
const wanted = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

/** The account page's notification choices: one checkbox per kind, ticked to get those emails. */
export const notificationPreferencesSchema = z.object(
  Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, wanted])) as Record<
    NotificationKind,
    typeof wanted
  >,
);
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesSchema>;

/** What the account page shows: whether each kind is wanted, and whether this installation sends email. */
export interface NotificationPreferencesView {
  emailConfigured: boolean;
  wanted: Record<NotificationKind, boolean>;
}
