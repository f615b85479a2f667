/**
 * Someone must always be able to administer the organisation. The only admins here are the two
 * of each round, so two of them taking each other's admin role away at the same moment would
 * leave nobody: one of the two must be refused.
 */
import { describe, expect, it } from "vitest";
import { deactivatePerson, revokeRole } from "@/server/admin/people-mutations";
import { loadActor } from "@/server/auth/session";
import { db } from "@/server/db";
import { actorFor, createUser } from "./fixtures";

const rounds = 10;
const lastAdminMessage =
  "Nobody else would be left to administer the organisation: make someone else an admin first.";

/** Two new admins, the only ones: earlier rounds' admins lose their role first. */
async function twoAdmins(round: number, label: string) {
  await db.roleAssignment.deleteMany({ where: { role: "admin" } });
  const firstId = await createUser(`${label}-first-${round}@example.com`, [{ role: "admin" }]);
  const secondId = await createUser(`${label}-second-${round}@example.com`, [{ role: "admin" }]);
  const grantOf = async (userId: string) =>
    (await db.roleAssignment.findFirstOrThrow({ where: { userId, role: "admin" } })).id;
  return {
    first: { id: firstId, actor: await actorFor(firstId), grantId: await grantOf(firstId) },
    second: { id: secondId, actor: await actorFor(secondId), grantId: await grantOf(secondId) },
  };
}

async function activeAdmins(): Promise<number> {
  return db.roleAssignment.count({ where: { role: "admin", user: { deactivatedAt: null } } });
}

describe("the last admin", () => {
  it("cannot be left without an admin by two admins removing each other's admin role at once", async () => {
    for (let round = 0; round < rounds; round++) {
      const { first, second } = await twoAdmins(round, "revoke");
      const outcomes = await Promise.allSettled([
        revokeRole(first.actor, { userId: second.id, roleAssignmentId: second.grantId }),
        revokeRole(second.actor, { userId: first.id, roleAssignmentId: first.grantId }),
      ]);
      expect(await activeAdmins()).toBe(1);
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((outcome) => outcome.status === "rejected");
      expect(refused?.reason).toMatchObject({ code: "forbidden", message: lastAdminMessage });
    }
  });

  it("cannot be left without an admin by two admins deactivating each other at once", async () => {
    for (let round = 0; round < rounds; round++) {
      const { first, second } = await twoAdmins(round, "deactivate");
      const outcomes = await Promise.allSettled([
        deactivatePerson(first.actor, { userId: second.id }),
        deactivatePerson(second.actor, { userId: first.id }),
      ]);
      expect(await activeAdmins()).toBe(1);
      const refused = outcomes.find((outcome) => outcome.status === "rejected");
      expect(refused?.reason).toMatchObject({ code: "forbidden", message: lastAdminMessage });
    }
  });

  it("refuses, one after the other too, to take the admin role from the only other admin left", async () => {
    const { first, second } = await twoAdmins(0, "sequential");
    await revokeRole(first.actor, { userId: second.id, roleAssignmentId: second.grantId });
    // The second admin's page was loaded while they were still an admin.
    await expect(
      revokeRole(second.actor, { userId: first.id, roleAssignmentId: first.grantId }),
    ).rejects.toMatchObject({ code: "forbidden", message: lastAdminMessage });
    expect((await loadActor(first.id))?.isAdmin).toBe(true);
  });

  it("still lets an admin remove another admin's role while a third admin remains", async () => {
    const { first, second } = await twoAdmins(0, "three");
    await createUser("third-admin@example.com", [{ role: "admin" }]);
    await revokeRole(first.actor, { userId: second.id, roleAssignmentId: second.grantId });
    await deactivatePerson(first.actor, {
      userId: (await db.user.findUniqueOrThrow({ where: { email: "third-admin@example.com" } })).id,
    });
    expect(await activeAdmins()).toBe(1);
  });
});
