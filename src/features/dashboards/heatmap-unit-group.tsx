"use client";

import { type FormEvent, type ReactNode, useState, useTransition } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import {
  comparedTeamsText,
  COMPLETION_LABELS,
  HEATMAP_COLUMNS,
  HEATMAP_DISPLAY_INDEXES,
  REOPENED_RESULTS_NOTE,
} from "@/domain/dashboards/heatmap-columns";
import { Button } from "@/ui/button";
import { TREND_ARROWS, trendOfChange } from "@/domain/dashboards/trend";
import { highOrCriticalPhrase, NO_PITFALL_SHOWS_SYMPTOMS, worstLabel } from "@/domain/results/headline";
import { formatScore } from "@/domain/format";
import type { RiskBand } from "@/domain/scoring/bands";
import { bandLabel } from "@/ui/band-chip";
import {
  bandOf,
  completionOf,
  isUnitOpen,
  unitsStateFromSearch,
  writeUnitsSearch,
  type UnitsState,
  type EncodedAverage,
  type EncodedCell,
  type EncodedGroup,
} from "./heatmap-encoding";
import styles from "./heatmap.module.css";

const UNSCORED_TEXT = {
  1: "not assessed: every question was marked not applicable",
  2: "not enough answers to score",
} as const;

interface GroupProps {
  group: EncodedGroup;
  /** Pitfall names in PITFALL_IDS order, for the Overall cell's words. */
  pitfallNames: readonly string[];
  /** Query string carried into the links, e.g. "?cycle=2026-q3"; empty for the latest cycle. */
  cycleSearch: string;
  /** The previous cycle's name, for the trend wording; null when there is none. */
  since: string | null;
}

function trendWords(change: number | null, since: string | null): { text: string; arrow: string } | null {
  if (change === null || since === null) return null;
  const trend = trendOfChange(change, since);
  return { text: trend.text, arrow: TREND_ARROWS[trend.direction] };
}

/** The Overall column's change is a move in the risk order, not score points. */
function headlineTrendWords(
  change: number | null,
  since: string | null,
): { text: string; arrow: string } | null {
  if (change === null || since === null) return null;
  if (change > 0) return { text: `riskier than in ${since}`, arrow: TREND_ARROWS.up };
  if (change < 0) return { text: `less risky than in ${since}`, arrow: TREND_ARROWS.down };
  return { text: `unchanged since ${since}`, arrow: TREND_ARROWS.steady };
}

/**
 * A headline's band followed by what it counts, said to be pitfalls (a team row) or teams (a unit
 * row): "Critical · 2 pitfalls", "Critical · 2 teams", never a bare number in brackets. On a phone
 * the count goes under the band. `marks` (split, reopened, trend) follow the count, or the band
 * when there is nothing to count.
 */
function HeadlineText({
  band,
  count,
  counted,
  marks,
}: {
  band: RiskBand;
  count: number;
  counted: readonly [one: string, many: string];
  marks: string;
}) {
  if (count === 0) return `${bandLabel(band)}${marks}`;
  // The space stays in the text when the separator is hidden on a phone, so the words seen there
  // ("Critical", "2 pitfalls") still read as the start of the link's name.
  return (
    <>
      {`${bandLabel(band)} `}
      <span className={styles.headlineCount}>
        <span className={styles.headlineCountSeparator}>· </span>
        {`${count} ${count === 1 ? counted[0] : counted[1]}${marks}`}
      </span>
    </>
  );
}

/**
 * A team's headline: the worst pitfall's band with the number of High or Critical pitfalls
 * ("Critical · 2 pitfalls"); the worst pitfall and the average are in its accessible name and
 * tooltip. A reopened assessment's headline is its last submitted one, marked "↺" and said so in
 * words.
 */
