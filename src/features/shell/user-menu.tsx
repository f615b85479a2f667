import { Link } from "@/ui/link";
import type { Actor } from "@/domain/access/policy";
import { signOutAction } from "@/server/auth/actions";

/**
 * The account link and sign-out. `show` picks a part for the phone header, where the account link
 * sits in the menu and sign-out stays on the bar.
 */
export function UserMenu({
  actor,
  show = "all",
}: {
  actor: Actor | null;
  show?: "all" | "account" | "signOut";
}) {
  if (!actor) {
    if (show === "account") return null;
    return (
      <Link
        href="/sign-in"
        className="rounded-md px-3 py-2 text-sm font-semibold whitespace-nowrap text-blue-800 hover:bg-slate-100"
      >
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex items-center gap-2">
      {show === "signOut" ? null : (
        <Link href="/account" className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
          <span className="sr-only">Your account: </span>
          {actor.name}
        </Link>
      )}
      {show === "account" ? null : (
        <form action={signOutAction}>
          <button
            type="submit"
            className="rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-700 hover:bg-slate-100"
          >
            Sign out
          </button>
        </form>
      )}
    </div>
  );
}
