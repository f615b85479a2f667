import Link from "next/link";
import type { Actor } from "@/domain/access/policy";
import { signOutAction } from "@/server/auth/actions";

export function UserMenu({ actor }: { actor: Actor | null }) {
  if (!actor) {
    return (
      <Link href="/sign-in" className="rounded-md px-3 py-2 text-sm font-semibold text-blue-800 hover:bg-slate-100">
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex items-center gap-2">
      <Link href="/account" className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
        <span className="sr-only">Your account: </span>
        {actor.name}
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
          Sign out
        </button>
      </form>
    </div>
  );
}