function OverallCell({
  cell,
  href,
  since,
  pitfallNames,
  reopened,
  earlier,
}: {
  cell: EncodedCell;
  href: string;
  since: string | null;
  pitfallNames: readonly string[];
  reopened: boolean;
  /** The earlier cycle the figures come from, for a team without a result in this one. */
  earlier: string | null;
}) {
  if (typeof cell === "number" || cell.length < 6)
    return <TeamCell cell={cell} href={href} since={since} earlier={earlier} />;
  const [
    average,
    bandIndex,
    change,
    highOrCritical,
    worstScore,
    worstIndex,
    split = 0,
    namedBandIndex = bandIndex,
  ] = cell as readonly [number, number, number | null, number, number, number, number?, number?];
  const band = bandOf(bandIndex);
  const trend = earlier === null ? headlineTrendWords(change, since) : null;
  const worstName = pitfallNames[worstIndex];
  const words =
    worstName === undefined
      ? `${bandLabel(band)}: ${NO_PITFALL_SHOWS_SYMPTOMS}, average ${formatScore(average)}`
      : `${bandLabel(band)}: ${highOrCriticalPhrase(highOrCritical)}, ${worstLabel({ worstBand: band, namedBand: bandOf(namedBandIndex) })} ${worstName} ${formatScore(worstScore)}, average ${formatScore(average)}`;
  const marks = `${splitMark(split)}${reopened ? " ↺" : ""}`;
  const shown = (arrow: string) => (
    <HeadlineText band={band} count={highOrCritical} counted={PITFALLS} marks={`${marks}${arrow}`} />
  );
  const described = `${earlierPrefix(earlier)}${words}${splitWords(split)}${reopened ? `; ${REOPENED_RESULTS_NOTE}` : ""}`;
  if (earlier !== null) {
    // The cycle's tag is short so the headline column still fits a phone's first screen; the
    // words (full cycle name first) are the link's name, so what is seen is part of what is heard.
    return (
      <td className={cellClass(band, earlier)}>
        <a href={href} title={described}>
          <span aria-hidden="true">
            {shown("")}
            <CycleTag name={earlier} />
          </span>
          <span className="sr-only">{described}</span>
        </a>
      </td>
    );
  }
  return (
    <td className={cellClass(band, earlier)}>
      <a href={href} aria-label={`${described}${trend ? `, ${trend.text}` : ""}`} title={described}>
        {shown(trend ? ` ${trend.arrow}` : "")}
      </a>
    </td>
  );
}

const PITFALLS = ["pitfall", "pitfalls"] as const;
const TEAMS = ["team", "teams"] as const;

/**
 * A unit's change in words with the teams it is taken over: only those with a result in both
 * cycles, so the words must say so or the figure beside it (over every team now) misleads.
 */
function trendAmong(trend: { text: string } | null, compared: number): string | null {
  if (!trend) return null;
  return compared > 0 ? `${trend.text}, ${comparedTeamsText(compared)}` : trend.text;
}

/**
 * "2026 Q3" as "Q3 ’26": the tag on an earlier result's headline, where room is scarce; on a phone
 * the year is left out (the tooltip and the words keep the full name) so the headline column still
 * fits the first screen.
 */
function CycleTag({ name }: { name: string }) {
  const match = /^\d{2}(\d{2}) (Q[1-4])$/.exec(name);
  if (!match) return <span className={styles.earlierTag}>{name}</span>;
  return (
    <span className={styles.earlierTag}>
      {match[2]}
      <span className={styles.earlierYear}> ’{match[1]}</span>
    </span>
  );
}

/** Words that say a figure is the team's last result from an earlier cycle, not this cycle's. */
function earlierPrefix(earlier: string | null): string {
  return earlier === null ? "" : `${earlier} result, none yet in this cycle: `;
}

/** An earlier cycle's result is greyed, its band a stripe, so it never reads as this cycle's. */
function cellClass(band: RiskBand, earlier: string | null): string {
  return earlier === null ? `${styles.c} ${styles[band]}` : `${styles.c} ${styles[band]} ${styles.earlier}`;
}

/** The mark after a score whose team was split: "≠" for the eye, words for everyone else. */
function splitMark(split: number): string {
  return split > 0 ? " ≠" : "";
}

function splitWords(split: number): string {
  return split > 0 ? `, team split on ${split} ${split === 1 ? "question" : "questions"}` : "";
}

/**
 * A unit's headline: its worst team band, then how many of its teams are at High or Critical,
 * said to be teams ("Critical · 2 teams") so it is not read as a team's count of pitfalls.
 */
