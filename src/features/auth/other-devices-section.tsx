import type { Actor } from "@/domain/access/policy";
import { countOtherSessions } from "@/server/auth/queries";
import { currentSession } from "@/server/auth/session";
import { SignOutOtherDevicesForm } from "./sign-out-other-devices-form";

/**
 * The person's other sessions: how many browsers and devices are signed in besides this one, and a
 * way to sign them all out without changing the password (which would also revoke API tokens).
 */
export async function OtherDevicesSection({ actor }: { actor: Actor }) {
  const session = await currentSession();
  const others = session ? await countOtherSessions(actor, session.id) : 0;
  return (
    <section aria-labelledby="devices-heading" className="space-y-4">
      <h2 id="devices-heading" className="text-xl font-semibold">
        Signed-in devices
      </h2>
      <p className="text-slate-800" data-testid="other-sessions">
        {others === 0
          ? "You are signed in only here."
          : `Besides this one, you are signed in on ${others} other ${others === 1 ? "browser or device" : "browsers or devices"}.`}{" "}
        Signing them out leaves your password and API tokens as they are.
      </p>
      <SignOutOtherDevicesForm />
    </section>
  );
}
