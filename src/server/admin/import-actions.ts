"use server";

import { z } from "zod";
import { ValidationError } from "../errors";
import { formDataAction } from "../server-action";
import { importOrganisation, previewOrganisationImport, type UploadedImportFile } from "./import-mutations";

/** The import form's one field; what it holds is checked by uploadedFile, with the form's own message. */
const importForm = z.object({ file: z.unknown() });

async function uploadedFile(file: unknown): Promise<UploadedImportFile> {
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

export const previewImportAction = formDataAction({
  input: importForm,
  handler: async (input, { actor }) => previewOrganisationImport(actor, await uploadedFile(input.file)),
});

export const importOrganisationAction = formDataAction({
  input: importForm,
  handler: async (input, { actor }) => importOrganisation(actor, await uploadedFile(input.file)),
  revalidate: [{ layout: "/" }],
});
