/**
 * "What got worse since last quarter, and what got better": the teams whose results moved most
 * between the previous cycle and this one. A head of engineering with ten minutes reads these
 * first; the heatmap's arrows hold the same information, one cell at a time.
 *
 * Like with like only: a team is compared when it has results in both cycles, scored with the
 * same method (the caller passes only such earlier results), and a pitfall only when it is scored
 * in both. A change counts from NOTABLE_CHANGE_POINTS whole points, or when the pitfall's band
 * changes; the team's headline (its worst band) moving counts before any score, and puts the team
 * in that list only.
 * Pure: the server reads the rows, this compares them.
 */
import { PITFALL_IDS } from "../content/schema";
import { bandRank, teamHeadline, type HeadlinePitfallResult } from "../results/headline";
import { decodeRiskBand, type RiskBand } from "../scoring/bands";

/** Smaller moves are left out: a few points is what answering one question differently does. */
export const NOTABLE_CHANGE_POINTS = 5;
/** Teams listed each way: enough for a conversation, few enough to read in a minute. */
export const BIGGEST_CHANGES_SHOWN = 5;
/** Pitfalls named per team, the biggest moves first. */
const MOVES_SHOWN = 3;

export interface PitfallMove {
  pitfallId: string;
  before: number;
  now: number;
  /** Whole points, signed: positive is more risk. */
  change: number;
  bandBefore: RiskBand;
  bandNow: RiskBand;
}

export interface TeamChange<Team> {
  team: Team;
  /** The team's headline band (its worst pitfall's) in the previous cycle and in this one. */
  headlineBefore: RiskBand;
  headlineNow: RiskBand;
  /** The notable moves this way (worse or better), biggest first, at most MOVES_SHOWN. */
  moves: PitfallMove[];
}

export interface BiggestChanges<Team> {
  /** The previous cycle's name. */
  since: string;
  /** Teams with comparable results in both cycles: the only ones looked at. */
  comparedTeams: number;
  /** The teams that got most worse, at most BIGGEST_CHANGES_SHOWN; `worseTeams` counts them all. */
  worse: TeamChange<Team>[];
  worseTeams: number;
  better: TeamChange<Team>[];
  betterTeams: number;
}

function scored(result: HeadlinePitfallResult | undefined): { score: number; band: RiskBand } | null {
  if (!result || result.status !== "scored" || result.score === null) return null;
  const band = decodeRiskBand(result.band);
  return band === null ? null : { score: result.score, band };
}

/** Each pitfall scored in both results, with its change in whole points. */
export function pitfallMoves(
  now: readonly HeadlinePitfallResult[],
  before: readonly HeadlinePitfallResult[],
): PitfallMove[] {
  const moves: PitfallMove[] = [];
  for (const pitfallId of PITFALL_IDS) {
    const current = scored(now.find((row) => row.pitfallId === pitfallId));
    const earlier = scored(before.find((row) => row.pitfallId === pitfallId));
    if (!current || !earlier) continue;
    moves.push({
      pitfallId,
      before: earlier.score,
      now: current.score,
      // Rounded as the trend arrows round: a tenth of a point is noise.
      change: Math.round(current.score - earlier.score),
      bandBefore: earlier.band,
      bandNow: current.band,
    });
  }
  return moves;
}

function isNotable(move: PitfallMove, way: 1 | -1): boolean {
  const bandStep = Math.sign(bandRank(move.bandNow) - bandRank(move.bandBefore));
  return move.change * way >= NOTABLE_CHANGE_POINTS || (bandStep === way && move.change * way > 0);
}

interface Candidate<Team> extends TeamChange<Team> {
  /** Band steps of the headline this way (0 when it did not move this way). */
  headlineSteps: number;
  biggest: number;
}

function candidate<Team>(
  team: Team,
  headlineBefore: RiskBand,
  headlineNow: RiskBand,
  moves: readonly PitfallMove[],
  way: 1 | -1,
): Candidate<Team> | null {
  const headlineMove = (bandRank(headlineNow) - bandRank(headlineBefore)) * way;
  // A team whose headline moved the other way belongs to the other list only: one pitfall a
  // little better does not make a team that turned Critical one that "got better".
  if (headlineMove < 0) return null;
  const headlineSteps = headlineMove;
  // Stable: equal moves keep the pitfalls' content order.
  const notable = moves.filter((move) => isNotable(move, way)).sort((a, b) => (b.change - a.change) * way);
  if (headlineSteps === 0 && notable.length === 0) return null;
  return {
    team,
    headlineBefore,
    headlineNow,
    headlineSteps,
    biggest: notable.length === 0 ? 0 : notable[0]!.change * way,
    moves: notable.slice(0, MOVES_SHOWN),
  };
}

/** Most first: the headline's band steps this way, then the biggest move, then the name. */
function ranked<Team>(candidates: Candidate<Team>[], nameOf: (team: Team) => string): TeamChange<Team>[] {
  return candidates
    .sort(
      (a, b) =>
        b.headlineSteps - a.headlineSteps ||
        b.biggest - a.biggest ||
        nameOf(a.team).localeCompare(nameOf(b.team)),
    )
    .map(({ team, headlineBefore, headlineNow, moves }) => ({ team, headlineBefore, headlineNow, moves }));
}

/**
 * The biggest changes between each team's `previous` results and its `current` ones. `previous`
 * holds only comparable results (same scoring method) of teams that have `current` ones; a team
 * missing from either is not compared. A team whose headline stayed in its band can be in both
 * lists: one pitfall worse, another better.
 */
export function biggestChanges<Team>(input: {
  teams: ReadonlyMap<string, Team>;
  current: ReadonlyMap<string, readonly HeadlinePitfallResult[]>;
  previous: ReadonlyMap<string, readonly HeadlinePitfallResult[]>;
  since: string;
  nameOf: (team: Team) => string;
}): BiggestChanges<Team> {
  const worse: Candidate<Team>[] = [];
  const better: Candidate<Team>[] = [];
  let comparedTeams = 0;
  for (const [teamId, before] of input.previous) {
    const now = input.current.get(teamId);
    const team = input.teams.get(teamId);
    if (!now || !team) continue;
    const headlineNow = teamHeadline(now).worstBand;
    const headlineBefore = teamHeadline(before).worstBand;
    if (headlineNow === null || headlineBefore === null) continue;
    comparedTeams++;
    const moves = pitfallMoves(now, before);
    const up = candidate(team, headlineBefore, headlineNow, moves, 1);
    const down = candidate(team, headlineBefore, headlineNow, moves, -1);
    if (up) worse.push(up);
    if (down) better.push(down);
  }
  return {
    since: input.since,
    comparedTeams,
    worse: ranked(worse, input.nameOf).slice(0, BIGGEST_CHANGES_SHOWN),
    worseTeams: worse.length,
    better: ranked(better, input.nameOf).slice(0, BIGGEST_CHANGES_SHOWN),
    betterTeams: better.length,
  };
}

/** "+20", "−12": a move's change with its sign, as people write it. */
export function signedPoints(change: number): string {
  return change > 0 ? `+${change}` : change < 0 ? `−${-change}` : "0";
}
