import { PageHeader } from "@/ui/page-header";
import Link from "next/link";
import {
  BAND_FILTERS,
  COMPLETION_FILTERS,
  COMPLETION_LABELS,
  HEATMAP_COLUMNS,
  heatmapSearch,
  sortToggle,
  type HeatmapColumn,
  type HeatmapQuery,
  type HeatmapSortKey,
} from "@/domain/dashboards/heatmap";
import { PITFALL_IDS } from "@/domain/content/schema";
import { BANDS } from "@/domain/scoring/bands";
import type { OrgHeatmapView } from "@/contracts/dashboards/views";
import { BAND_COLOURS } from "@/ui/band-chip";
import { formatInteger } from "@/domain/format";
import { OrgDashboardNav } from "./dashboard-nav";
import { EmptyState } from "@/ui/empty-state";
import { encodeGroup } from "./heatmap-encoding";
import { HeatmapTable } from "./heatmap-unit-group";
import { CycleSelect } from "./cycle-select";
import { Button } from "@/ui/button";
import { SelectField } from "@/ui/select-field";
import { MethodChangeNote } from "@/features/shared/method-change-note";

/**
 * Up to this many teams shown, every unit starts open; above it only the unit rows render until
 * someone opens a unit. A filtered view of a large organisation is usually below it again.
 */
export const TEAMS_SHOWN_OPEN_UP_TO = 150;

const BAND_FILTER_LABELS: Record<(typeof BAND_FILTERS)[number], string> = {
  any: "Any band",
  medium: "Medium or worse",
  high: "High or critical",
  critical: "Critical",
};

function columnLabel(view: OrgHeatmapView, column: HeatmapColumn): string {
  if (column === "overall") return "Overall";
  return view.pitfalls.find((pitfall) => pitfall.id === column)?.name ?? column;
}

