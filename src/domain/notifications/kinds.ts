/** The kinds of email Pitfall Radar sends; each person can opt out of each one. */
export const NOTIFICATION_KINDS = ["cycle_reminder", "manual_reminder", "plan_digest"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, { title: string; description: string }> = {
  cycle_reminder: {
    title: "Reminders before a cycle is due",
    description: "When a team you lead has not submitted its assessment a few days before the due date.",
  },
  manual_reminder: {
    title: "Reminders from your head of engineering or coach",
    description: "When they remind the leads of teams that have not submitted yet.",
  },
  plan_digest: {
    title: "Weekly digest of overdue plan items",
    description:
      "Once a week, the remediation plan items you own that are past their due date, and those of teams you lead whose owner has left the team.",
  },
};

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
