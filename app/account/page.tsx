import type { Metadata } from "next";
import { ChangePasswordForm } from "@/features/auth/change-password-form";
import { AccountSummary } from "@/features/auth/account-summary";
import { OtherDevicesSection } from "@/features/auth/other-devices-section";
import { ApiTokensSection } from "@/features/api/api-tokens-section";
import { NotificationSettingsSection } from "@/features/notifications/notification-settings-section";
import { requireActor } from "@/server/auth/session";
import { canChangePassword } from "@/server/auth/password-account";
import { signInOptions } from "@/server/auth/single-sign-on";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<{ password?: string | string[] }>;
}) {
  const actor = await requireActor();
  const passwordChanged = (await searchParams).password === "changed";
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Your account</h1>
      <AccountSummary actor={actor} />
      <section aria-labelledby="password-heading" className="space-y-4">
        <h2 id="password-heading" className="text-xl font-semibold">
          Change password
        </h2>
        {(await canChangePassword(actor.id)) ? (
          <ChangePasswordForm changed={passwordChanged} />
        ) : (
          <p className="text-slate-800">
            You sign in through {signInOptions().sso?.name ?? "single sign-on"}, so there is no password to
            change here: your identity provider manages it.
          </p>
        )}
      </section>
      <OtherDevicesSection actor={actor} />
      <NotificationSettingsSection actor={actor} />
      <ApiTokensSection actor={actor} />
    </div>
  );
}
