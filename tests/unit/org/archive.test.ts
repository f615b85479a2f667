import { describe, expect, it } from "vitest";
import { orgUnitArchiveBlocker } from "@/domain/org/archive";

describe("whether an org unit can be archived", () => {
  it("can be once it leaves no active team or unit behind", () => {
    expect(orgUnitArchiveBlocker({ name: "Online", activeTeams: 0, activeChildren: 0 })).toBeNull();
  });

  it("cannot while it has active teams, saying how many and what to do", () => {
    expect(orgUnitArchiveBlocker({ name: "Online", activeTeams: 2, activeChildren: 1 })).toBe(
      "Online still has 2 active teams. Move or archive them first.",
    );
    expect(orgUnitArchiveBlocker({ name: "Online", activeTeams: 1, activeChildren: 0 })).toBe(
      "Online still has 1 active team. Move or archive it first.",
    );
  });

  it("cannot while active units sit inside it", () => {
    expect(orgUnitArchiveBlocker({ name: "Digital", activeTeams: 0, activeChildren: 3 })).toBe(
      "Digital still has 3 active org units below it. Move or archive them first.",
    );
  });
});
