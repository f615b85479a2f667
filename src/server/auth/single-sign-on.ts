import "server-only";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { getEnv, oidcSettings, type OidcSettings } from "@/env";
import { roleScopeKey } from "@/domain/access/policy";
import {
  groupsFromClaim,
  matchingSsoRules,
  ruleScope,
  type SsoRoleRule,
} from "@/domain/access/sso-role-mapping";
import { writeAudit } from "../audit/audit";
import { db } from "../db";

/**
 * Single sign-on through the organisation's OpenID Connect provider, with the auth library's
 * generic OAuth support: discovery from the issuer, authorization code with PKCE, and ID tokens
 * verified against the provider's keys, issuer, audience and nonce.
 */
export const SSO_PROVIDER_ID = "oidc";

/** Where the provider sends people back; register this as the client's redirect URI. */
export function ssoCallbackUrl(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, "")}/api/auth/callback/${SSO_PROVIDER_ID}`;
}

export function currentSsoSettings(): OidcSettings | null {
  return oidcSettings(getEnv());
}

/** What the sign-in page shows: whether there is single sign-on, its name, and whether it is the only way. */
export function signInOptions(): { sso: { name: string } | null; passwordAllowed: boolean } {
  const settings = currentSsoSettings();
  return { sso: settings ? { name: settings.displayName } : null, passwordAllowed: !settings?.only };
}

/**
 * What the provider's profile adds to the person's details: with OIDC_TRUST_EMAIL, an email counts
 * as verified (so it may create or join a person) although the provider does not say so.
 */
export function ssoProfileMapping(
  settings: Pick<OidcSettings, "trustEmail">,
): ((profile: Record<string, unknown>) => { emailVerified?: boolean }) | undefined {
  if (!settings.trustEmail) return undefined;
  return (profile) =>
    typeof profile.email === "string" && profile.email !== "" ? { emailVerified: true } : {};
}

export function ssoPlugin(settings: OidcSettings) {
  return genericOAuth({
    config: [
      {
        providerId: SSO_PROVIDER_ID,
        name: settings.displayName,
        discoveryUrl: `${settings.issuer}/.well-known/openid-configuration`,
        // Without the provider's keys no ID token could be checked: the provider stays off instead.
        requireIdTokenVerification: true,
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        scopes: settings.scopes,
        pkce: true,
        mapProfileToUser: ssoProfileMapping(settings),
      },
    ],
  });
}

/** The claims of an ID token the auth library has verified; null when it cannot be read. */
function idTokenClaims(idToken: string | null | undefined): Record<string, unknown> | null {
  const payload = idToken?.split(".")[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return claims && typeof claims === "object" ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

async function resolveScope(rule: SsoRoleRule) {
  const scope = ruleScope(rule.role);
  if (scope === "none") return { teamId: null, orgUnitId: null, scopeName: null };
  if (scope === "team") {
    const team = await db.team.findFirst({
      where: { slug: rule.scopeSlug!, archivedAt: null },
      select: { id: true, name: true },
    });
    return team ? { teamId: team.id, orgUnitId: null, scopeName: team.name } : null;
  }
  const unit = await db.orgUnit.findFirst({
    where: { slug: rule.scopeSlug!, archivedAt: null },
    select: { id: true, name: true },
  });
  return unit ? { teamId: null, orgUnitId: unit.id, scopeName: unit.name } : null;
}

function describeMatch(rule: SsoRoleRule): string {
  return rule.match.kind === "domain" ? `domain:${rule.match.domain}` : `group:${rule.match.group}`;
}

/**
 * After a single sign-on account is stored. When it belongs to a person its sign-in has just
 * created (they have no other way to sign in), the creation is recorded and the configured mapping
 * gives their roles; a person who already existed and was linked by their verified email keeps
 * exactly the roles an admin gave them.
 */
export async function onSsoAccountCreated(account: {
  userId: string;
  providerId: string;
  idToken?: string | null;
}) {
  const settings = currentSsoSettings();
  if (!settings || account.providerId !== SSO_PROVIDER_ID) return;
  const user = await db.user.findUnique({
    where: { id: account.userId },
    select: { id: true, name: true, email: true, _count: { select: { accounts: true, roles: true } } },
  });
  if (!user) return;
  if (user._count.accounts > 1) {
    await writeAudit(db, {
      actorId: user.id,
      action: "person.sso_linked",
      entityType: "user",
      entityId: user.id,
      after: { email: user.email },
    });
    return;
  }
  const claims = idTokenClaims(account.idToken) ?? {};
  const rules = matchingSsoRules(settings.roleMapping, {
    email: user.email,
    groups: groupsFromClaim(claims[settings.groupsClaim]),
  });
  const grants: { rule: SsoRoleRule; scope: NonNullable<Awaited<ReturnType<typeof resolveScope>>> }[] = [];
  for (const rule of rules) {
    const scope = await resolveScope(rule);
    if (scope) grants.push({ rule, scope });
    else
      console.error(
        `OIDC_ROLE_MAPPING: ${describeMatch(rule)} names "${rule.scopeSlug}", which is no active ${ruleScope(rule.role) === "team" ? "team" : "org unit"}; no role given.`,
      );
  }
  await db.$transaction(async (tx) => {
    await writeAudit(tx, {
      actorId: user.id,
      action: "person.created",
      entityType: "user",
      entityId: user.id,
      after: { name: user.name, email: user.email, source: "sso" },
    });
    if (user._count.roles > 0) return;
    for (const { rule, scope } of grants) {
      await tx.roleAssignment.create({
        data: {
          userId: user.id,
          role: rule.role,
          teamId: scope.teamId,
          orgUnitId: scope.orgUnitId,
          scopeKey: roleScopeKey(scope),
        },
      });
      await writeAudit(tx, {
        actorId: null,
        action: "role.granted",
        entityType: "user",
        entityId: user.id,
        teamId: scope.teamId,
        after: {
          role: rule.role,
          teamId: scope.teamId,
          orgUnitId: scope.orgUnitId,
          scope: scope.scopeName,
          reason: `single sign-on mapping ${describeMatch(rule)}`,
        },
      });
    }
  });
}

/** Messages for the codes the sign-in page is sent back with when single sign-on did not finish. */
export function ssoErrorMessage(code: string | undefined, providerName: string): string | null {
  if (!code) return null;
  switch (code) {
    case "account_not_linked":
      return `An account with this email already exists, and ${providerName} did not confirm that the email is yours, so the two were not joined. Ask your identity provider's administrators to verify your email, or sign in with your password.`;
    case "email_not_verified":
      return `${providerName} did not confirm your email address, so no account was created. Ask your identity provider's administrators to verify it.`;
    case "email_not_found":
    case "email_is_missing":
      return `${providerName} did not share your email address, which this app needs to know who you are.`;
    case "unable_to_create_session":
      return "This account cannot sign in: it may have been deactivated. Ask an admin.";
    case "sso_unavailable":
      return `${providerName} cannot be reached right now. Try again in a minute; if it keeps failing, ask an admin.`;
    case "access_denied":
      return `Signing in through ${providerName} was cancelled.`;
    default:
      return `Signing in through ${providerName} did not work. Try again; if it keeps failing, ask an admin.`;
  }
}
