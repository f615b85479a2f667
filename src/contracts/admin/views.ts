/** What the admin queries and the import preview return and the admin pages render: plain data, no server imports. */
import type { Role } from "@/domain/access/policy";
import type { ImportIssue } from "@/domain/import/organisation-csv";
import type { TreeNode } from "@/domain/org/org-tree";

export interface PersonRoleDto {
  id: string;
  role: Role;
  /** e.g. "Team lead of Checkout", "Coach of Payments", "Admin". */
  label: string;
  teamId: string | null;
  orgUnitId: string | null;
  /** True when the team or org unit the role applies to is archived. */
  scopeArchived: boolean;
}

export interface PersonSummaryDto {
  id: string;
  name: string;
  email: string;
  deactivatedAt: Date | null;
  roles: PersonRoleDto[];
}

export interface PeoplePageDto {
  people: PersonSummaryDto[];
  total: number;
  page: number;
  pageCount: number;
  /** The organisation's time zone (`ORG_TIME_ZONE`): the page writes its moments on that clock. */
  timeZone: string;
}

export interface PersonDetailDto extends PersonSummaryDto {
  createdAt: Date;
  hasPassword: boolean;
  activeSessions: number;
  isYou: boolean;
  /** The organisation's time zone (`ORG_TIME_ZONE`): the page writes its moments on that clock. */
  timeZone: string;
}

export interface ScopeOption {
  id: string;
  label: string;
}

export interface TeamOptionGroup {
  orgUnit: string;
  teams: ScopeOption[];
}

export interface RoleScopeOptions {
  orgUnits: ScopeOption[];
  teamGroups: TeamOptionGroup[];
}

export interface OrgUnitSummaryDto {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  archived: boolean;
  activeTeams: number;
  archivedTeams: number;
}

export interface UnitOptionDto {
  id: string;
  label: string;
}

export interface OrgStructureDto {
  tree: TreeNode<OrgUnitSummaryDto>[];
  unitOptions: UnitOptionDto[];
  unitCount: number;
}

export interface OrgUnitDetailDto {
  unit: OrgUnitSummaryDto & { path: string; parentName: string | null };
  children: { id: string; name: string; archived: boolean }[];
  teams: { id: string; name: string; slug: string; archived: boolean; people: number }[];
  /** Where the unit may move: active units outside its own subtree. */
  parentOptions: UnitOptionDto[];
}

export interface TeamDetailDto {
  team: {
    id: string;
    name: string;
    slug: string;
    archived: boolean;
    orgUnitId: string;
    orgUnitPath: string;
    orgUnitArchived: boolean;
  };
  people: { userId: string; name: string; email: string; role: string; deactivated: boolean }[];
  unitOptions: UnitOptionDto[];
}

export interface AuditEventDto {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  /** A readable name for the entity (a person's name, a team's name), when it still exists. */
  entityName: string | null;
  /** The event in words, with names resolved: "Ada changed Checkout's plan item …". */
  description: string;
  actor: { name: string; email: string } | null;
  team: { id: string; name: string } | null;
  before: string | null;
  after: string | null;
}

export interface AuditPageDto {
  events: AuditEventDto[];
  total: number;
  page: number;
  pageCount: number;
  entityTypes: string[];
  teams: { id: string; name: string }[];
  /** The organisation's time zone (`ORG_TIME_ZONE`): the page writes its moments on that clock. */
  timeZone: string;
}

export interface ImportPreviewDto {
  fileName: string;
  /** Problems with the file; the import is only possible when there are none. */
  issues: ImportIssue[];
  orgUnits: { line: number; name: string; slug: string; parent: string | null }[];
  teams: { line: number; name: string; slug: string; orgUnit: string }[];
  people: { line: number; name: string; email: string; roles: string[] }[];
  counts: ImportCounts;
}

export interface ImportCounts {
  orgUnits: number;
  teams: number;
  people: number;
  roles: number;
}