function UnitOverallCell({ average, since }: { average: EncodedAverage; since: string | null }) {
  if (typeof average === "number" || average.length < 5)
    return <AverageCell average={average} since={since} />;
  const [score, bandIndex, change, scoredTeams, highOrCriticalTeams, compared = 0] = average as readonly [
    number,
    number,
    number | null,
    number,
    number,
    number?,
  ];
  const band = bandOf(bandIndex);
  const trend = headlineTrendWords(change, since);
  const changeWords = trendAmong(trend, compared);
  const teams = `${highOrCriticalTeams} of ${scoredTeams} ${scoredTeams === 1 ? "team" : "teams"} High or Critical`;
  // After the count of teams, so on a phone, where the count goes under the band, it follows it there.
  const arrow = trend ? ` ${trend.arrow}` : "";
  return (
    <td className={`${styles.c} ${styles[band]}`}>
      <span title={`${teams}${changeWords ? `; ${changeWords}` : ""}`}>
        <span aria-hidden="true">
          <HeadlineText band={band} count={highOrCriticalTeams} counted={TEAMS} marks={arrow} />
        </span>
        <span className="sr-only">
          {`${bandLabel(band)}: worst team headline in the unit; ${teams}, average ${formatScore(score)}${changeWords ? `, ${changeWords}` : ""}`}
        </span>
      </span>
    </td>
  );
}

function TeamCell({
  cell,
  href,
  since,
  earlier = null,
}: {
  cell: EncodedCell;
  href: string;
  since: string | null;
  /** The earlier cycle the figure comes from, for a team without a result in this one. */
  earlier?: string | null;
}) {
  if (cell === 0) return <td className={`${styles.c} ${styles.empty}`}>–</td>;
  if (cell === 1 || cell === 2) {
    return (
      <td className={`${styles.c} ${styles.empty}`}>
        <span aria-hidden="true">–</span>
        <span className="sr-only">{`${earlierPrefix(earlier)}${UNSCORED_TEXT[cell]}`}</span>
      </td>
    );
  }
  const [score, bandIndex, change, split = 0] = cell;
  const band = bandOf(bandIndex);
  const trend = earlier === null ? trendWords(change, since) : null;
  const shown = `${formatScore(score)}${splitMark(split)}`;
  // One element per cell with its words in the label keeps a 10,000-cell table light to render.
  return (
    <td className={cellClass(band, earlier)}>
      <a
        href={href}
        aria-label={`${earlierPrefix(earlier)}${formatScore(score)} ${bandLabel(band)}${trend ? `, ${trend.text}` : ""}${splitWords(split)}`}
        title={earlier === null ? undefined : `${earlier} result: none yet in this cycle`}
      >
        {trend ? `${shown} ${trend.arrow}` : shown}
      </a>
    </td>
  );
}

function AverageCell({ average, since }: { average: EncodedAverage; since: string | null }) {
  if (average === 0) {
    return (
      <td className={`${styles.c} ${styles.empty}`}>
        <span aria-hidden="true">–</span>
        <span className="sr-only">no submitted results in this unit</span>
      </td>
    );
  }
  const [score, bandIndex, change, scoredTeams, compared = 0] = average;
  const band = bandOf(bandIndex);
  const trend = trendWords(change, since);
  const changeWords = trendAmong(trend, compared);
  return (
    <td className={`${styles.c} ${styles[band]}`}>
      {/* The arrow follows the unit's average score (the roll-ups' change, its share at High or Critical). */}
      <span title={changeWords ? `Unit average: ${changeWords}` : undefined}>
        <span aria-hidden="true">{trend ? `${formatScore(score)} ${trend.arrow}` : formatScore(score)}</span>
        <span className="sr-only">
          {`${formatScore(score)} ${bandLabel(band)}, unit average of ${scoredTeams} ${scoredTeams === 1 ? "team" : "teams"}${changeWords ? `, ${changeWords}` : ""}`}
        </span>
      </span>
    </td>
  );
}

interface UnitGroupProps extends GroupProps {
  expanded: boolean;
  onToggle: () => void;
}

