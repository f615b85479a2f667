"use server";

import { createApiTokenSchema, revokeApiTokenSchema } from "@/contracts/api/tokens";
import { formAction, mutationAction } from "../server-action";
import { createApiToken, revokeApiToken } from "./token-mutations";

export const createApiTokenAction = formAction({
  input: createApiTokenSchema,
  handler: (input, { actor }) => createApiToken(actor, input),
  revalidate: ["/account"],
});

export const revokeApiTokenAction = mutationAction(revokeApiTokenSchema, revokeApiToken, ["/account"]);
