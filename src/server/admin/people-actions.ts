"use server";

import {
  createPersonSchema,
  grantRoleSchema,
  personIdSchema,
  revokeRoleSchema,
  setPasswordSchema,
} from "@/contracts/admin/schemas";
import { formAction, mutationAction, type Revalidation } from "../server-action";
import {
  createPerson,
  deactivatePerson,
  grantRole,
  reactivatePerson,
  revokeRole,
  setPersonPassword,
} from "./people-mutations";

/** A change to one person shows on the people list and on every page about that person. */
const peoplePages: Revalidation[] = [{ layout: "/admin/people" }];

export const createPersonAction = formAction({
  input: createPersonSchema,
  handler: (input, { actor }) => createPerson(actor, input),
  revalidate: ["/admin/people"],
  redirectTo: (created) => `/admin/people/${created.id}?created=1`,
});

export const grantRoleAction = mutationAction(grantRoleSchema, grantRole, peoplePages);

export const revokeRoleAction = mutationAction(revokeRoleSchema, revokeRole, peoplePages);

export const deactivatePersonAction = mutationAction(personIdSchema, deactivatePerson, peoplePages);

export const reactivatePersonAction = mutationAction(personIdSchema, reactivatePerson, peoplePages);

export const setPersonPasswordAction = mutationAction(setPasswordSchema, setPersonPassword, peoplePages);