/** One org unit of the heatmap: its average row, whose button opens or closes the unit, and its teams. */
function HeatmapUnitGroup({ group, pitfallNames, cycleSearch, since, expanded, onToggle }: UnitGroupProps) {
  return (
    <tbody>
      <tr className={styles.unitRow}>
        <th scope="rowgroup">
          <button type="button" aria-expanded={expanded} onClick={onToggle} className={styles.toggle}>
            <span aria-hidden="true" className={styles.chevron}>
              {expanded ? "▾" : "▸"}
            </span>
            <span className={styles.unitLabel}>
              <span className={styles.unitName} title={group.name}>
                {group.name}
              </span>
              <span className={styles.count}>
                {` (${group.teamCount} ${group.teamCount === 1 ? "team" : "teams"})`}
              </span>
            </span>
          </button>
        </th>
        <td className={styles.status}>
          {group.submitted} of {group.teamCount} submitted
          {group.reopened > 0 && `, ${group.reopened} reopened`}
        </td>
        {HEATMAP_DISPLAY_INDEXES.map((index) =>
          HEATMAP_COLUMNS[index] === "overall" ? (
            <UnitOverallCell key="overall" average={group.averages[index]!} since={since} />
          ) : (
            <AverageCell key={HEATMAP_COLUMNS[index]} average={group.averages[index]!} since={since} />
          ),
        )}
      </tr>
      {expanded && group.rows === null && (
        // Opened after the page was rendered: its teams are on their way from the server.
        <tr>
          <td colSpan={HEATMAP_COLUMNS.length + 2} className={styles.status} role="status">
            Loading the teams of {group.name}…
          </td>
        </tr>
      )}
      {expanded &&
        group.rows !== null &&
        (group.rows.length === 0 ? (
          <tr>
            <td colSpan={HEATMAP_COLUMNS.length + 2} className={styles.status}>
              No team in this unit matches the filters.
            </td>
          </tr>
        ) : (
          group.rows.map(([slug, name, completion, current, last]) => {
            // A team without a result in this cycle shows its last earlier one, labelled.
            const cells = last ? last[1] : current;
            const earlier = last ? last[0] : null;
            return (
              <tr key={slug} data-team-row="">
                <th scope="row" className={styles.team}>
                  <a href={`/team/${slug}/dashboard${cycleSearch}`} title={name}>
                    {name}
                  </a>
                </th>
                <td
                  className={styles.status}
                  title={
                    earlier === null ? undefined : `No result yet in this cycle: ${earlier} result shown`
                  }
                >
                  {COMPLETION_LABELS[completionOf(completion)]}
                </td>
                {HEATMAP_DISPLAY_INDEXES.map((index) => {
                  const column = HEATMAP_COLUMNS[index]!;
                  const cell = cells[index]!;
                  if (column === "overall") {
                    return (
                      <OverallCell
                        key={column}
                        cell={cell}
                        href={`/team/${slug}/dashboard${cycleSearch}`}
                        since={since}
                        pitfallNames={pitfallNames}
                        reopened={completionOf(completion) === "reopened"}
                        earlier={earlier}
                      />
                    );
                  }
                  const href = `/team/${slug}/dashboard/${column}${cycleSearch}`;
                  return <TeamCell key={column} cell={cell} href={href} since={since} earlier={earlier} />;
                })}
              </tr>
            );
          })
        ))}
    </tbody>
  );
}

interface HeatmapTableProps {
  groups: readonly EncodedGroup[];
  /** Pitfall names in PITFALL_IDS order, for the Overall cell's words. */
  pitfallNames?: readonly string[];
  /** Query string carried into the links, e.g. "?cycle=2026-q3"; empty for the latest cycle. */
  cycleSearch: string;
  /** The previous cycle's name, for the trend wording; null when there is none. */
  since: string | null;
  /**
   * Whether units start open. Large organisations start with the unit rows only: a thousand team
   * rows are neither readable at a glance nor cheap to render for every visitor.
   */
  initiallyExpanded: boolean;
  caption: string;
  head: ReactNode;
  /** Shown in the row of the open/close-all controls, e.g. the folded legend. */
  aside?: ReactNode;
}

