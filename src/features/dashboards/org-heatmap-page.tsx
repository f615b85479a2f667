import { PageHeader } from "@/ui/page-header";
import { Link } from "@/ui/link";
import {
  AGREEMENT_FILTERS,
  BAND_FILTERS,
  COMPLETION_FILTERS,
  COMPLETION_LABELS,
  HEATMAP_DISPLAY_COLUMNS,
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
import { encodeGroup, isUnitOpen, unitsStateFromParams } from "./heatmap-encoding";
import { HeatmapFilterForm, HeatmapTable } from "./heatmap-unit-group";
import { CycleSelect } from "./cycle-select";
import { Button } from "@/ui/button";
import { SelectField } from "@/ui/select-field";
import { MethodChangeNote } from "@/features/shared/method-change-note";
import { heatmapExportPath } from "@/contracts/plans/paths";

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

const AGREEMENT_FILTER_LABELS: Record<(typeof AGREEMENT_FILTERS)[number], string> = {
  any: "Any",
  split: "Split on a question",
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
    // On a phone the five fields sit two to a row, so the heatmap starts on the first screen (one
    // to a row, they filled it); the first column is a little wider and the selects give up some
    // padding, so the cycle's "2026 Q4 (open)" stays whole beside the select's arrow.
    <HeatmapFilterForm className="grid grid-cols-[1.15fr_1fr] items-end gap-x-3 gap-y-2 rounded-lg border border-slate-300 bg-white px-3 py-2 [&_select]:px-2 sm:flex sm:flex-wrap sm:gap-x-4 sm:px-4 sm:[&_select]:px-3">
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
      <SelectField
        label="Team's own answers"
        name="agreement"
        defaultValue={query.agreement ?? "any"}
        options={AGREEMENT_FILTERS.map((filter) => ({
          value: filter,
          label: AGREEMENT_FILTER_LABELS[filter],
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
    </HeatmapFilterForm>
  );
}

/**
 * The band key stays in sight; the longer explanation folds away so the table starts high on the
 * page.
 */
function Legend() {
  return (
    <>
      <ul aria-label="Risk bands" className="flex flex-wrap items-center gap-1 py-1 text-sm">
        {BANDS.map((band) => (
          <li
            key={band.band}
            className="rounded px-1.5 font-medium leading-6"
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
      <details className="min-w-0 py-1 text-sm text-slate-800 open:basis-full">
        <summary className="cursor-pointer">
          <h2 className="inline font-semibold text-blue-800 underline underline-offset-2">
            Reading the heatmap
          </h2>
        </summary>
        <div className="mt-1 max-w-4xl rounded-lg border border-slate-300 bg-white p-3">
          <p>
            Each cell is a risk score from 0 (no sign of the pitfall) to 100, followed by an arrow for the
            change since the previous cycle: <span aria-hidden="true">↑</span> risk went up,{" "}
            <span aria-hidden="true">↓</span> risk went down, <span aria-hidden="true">→</span> unchanged
            (screen readers hear the change in words). A unit&apos;s arrow compares only its teams with a
            result in both cycles, so a team that submitted in one of them alone does not move it. A dash
            means no submitted result. A team that has not submitted in this cycle shows its last result from
            an earlier cycle instead, greyed with its band as a stripe and tagged with that cycle
            (&ldquo;Critical &middot; 3 pitfalls Q3 &rsquo;26&rdquo;); it sorts by that result, so a team
            Critical last quarter stays near the top, but it is left out of this cycle&apos;s unit averages,
            counts and filters. Select a score to see why the team got it. The colour repeats the band named
            in the key, which the score alone tells.
          </p>
          <p className="mt-2">
            <strong>Overall</strong> is the team&apos;s headline, never an average alone: the band of its
            worst pitfall, with the number of its pitfalls at High or Critical. &ldquo;Critical &middot; 2
            pitfalls&rdquo; means the worst pitfall is Critical and two pitfalls are High or Critical. The
            worst pitfall and the average of the scored pitfalls are in the cell&apos;s description. Sorting
            by Overall, the default, puts riskier teams first: worst band, then more High or Critical
            pitfalls, then the worst score, then the average.
          </p>
          <p className="mt-2">
            <span aria-hidden="true">≠</span> after a score (&ldquo;not equal&rdquo;; screen readers hear
            &ldquo;team split&rdquo;) means the team&apos;s members answered on their own and were split on at
            least one of the pitfall&apos;s questions: their answers pointed to risks half the scale or more
            apart. The score is the team&apos;s settled answer; the split is worth a conversation. Filter on
            &ldquo;Team&apos;s own answers: Split on a question&rdquo; to list those teams.
          </p>
          <p className="mt-2">
            Unit rows show the average of the unit&apos;s submitted teams per pitfall, whatever the filters
            show, and their arrows follow that average. In the Overall column a unit row shows its worst team
            band and how many of its teams are at High or Critical: &ldquo;Critical &middot; 2 teams&rdquo;
            counts teams, where a team&apos;s &ldquo;Critical &middot; 2 pitfalls&rdquo; counts pitfalls. The
            roll-ups&apos; change follows another measure, the share of teams at High or Critical, so a
            unit&apos;s average can go up while that share stays the same.
          </p>
        </div>
      </details>
    </>
  );
}

/**
 * The heatmap as CSV for the view shown: the same cycle, unit, filters and order travel in the
 * address, and the server reads it as it read the page. A plain link: the browser saves the file
 * under the name the server gives it.
 */
function DownloadViewLink({ view }: { view: OrgHeatmapView }) {
  return (
    <a
      href={heatmapExportPath(heatmapSearch(view.query))}
      download
      aria-label="Download CSV of this view"
      className="py-1 text-sm font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950"
    >
      Download CSV
    </a>
  );
}

export function OrgHeatmapPage({ view }: { view: OrgHeatmapView }) {
  const { heatmap, cycle } = view;
  const totals = heatmap.totals;
  // Links for the most recent cycle leave it out: the team pages default to the latest result.
  const cycleSearch = cycle && cycle.key !== view.cycles[0]?.key ? `?cycle=${cycle.key}` : "";
  const expandTeams = totals.shownTeams <= TEAMS_SHOWN_OPEN_UP_TO;
  // Only open units' team rows are sent: with a thousand teams and the units closed, that halves
  // the page and the server's work for it. The table starts from the same state.
  const unitsState = unitsStateFromParams(view.unitsInAddress, expandTeams);
  return (
    <div className="space-y-3">
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
          <p role="status" className="text-sm text-slate-800">
            {cycle.name} ({cycle.status === "open" ? "open" : "closed"}):{" "}
            {formatInteger(totals.completion.submitted)} submitted,{" "}
            {totals.completion.reopened > 0 &&
              `${formatInteger(totals.completion.reopened)} reopened (shown with their last submitted results, marked ↺), `}
            {formatInteger(totals.completion.draft)} in draft,{" "}
            {formatInteger(totals.completion["not-started"])} not started. Showing{" "}
            {formatInteger(totals.shownTeams)} of {formatInteger(totals.teams)} teams
            {/* Kept short: on a phone the first team's headline must still be on the first screen. How
                unit arrows and earlier results are read is under "Reading the heatmap". */}
            {view.previousCycle ? `; arrows compare with ${view.previousCycle.name}.` : "."}
          </p>
          {totals.teams === 0 ? (
            <EmptyState title="No teams to show">
              There are no product teams in the org units you can see.
            </EmptyState>
          ) : (
            <>
              {totals.completion.submitted + totals.completion.reopened === 0 && (
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
                groups={heatmap.groups.map((group) =>
                  encodeGroup(group, isUnitOpen(unitsState, group.orgUnitId)),
                )}
                pitfallNames={PITFALL_IDS.map(
                  (id) => view.pitfalls.find((pitfall) => pitfall.id === id)?.name ?? id,
                )}
                cycleSearch={cycleSearch}
                since={view.previousCycle?.name ?? null}
                initiallyExpanded={expandTeams}
                aside={
                  <>
                    <Legend />
                    <DownloadViewLink view={view} />
                  </>
                }
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
                    {HEATMAP_DISPLAY_COLUMNS.map((column) => (
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
