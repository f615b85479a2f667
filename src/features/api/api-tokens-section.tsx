import type { Actor } from "@/domain/access/policy";
import { listOwnApiTokens } from "@/server/api/token-queries";
import { RECENT_SIGN_IN_MINUTES } from "@/contracts/api/token-limits";
import { canChangePassword } from "@/server/auth/password-account";
import { orgTimeZone } from "@/server/org-calendar";
import { SectionCard } from "@/ui/section-card";
import { TextLink } from "@/ui/text-link";
import { ApiTokenList } from "./api-token-list";
import { CreateApiTokenForm } from "./create-api-token-form";

/** The account page's tokens: create one (shown once), see each one's use and expiry, revoke it. */
export async function ApiTokensSection({ actor }: { actor: Actor }) {
  const [tokens, hasPassword] = await Promise.all([listOwnApiTokens(actor), canChangePassword(actor.id)]);
  return (
    <SectionCard
      id="api-tokens-heading"
      title="API tokens"
      description={
        <p>
          Personal access tokens let dashboards and scripts read through the{" "}
          <TextLink href="/api-docs">read-only API</TextLink> what you can see here, with your roles. Treat a
          token like a password; revoke it when it is no longer needed.{" "}
          {hasPassword
            ? "Creating one asks for your current password, and changing your password revokes them all."
            : `Creating one needs a sign-in in the last ${RECENT_SIGN_IN_MINUTES} minutes.`}
        </p>
      }
    >
      <CreateApiTokenForm
        activeTokenIds={tokens.filter((token) => token.state === "active").map((token) => token.id)}
        askForPassword={hasPassword}
      />
      <ApiTokenList tokens={tokens} timeZone={orgTimeZone()} />
    </SectionCard>
  );
}