function addressWithUnitsState(state: UnitsState): URL {
  const url = new URL(window.location.href);
  writeUnitsSearch(url.searchParams, state);
  return url;
}

/**
 * The heatmap's filter form: with JavaScript a changed filter applies at once (a client-side
 * navigation that keeps the page in place); without it the submit button sends the form.
 */
export function HeatmapFilterForm({ className, children }: { className: string; children: ReactNode }) {
  const router = useRouter();
  const applyOnChange = (event: FormEvent<HTMLFormElement>) => {
    if (!(event.target instanceof HTMLSelectElement)) return;
    const fields = new FormData(event.currentTarget);
    const search = new URLSearchParams([...fields].map(([name, value]) => [name, String(value)]));
    router.push(`/org?${search}`);
  };
  return (
    <form method="get" action="/org" className={className} onChange={applyOnChange}>
      {children}
    </form>
  );
}

/** The heatmap table with its open/close-all controls; each unit opens and closes on its own too. */
export function HeatmapTable({
  groups,
  pitfallNames = [],
  cycleSearch,
  since,
  initiallyExpanded,
  caption,
  head,
  aside,
}: HeatmapTableProps) {
  const search = useSearchParams();
  const router = useRouter();
  const [, startTransition] = useTransition();
  // Units follow one default (open or closed) except those toggled one by one, so units that
  // appear after a client-side navigation (clearing a filter, say) follow the default too.
  const [state, setState] = useState<UnitsState>(() => unitsStateFromSearch(search, initiallyExpanded));
  const isOpen = (id: string) => isUnitOpen(state, id);
  const update = (next: UnitsState) => {
    setState(next);
    const address = addressWithUnitsState(next);
    // Replacing, not pushing: opening a unit is not a step the Back button should undo one by one.
    if (groups.some((group) => group.rows === null && isUnitOpen(next, group.id))) {
      // A unit whose rows the page was rendered without: the server renders it again, with them.
      startTransition(() => router.replace(`${address.pathname}${address.search}`, { scroll: false }));
    } else {
      window.history.replaceState(window.history.state, "", address);
    }
  };
  const toggle = (id: string) => {
    const toggled = new Set(state.toggled);
    if (toggled.has(id)) toggled.delete(id);
    else toggled.add(id);
    update({ open: state.open, toggled });
  };
  const allOpen = groups.every((group) => isOpen(group.id));
  const noneOpen = !groups.some((group) => isOpen(group.id));
  // aria-disabled, not disabled: the button just pressed has nothing left to do, and a disabled
  // button would drop keyboard focus to the top of the page.
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        <Button
          type="button"
          variant="secondary"
          className="px-3! py-1!"
          aria-disabled={allOpen || undefined}
          onClick={() => {
            if (!allOpen) update({ open: true, toggled: new Set() });
          }}
        >
          Open all units
        </Button>
        <Button
          type="button"
          variant="secondary"
          className="px-3! py-1!"
          aria-disabled={noneOpen || undefined}
          onClick={() => {
            if (!noneOpen) update({ open: false, toggled: new Set() });
          }}
        >
          Close all units
        </Button>
        {aside}
      </div>
      <div
        role="region"
        aria-labelledby="heatmap-caption"
        tabIndex={0}
        // Tall enough to fill the window below the sticky site header, so scrolling the page
        // brings the whole table into view; the header row and Team column stay put inside it.
        // Positioned, so the cells' visually hidden (absolutely positioned) words are clipped by
        // this region instead of widening the page on a phone.
        className="relative max-h-[calc(100dvh-4.5rem)] overflow-auto rounded-lg border border-slate-300 bg-white"
      >
        <table className={styles.table}>
          <caption id="heatmap-caption" className="sr-only">
            {caption}
          </caption>
          <thead>{head}</thead>
          {groups.map((group) => (
            <HeatmapUnitGroup
              key={group.id}
              group={group}
              pitfallNames={pitfallNames}
              cycleSearch={cycleSearch}
              since={since}
              expanded={isOpen(group.id)}
              onToggle={() => toggle(group.id)}
            />
          ))}
        </table>
      </div>
    </div>
  );
}
