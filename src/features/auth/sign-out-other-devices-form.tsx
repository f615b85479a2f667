"use client";

import { signOutOtherDevicesAction } from "@/server/auth/actions";
import { AuthForm } from "./auth-form";

export function SignOutOtherDevicesForm() {
  return (
    <AuthForm
      action={signOutOtherDevicesAction}
      success="Your other devices have been signed out."
      submitLabel="Sign out other devices"
      pendingLabel="Signing out…"
      className="space-y-3"
    >
      {() => null}
    </AuthForm>
  );
}
