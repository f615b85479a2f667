import type { ReactNode } from "react";
import { formatDayLong } from "@/domain/format";
import { StatusBadge } from "@/features/assessments/format";
import { TeamHeadlineSummary } from "@/features/results/team-headline";
import { PageHeader } from "@/ui/page-header";
import { SectionCard } from "@/ui/section-card";
import { DataTable, type Column } from "@/ui/table";
import { TextLink } from "@/ui/text-link";
import { CreateCycleForm } from "./create-cycle-form";
import { CycleStatusForm } from "./cycle-status-form";
import { ReminderPanel } from "./reminder-panel";
import type { CyclesPageData, ReminderPanelData } from "@/contracts/cycles/types";

const STATUS_TEXT = { planned: "Planned", open: "Open", closed: "Closed" } as const;

type CycleRow = CyclesPageData["cycles"][number];
type FocusTeamRow = NonNullable<CyclesPageData["focus"]>["teams"][number];

/** The newest started (open or closed) cycle after `cycle`, in a list of cycles newest first. */
function newerStartedCycle(cycles: readonly CycleRow[], cycle: CycleRow): string | null {
  const newer = cycles.slice(0, cycles.indexOf(cycle));
  return newer.find((candidate) => candidate.status !== "planned")?.name ?? null;
}

function cycleColumns(
  cycles: readonly CycleRow[],
  aCycleIsOpen: boolean,
  sendsEmail: boolean,
): Column<CycleRow>[] {
  return [
    { key: "cycle", header: "Cycle", rowHeader: true, cell: (cycle) => cycle.name },
    { key: "status", header: "Status", cell: (cycle) => STATUS_TEXT[cycle.status] },
    { key: "opens", header: "Opens", cell: (cycle) => formatDayLong(cycle.opensOn) },
    { key: "due", header: "Due", cell: (cycle) => formatDayLong(cycle.closesOn) },
    {
      key: "questionnaire",
      header: "Questionnaire",
      cell: (cycle) => (
        <>
          {cycle.questionnaireId}
          {cycle.questionnaireInstalled ? null : (
            <span className="block text-xs text-red-800">not installed</span>
          )}
        </>
      ),
    },
    { key: "submitted", header: "Submitted", className: "tabular-nums", cell: (cycle) => cycle.submitted },
    {
      key: "in-progress",
      header: "In progress",
      className: "tabular-nums",
      cell: (cycle) => cycle.inProgress,
    },
    { key: "reopened", header: "Reopened", className: "tabular-nums", cell: (cycle) => cycle.reopened },
    {
      key: "not-started",
      header: "Not started",
      className: "tabular-nums",
      cell: (cycle) => cycle.notStarted,
    },
    {
      key: "actions",
      header: <span className="sr-only">Actions</span>,
      unlabelledOnPhones: true,
      cell: (cycle) => (
        <CycleStatusForm
          cycle={cycle}
          anotherIsOpen={aCycleIsOpen && cycle.status !== "open"}
          newerStarted={newerStartedCycle(cycles, cycle)}
          sendsEmail={sendsEmail}
        />
      ),
    },
  ];
}

const focusTeamColumns: Column<FocusTeamRow>[] = [
  {
    key: "team",
    header: "Team",
    rowHeader: true,
    cell: (team) => <TextLink href={team.teamHref}>{team.teamName}</TextLink>,
  },
  { key: "unit", header: "Org unit", cell: (team) => team.orgUnitName },
  { key: "status", header: "Status", cell: (team) => <StatusBadge status={team.status} /> },
  {
    key: "headline",
    header: "Headline",
    // The table scrolls sideways on a phone anyway; without a floor the headline wrapped a word a line.
    className: "min-w-64",
    cell: (team) =>
      team.headline ? (
        <TeamHeadlineSummary headline={team.headline} size="compact" />
      ) : (
        <span className="text-slate-600">–</span>
      ),
  },
  {
    key: "result",
    header: <span className="sr-only">Result</span>,
    unlabelledOnPhones: true,
    className: "whitespace-nowrap",
    cell: (team) =>
      team.resultHref ? (
        <TextLink href={team.resultHref}>
          View result<span className="sr-only"> of {team.teamName}</span>
        </TextLink>
      ) : null,
  },
];

function CyclesHeader({ children }: { children: ReactNode }) {
  return <PageHeader title="Assessment cycles" description={<p className="max-w-3xl">{children}</p>} />;
}

/** What a coach sees: only the reminder for the teams of their units. */
export function RemindersOnlyPage({ reminders }: { reminders: ReminderPanelData }) {
  return (
    <div className="space-y-10">
      <CyclesHeader>
        Remind the leads of the teams you coach that have not submitted this quarter&apos;s assessment.
      </CyclesHeader>
      <ReminderPanel data={reminders} />
    </div>
  );
}

export function CyclesPage({ data, reminders }: { data: CyclesPageData; reminders: ReminderPanelData }) {
  const openCycle = data.cycles.find((cycle) => cycle.status === "open");
  return (
    <div className="space-y-10">
      <CyclesHeader>
        Each quarter every team answers the questionnaire once. Create the quarter&apos;s cycle, open it when
        teams should start, and close it when it is over. One cycle is open at a time.
      </CyclesHeader>

      <SectionCard title="Cycles" id="cycles-heading" plain>
        <DataTable
          stackOnPhones
          caption="Assessment cycles, newest first, with completion counts"
          captionHidden
          columns={cycleColumns(data.cycles, openCycle !== undefined, reminders.sendsEmail)}
          rows={data.cycles}
          rowKey={(cycle) => cycle.id}
          empty={<p className="text-slate-700">No cycles yet. Create the first one below.</p>}
        />
        {openCycle ? (
          <p className="text-sm text-slate-700">
            {openCycle.name} is open. Close it before opening another cycle.
          </p>
        ) : null}
      </SectionCard>

      <ReminderPanel data={reminders} />

      {data.focus ? (
        <SectionCard
          title={`Teams in ${data.focus.cycleName}`}
          id="teams-heading"
          plain
          description={
            <p className="max-w-3xl">
              Open a team&apos;s result to reopen a submitted assessment; a reason is required and recorded in
              the audit log.
            </p>
          }
        >
          <DataTable
            stackOnPhones
            caption={`Completion of each team in ${data.focus.cycleName}`}
            captionHidden
            columns={focusTeamColumns}
            rows={data.focus.teams}
            rowKey={(team) => team.teamHref}
            empty={null}
          />
        </SectionCard>
      ) : null}

      <SectionCard
        title="Create a cycle"
        id="create-heading"
        className="max-w-2xl"
        description="A new cycle starts as planned. Teams start from their last submitted answers when it opens."
      >
        <CreateCycleForm next={data.next} questionnaires={data.questionnaires} />
      </SectionCard>
    </div>
  );
}
