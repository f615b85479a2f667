import type { Actor } from "@/domain/access/policy";
import { getNotificationPreferences } from "@/server/notifications/preferences";
import { SectionCard } from "@/ui/section-card";
import { NotificationPreferencesForm } from "./notification-preferences-form";

/** The account page's email choices: each kind of notification, on or off. */
export async function NotificationSettingsSection({ actor }: { actor: Actor }) {
  const preferences = await getNotificationPreferences(actor);
  return (
    <SectionCard
      id="notifications-heading"
      title="Email notifications"
      description={
        <p>
          {preferences.emailConfigured
            ? `Pitfall Radar emails ${actor.email} about the things below. Untick what you do not want.`
            : "This installation does not send email yet; your choices apply once an admin sets it up."}
        </p>
      }
    >
      <NotificationPreferencesForm wanted={preferences.wanted} />
    </SectionCard>
  );
}
