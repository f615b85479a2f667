import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { FirstAdminForm } from "@/features/auth/first-admin-form";
import { hasAnyPerson } from "@/server/auth/queries";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  if (await hasAnyPerson()) redirect("/sign-in");
  return (
    <div className="mx-auto max-w-md space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Welcome to Pitfall Radar</h1>
        <p className="text-slate-700">
          This installation has no accounts yet. Create the first admin account; you can then add org units, teams
          and people.
        </p>
      </div>
      <FirstAdminForm />
    </div>
  );
}
