import type { Metadata } from "next";
import { Link } from "@/ui/link";

export const metadata: Metadata = { title: "Not found" };

/**
 * Shown for unknown addresses and for pages of teams, units or assessments the visitor has no role
 * on: both answer the same, so the page reveals nothing about what exists.
 */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="text-slate-700">
        This page could not be found. It may have moved, or it belongs to a team or unit you have no role on.
      </p>
      <p>
        <Link href="/" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
          Go to the start page
        </Link>
      </p>
    </div>
  );
}
