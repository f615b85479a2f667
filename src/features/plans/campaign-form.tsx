"use client";

import { useState } from "react";
import { addCampaignAction } from "@/server/plans/actions";
import { SubmitButton } from "@/ui/button";
import { FormAlert, FormSuccess } from "@/ui/form-alert";
import { HiddenFields } from "@/ui/hidden-fields";
import { SectionCard } from "@/ui/section-card";
import { INLINE_CONTROL, Select, SelectField } from "@/ui/select-field";
import { DataTable, type Column } from "@/ui/table";
import { TextField } from "@/ui/text-field";
import { campaignFieldNames } from "@/contracts/plans/field-names";
import type { CampaignCountermeasure, CampaignTeam, CampaignView } from "@/contracts/plans/types";
import { useFormAction } from "../shared/use-form-action";

interface TeamChoice extends CampaignTeam {
  recommended: boolean;
  planned: boolean;
}

/** Recommended teams first, then the others; teams already planning it last, as they are skipped. */
function teamChoices(view: CampaignView, countermeasure: CampaignCountermeasure | undefined): TeamChoice[] {
  const recommended = new Set(countermeasure?.recommendedFor ?? []);
  const planned = new Set(countermeasure?.plannedBy ?? []);
  const rank = (team: TeamChoice) => (team.planned ? 2 : team.recommended ? 0 : 1);
  return view.teams
    .map((team) => ({ ...team, recommended: recommended.has(team.slug), planned: planned.has(team.slug) }))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** The countermeasure, with how many teams rank it among their top recommendations. */
function optionLabel(entry: CampaignCountermeasure): string {
  const count = entry.recommendedFor.length;
  return count > 0 ? `${entry.action} (top for ${count} team${count === 1 ? "" : "s"})` : entry.action;
}

function ownerOptions(team: CampaignTeam) {
  return [
    { value: "", label: "No owner yet" },
    ...team.owners.map((owner) => ({ value: owner.id, label: `${owner.name} (${owner.roleLabel})` })),
  ];
}

function columns(errors: Record<string, string[]> | undefined): Column<TeamChoice>[] {
  const errorsOf = (name: string) => errors?.[name]?.join(" ");
  return [
    {
      key: "team",
      header: "Team",
      rowHeader: true,
      cell: (team) => {
        const names = campaignFieldNames(team.slug);
        const problem = errorsOf(names.selected);
        return (
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name={names.selected}
              defaultChecked={team.recommended && !team.planned}
              disabled={team.planned}
              aria-invalid={problem ? true : undefined}
              className="h-4 w-4"
            />
            <span>{team.name}</span>
            {problem ? <span className="text-red-800">{problem}</span> : null}
          </label>
        );
      },
    },
    {
      key: "why",
      header: "Status",
      cell: (team) =>
        team.planned
          ? "Already in the plan"
          : team.recommended
            ? "Among its top recommendations"
            : "Ranked lower",
    },
    {
      key: "owner",
      header: "Owner",
      cell: (team) => {
        const name = campaignFieldNames(team.slug).ownerId;
        return (
          <>
            <Select
              name={name}
              aria-label={`Owner for ${team.name}`}
              defaultValue={team.defaultOwnerId ?? ""}
              disabled={team.planned}
              options={ownerOptions(team)}
              aria-invalid={errorsOf(name) ? true : undefined}
            />
            {errorsOf(name) ? <p className="mt-1 text-red-800">{errorsOf(name)}</p> : null}
          </>
        );
      },
    },
    {
      key: "due",
      header: "Due date",
      cell: (team) => {
        const name = campaignFieldNames(team.slug).dueOn;
        return (
          <>
            <input
              type="date"
              name={name}
              aria-label={`Due date for ${team.name}`}
              disabled={team.planned}
              aria-invalid={errorsOf(name) ? true : undefined}
              className={INLINE_CONTROL}
            />
            {errorsOf(name) ? <p className="mt-1 text-red-800">{errorsOf(name)}</p> : null}
          </>
        );
      },
    },
  ];
}

/** Field messages that are not about a team's row (the countermeasure, the team list, a due date). */
function generalMessages(errors: Record<string, string[]> | undefined): string[] {
  return Object.entries(errors ?? {})
    .filter(([field]) => !field.includes(":") && field !== "defaultDueOn" && field !== "countermeasureId")
    .flatMap(([, messages]) => messages);
}

/**
 * A coach's campaign: one countermeasure added to several teams' plans at once. Teams whose latest
 * results rank it among their top recommendations come first and are ticked; each team's item gets
 * its own owner (its lead unless changed) and due date (the default unless one is given).
 */
export function CampaignForm({ unitSlug, view }: { unitSlug: string; view: CampaignView }) {
  const [countermeasureId, setCountermeasureId] = useState(view.countermeasures[0]?.countermeasureId ?? "");
  const { state, error, pending, formProps } = useFormAction(addCampaignAction);
  const countermeasure = view.countermeasures.find((entry) => entry.countermeasureId === countermeasureId);
  const teams = teamChoices(view, countermeasure);
  const added = state?.ok ? state.data : null;

  return (
    <SectionCard
      title="Add a countermeasure to several teams"
      id="campaign-heading"
      plain
      description={
        <p className="max-w-3xl">
          Each ticked team gets its own plan item, with its own owner and due date. Teams that already plan
          the countermeasure are left as they are.
        </p>
      }
    >
      <form {...formProps} aria-labelledby="campaign-heading" className="space-y-4">
        <HiddenFields fields={{ unitSlug }} />
        <FormAlert error={error}>
          {generalMessages(error?.fieldErrors).map((message) => (
            <p key={message}>{message}</p>
          ))}
        </FormAlert>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Countermeasure"
            name="countermeasureId"
            value={countermeasureId}
            onChange={(event) => setCountermeasureId(event.target.value)}
            options={view.countermeasures.map((entry) => ({
              value: entry.countermeasureId,
              label: optionLabel(entry),
            }))}
            errors={error?.fieldErrors?.countermeasureId}
          />
          <TextField
            type="date"
            name="defaultDueOn"
            label="Default due date"
            errors={error?.fieldErrors?.defaultDueOn}
            hint="For every team whose own due date is left empty"
          />
        </div>
        <DataTable
          stackOnPhones
          key={`${countermeasureId}:${countermeasure?.plannedBy.join(",") ?? ""}`}
          caption="Teams to add the countermeasure to"
          captionHidden
          columns={columns(error?.fieldErrors)}
          rows={teams}
          rowKey={(team) => team.slug}
          empty={null}
        />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pending={pending} pendingLabel="Adding…">
            Add to the ticked teams
          </SubmitButton>
          {added ? (
            <FormSuccess>
              {added.added.length > 0
                ? `Added “${added.action}” to ${added.added.map((team) => team.teamName).join(", ")}.`
                : `“${added.action}” was added to no team.`}
              {added.alreadyPlanned.length > 0
                ? ` Already in the plan of ${added.alreadyPlanned.map((team) => team.teamName).join(", ")}.`
                : ""}
            </FormSuccess>
          ) : null}
        </div>
      </form>
    </SectionCard>
  );
}
