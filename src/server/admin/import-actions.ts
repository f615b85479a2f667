"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/contracts/action-result";
import { requireActor } from "../auth/session";
import { ValidationError, runAction } from "../errors";
import {
  importOrganisation,
  previewOrganisationImport,
  type ImportCounts,
  type ImportPreviewDto,
  type UploadedImportFile,
} from "./import-mutations";

async function uploadedFile(formData: unknown): Promise<UploadedImportFile> {
  const file = formData instanceof FormData ? formData.get("file") : null;
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) {
    throw new ValidationError("Choose a CSV file to import.", { file: ["Choose a CSV file to import"] });
  }
  return {
    name: file.name,
    type: file.type,
    size: file.size,
    bytes: new Uint8Array(await file.arrayBuffer()),
  };
}

// These two take the form data alone (not a previous state): the import form calls them directly,
// so a large preview is never sent back to the server with the next request.

export async function previewImportAction(formData: FormData): Promise<ActionResult<ImportPreviewDto>> {
  return runAction(async () => {
    const actor = await requireActor();
    return previewOrganisationImport(actor, await uploadedFile(formData));
  });
}

export async function importOrganisationAction(formData: FormData): Promise<ActionResult<ImportCounts>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    return importOrganisation(actor, await uploadedFile(formData));
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
