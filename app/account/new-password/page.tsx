import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ReplaceAdminSetPasswordForm } from "@/features/auth/replace-admin-set-password-form";
import { signOutAction } from "@/server/auth/actions";
import { mustChangePasswordNow, requireActorChangingPassword } from "@/server/auth/session";
import { signInDestination } from "@/server/auth/sign-in-destination";

export const metadata: Metadata = { title: "Choose your password" };

/**
 * Where a person who signed in with a password an admin set (adding them, or setting a new one)
 * is sent before anything else: every other page and action sends them here until they have chosen
 * their own.
 */
export default async function NewPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const actor = await requireActorChangingPassword();
  const next = signInDestination((await searchParams).next);
  // Someone who chose their own password already changes it on their account page.
  if (!(await mustChangePasswordNow())) redirect(next === "/" ? "/account" : next);
  return (
    <div className="mx-auto max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Choose your password</h1>
        <p className="text-slate-800">
          Welcome, {actor.name}. An admin set the password you signed in with, so others may know it. Before
          you go on, choose one that only you know.
        </p>
      </div>
      <ReplaceAdminSetPasswordForm next={next} />
      <form action={signOutAction}>
        <button type="submit" className="text-sm font-medium text-slate-700 underline hover:text-slate-900">
          Sign out instead
        </button>
      </form>
    </div>
  );
}