function SortHeader({
  view,
  sortKey,
  label,
}: {
  view: OrgHeatmapView;
  sortKey: HeatmapSortKey;
  label: string;
}) {
  const active = view.query.sort === sortKey;
  const next = sortToggle(view.query, sortKey);
  return (
    <th scope="col" aria-sort={active ? (view.query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link
        href={`/org${heatmapSearch(next)}`}
        className="text-blue-800 underline underline-offset-2 hover:text-blue-950"
      >
        {label}
        {active && <span aria-hidden="true">{view.query.dir === "asc" ? " ▲" : " ▼"}</span>}
        <span className="sr-only">{`, sort ${next.dir === "asc" ? "ascending" : "descending"}`}</span>
      </Link>
    </th>
  );
}

function Filters({ view }: { view: OrgHeatmapView }) {
  const query: HeatmapQuery = view.query;
  return (
    <form
      method="get"
      action="/org"
      className="grid gap-4 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
    >
      <CycleSelect cycles={view.cycles} current={query.cycle} markOpen />
      <SelectField
        label="Org unit"
        name="unit"
        defaultValue={query.unit ?? ""}
        placeholder="All units"
        options={view.units.map((unit) => ({ value: unit.slug, label: unit.name }))}
      />
      <SelectField
        label="Teams with any pitfall at"
        name="band"
        defaultValue={query.band}
        options={BAND_FILTERS.map((band) => ({ value: band, label: BAND_FILTER_LABELS[band] }))}
      />
      <SelectField
        label="Completion"
        name="completion"
        defaultValue={query.completion}
        options={COMPLETION_FILTERS.map((status) => ({
          value: status,
          label: status === "any" ? "Any status" : COMPLETION_LABELS[status],
        }))}
      />
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="flex items-end gap-3">
        <Button type="submit">Apply filters</Button>
        <Link href="/org" className="py-2 text-sm text-blue-800 underline underline-offset-2">
          Clear
        </Link>
      </div>
    </form>
  );
}

function Legend() {
  return (
    <div className="rounded-lg border border-slate-300 bg-white p-4 text-sm text-slate-800">
      <h2 className="font-semibold">Reading the heatmap</h2>
      <p className="mt-1">
        Each cell is a risk score from 0 (no sign of the pitfall) to 100, followed by an arrow for the change
        since the previous cycle: <span aria-hidden="true">↑</span> risk went up,{" "}
        <span aria-hidden="true">↓</span> risk went down, <span aria-hidden="true">→</span> unchanged (screen
        readers hear the change in words). A dash means no submitted result. Select a score to see why the
        team got it. The colour repeats the band, which the score alone tells:
      </p>
      <ul className="mt-2 flex flex-wrap gap-2">
        {BANDS.map((band) => (
          <li
            key={band.band}
            className="rounded px-2 py-1 font-medium"
            style={{
              backgroundColor: BAND_COLOURS[band.band].background,
              color: BAND_COLOURS[band.band].text,
            }}
          >
            {band.label}: {band.from}
            {band.band === "critical" ? "–100" : `–<${band.to}`}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <strong>Overall</strong> is the team&apos;s headline, never an average alone: the band of its worst
        pitfall, with the number of pitfalls at High or Critical in brackets. &ldquo;Critical (2)&rdquo; means
        the worst pitfall is Critical and two pitfalls are High or Critical. The worst pitfall and the average
        of the scored pitfalls are in the cell&apos;s description. Sorting by Overall, the default, puts
        riskier teams first: worst band, then more High or Critical pitfalls, then the worst score, then the
        average.
      </p>
      <p className="mt-2">
        Unit rows show the average of the unit&apos;s submitted teams per pitfall, whatever the filters show;
        in the Overall column, the unit&apos;s worst team band, with the number of its teams at High or
        Critical.
      </p>
    </div>
  );
}

export function OrgHeatmapPage({ view }: { view: OrgHeatmapView }) {
  const { heatmap, cycle } = view;
  const totals = heatmap.totals;
  // Links for the most recent cycle leave it out: the team pages default to the latest result.
  const cycleSearch = cycle && cycle.key !== view.cycles[0]?.key ? `?cycle=${cycle.key}` : "";
  const expandTeams = totals.shownTeams <= TEAMS_SHOWN_OPEN_UP_TO;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Organisation"
        description={
          <p className="max-w-3xl">
            {view.scope === "organisation"
              ? "Every product team against the seven pitfalls, grouped by org unit."
              : "The teams of the org units you coach against the seven pitfalls, grouped by org unit."}
          </p>
        }
      />
      <OrgDashboardNav current="/org" search={cycle ? `?cycle=${cycle.key}` : ""} />
      <MethodChangeNote change={view.methodChange} />

      {!cycle ? (
        <EmptyState title="No assessment cycle yet">
          Scores appear here once an administrator opens the first quarterly cycle and teams submit their
          assessments.
        </EmptyState>
      ) : (
        <>
          <Filters view={view} />
          {view.unknownUnit && (
            <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
              That org unit does not exist or is not one you can see, so every unit is shown.
            </p>
          )}
          <p role="status" className="text-slate-800">
            {cycle.name} ({cycle.status === "open" ? "open" : "closed"}):{" "}
            {formatInteger(totals.completion.submitted)} submitted, {formatInteger(totals.completion.draft)}{" "}
            in draft, {formatInteger(totals.completion["not-started"])} not started. Showing{" "}
            {formatInteger(totals.shownTeams)} of {formatInteger(totals.teams)} teams
            {view.previousCycle ? `; arrows compare with ${view.previousCycle.name}.` : "."}
          </p>
          <Legend />
          {totals.teams === 0 ? (
            <EmptyState title="No teams to show">
              There are no product teams in the org units you can see.
            </EmptyState>
          ) : (
            <>
              {totals.completion.submitted === 0 && (
                <p className="rounded-md border border-slate-300 bg-white p-3 text-slate-800">
                  No team has submitted an assessment for {cycle.name} yet, so there are no scores to show.
                </p>
              )}
              {!expandTeams && (
                <p className="text-slate-800">
                  With {formatInteger(totals.shownTeams)} teams shown, the units start closed: open a unit to
                  see its teams, or narrow the view with the filters above.
                </p>
              )}
              <HeatmapTable
                // A new default (the number of teams shown crossed the threshold) starts afresh.
                key={expandTeams ? "units-open" : "units-closed"}
                groups={heatmap.groups.map(encodeGroup)}
                pitfallNames={PITFALL_IDS.map(
                  (id) => view.pitfalls.find((pitfall) => pitfall.id === id)?.name ?? id,
                )}
                cycleSearch={cycleSearch}
                since={view.previousCycle?.name ?? null}
                initiallyExpanded={expandTeams}
                caption={`Risk scores of ${totals.shownTeams} teams by pitfall for ${cycle.name}, grouped by org unit. Sorted by ${
                  view.query.sort === "team"
                    ? "team name"
                    : view.query.sort === "completion"
                      ? "completion"
                      : view.query.sort === "overall"
                        ? "overall headline (worst band, then High or Critical pitfalls)"
                        : columnLabel(view, view.query.sort)
                }, ${
                  view.query.sort === "overall"
                    ? view.query.dir === "asc"
                      ? "least risky first"
                      : "riskiest first"
                    : view.query.dir === "asc"
                      ? "ascending"
                      : "descending"
                }.`}
                head={
                  <tr>
                    <SortHeader view={view} sortKey="team" label="Team" />
                    <SortHeader view={view} sortKey="completion" label="Completion" />
                    {HEATMAP_COLUMNS.map((column) => (
                      <SortHeader
                        key={column}
                        view={view}
                        sortKey={column}
                        label={columnLabel(view, column)}
                      />
                    ))}
                  </tr>
                }
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
