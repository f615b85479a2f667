import type { ReactNode } from "react";
import type { ActionResult } from "@/contracts/action-result";
import type { SelectOption } from "@/ui/select-field";
import { SectionCard } from "@/ui/section-card";
import { ActionButton } from "./action-button";
import { ConfirmAction } from "./confirm-action";
import { MoveForm, RenameForm } from "./org-forms";

type NullAction = (previous: ActionResult<null> | null, formData: FormData) => Promise<ActionResult<null>>;

/**
 * Rename, Move and Archive/Unarchive: the sections an org unit's page and a team's page share.
 * Archiving asks for confirmation; unarchiving is one click, as it is easy to undo.
 */
export function OrgSettings({
  idField,
  id,
  name,
  archived,
  rename,
  move,
  archive,
}: {
  idField: "orgUnitId" | "teamId";
  id: string;
  name: string;
  archived: boolean;
  rename: { action: NullAction; label: string };
  move: {
    action: NullAction;
    heading: string;
    targetField: "parentId" | "orgUnitId";
    label: string;
    options: SelectOption[];
    current: string;
    placeholder?: string;
  };
  archive: {
    archiveAction: NullAction;
    unarchiveAction: NullAction;
    explanation: ReactNode;
    triggerLabel: string;
    description: string;
    /** Why it cannot be archived yet (the server checks again); the button then says so beside it. */
    blockedReason?: string | null;
  };
}) {
  const { heading: moveHeading, action: moveAction, ...moveField } = move;
  return (
    <>
      <SectionCard title="Rename" id="rename-heading" plain>
        <RenameForm
          action={rename.action}
          idField={idField}
          id={id}
          currentName={name}
          label={rename.label}
        />
      </SectionCard>

      <SectionCard title={moveHeading} id="move-heading" plain>
        <MoveForm action={moveAction} idField={idField} id={id} {...moveField} />
      </SectionCard>

      <SectionCard title={archived ? "Unarchive" : "Archive"} id="archive-heading" plain>
        {archived ? (
          <ActionButton
            action={archive.unarchiveAction}
            fields={{ [idField]: id }}
            label="Unarchive"
            variant="primary"
          />
        ) : (
          <>
            <p className="max-w-2xl text-slate-700">{archive.explanation}</p>
            <ConfirmAction
              action={archive.archiveAction}
              fields={{ [idField]: id }}
              triggerLabel={archive.triggerLabel}
              title={`Archive ${name}?`}
              description={archive.description}
              confirmLabel="Yes, archive"
              successMessage={`${name} was archived.`}
              unavailable={archive.blockedReason}
            />
          </>
        )}
      </SectionCard>
    </>
  );
}
