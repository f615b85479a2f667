import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/features/auth/sign-in-form";
import { SingleSignOnOption } from "@/features/auth/single-sign-on-option";
import { newPasswordAddressFor } from "@/requested-path";
import { getCurrentActor, mustChangePasswordNow } from "@/server/auth/session";
import { hasAnyPerson } from "@/server/auth/queries";
import { signInDestination } from "@/server/auth/sign-in-destination";
import { signInOptions, ssoErrorMessage } from "@/server/auth/single-sign-on";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; error?: string | string[] }>;
}) {
  if (!(await hasAnyPerson())) redirect("/setup");
  const params = await searchParams;
  const next = signInDestination(params.next);
  if (await getCurrentActor()) redirect(next);
  // Signed in with a password an admin set: choosing their own comes first.
  if (await mustChangePasswordNow()) redirect(newPasswordAddressFor(next));
  const { sso, passwordAllowed } = signInOptions();
  const error = typeof params.error === "string" ? params.error : undefined;
  return (
    <div className="mx-auto max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-bold">Sign in</h1>
      {sso ? (
        <SingleSignOnOption
          name={sso.name}
          next={next}
          error={ssoErrorMessage(error, sso.name)}
          passwordAllowed={passwordAllowed}
        />
      ) : null}
      {passwordAllowed ? <SignInForm next={next} /> : null}
    </div>
  );
}
