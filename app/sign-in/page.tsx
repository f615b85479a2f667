import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/features/auth/sign-in-form";
import { getCurrentActor } from "@/server/auth/session";
import { hasAnyPerson } from "@/server/auth/queries";
import { signInDestination } from "@/server/auth/sign-in-destination";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  if (!(await hasAnyPerson())) redirect("/setup");
  const next = signInDestination((await searchParams).next);
  if (await getCurrentActor()) redirect(next);
  return (
    <div className="mx-auto max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <SignInForm next={next} />
    </div>
  );
}
