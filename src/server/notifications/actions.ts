"use server";

import { notificationPreferencesSchema } from "@/contracts/notifications/schemas";
import { formAction } from "../server-action";
import { saveNotificationPreferences } from "./preferences";

/** A person's own choice of the emails they get. */
export const saveNotificationPreferencesAction = formAction({
  input: notificationPreferencesSchema,
  handler: async (input, { actor }) => {
    await saveNotificationPreferences(actor, input);
    return { message: "Your email choices are saved." };
  },
  revalidate: ["/account"],
});
