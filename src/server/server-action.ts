import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { Actor } from "@/domain/access/policy";
import type { ActionResult } from "@/contracts/action-result";
import { requireActor } from "./auth/session";
import { ValidationError, parseInput, runAction } from "./errors";

/**
 * The one way a server action is built: who is calling, the input read and checked with its shared
 * zod schema, the change itself inside the error boundary (runAction), then, only after a success,
 * the pages to refresh and where to go next. Redirecting happens outside the boundary because
 * Next's redirect() works by throwing.
 */

/** A page to refresh after a success: a path, or every page under a layout. */
export type Revalidation = string | { layout: string };

/** What a form's useActionState calls: the previous state (unused) and the submitted form. */
export type FormAction<Data> = (previousState: unknown, formData: FormData) => Promise<ActionResult<Data>>;

interface ActionDefinition<Schema extends z.ZodType, Result, Data, Caller> {
  /** The shared schema the input must satisfy; a failure comes back as field messages. */
  input: Schema;
  /**
   * Who is calling, looked up before the input is read. By default the signed-in person, and a
   * signed-out caller is sent to the sign-in page; `anyone` for sign-in and first-run setup.
   */
  actor?: () => Promise<Caller>;
  handler: (input: z.output<Schema>, context: { actor: Caller }) => Promise<Result>;
  /** What the caller gets back, when it is not the handler's result itself. */
  respond?: (result: Result) => Data;
  revalidate?: Revalidation[] | ((result: Result, input: z.output<Schema>) => Revalidation[]);
  /** Where to send the person after a success; such an action never hands data back. */
  redirectTo?: (result: Result, input: z.output<Schema>) => string;
}

type RedirectingDefinition<Schema extends z.ZodType, Result, Caller> = Omit<
  ActionDefinition<Schema, Result, never, Caller>,
  "respond" | "redirectTo"
> & { redirectTo: (result: Result, input: z.output<Schema>) => string };

/** For actions anyone may call (sign-in, first-run setup): there is no actor to look up. */
export async function anyone(): Promise<null> {
  return null;
}

/** A form that is not a FormData (a forged call with other arguments) is malformed input. */
const UNREADABLE_FORM = "The form could not be read. Reload the page and try again.";

/**
 * The entries of a submitted form: text fields as strings, file fields as Files. When a name
 * repeats, the last value wins. Anything that is not a FormData is a validation error, not an
 * internal one.
 */
function formEntries(formData: unknown): Record<string, FormDataEntryValue> {
  if (!(formData instanceof FormData)) throw new ValidationError(UNREADABLE_FORM);
  return Object.fromEntries(formData.entries());
}

async function execute<Schema extends z.ZodType, Result, Data, Caller>(
  definition: ActionDefinition<Schema, Result, Data, Caller>,
  rawInput: () => unknown,
): Promise<ActionResult<Data>> {
  const resolveActor = definition.actor ?? (requireActor as () => Promise<Caller>);
  const outcome = await runAction(async () => {
    const actor = await resolveActor();
    const input: z.output<Schema> = parseInput(definition.input, rawInput());
    return { input, result: await definition.handler(input, { actor }) };
  });
  if (!outcome.ok) return outcome;
  const { input, result } = outcome.data;
  const revalidations =
    typeof definition.revalidate === "function"
      ? definition.revalidate(result, input)
      : definition.revalidate;
  for (const target of revalidations ?? []) {
    if (typeof target === "string") revalidatePath(target);
    else revalidatePath(target.layout, "layout");
  }
  if (definition.redirectTo) redirect(definition.redirectTo(result, input));
  const data = definition.respond ? definition.respond(result) : (result as unknown as Data);
  return { ok: true, data };
}

/** An action for a form with useActionState: `(previousState, formData)`. */
export function formAction<Schema extends z.ZodType, Result, Caller = Actor>(
  definition: RedirectingDefinition<Schema, Result, Caller>,
): FormAction<never>;
export function formAction<Schema extends z.ZodType, Result, Data = Result, Caller = Actor>(
  definition: ActionDefinition<Schema, Result, Data, Caller>,
): FormAction<Data>;
export function formAction<Schema extends z.ZodType, Result, Data, Caller>(
  definition: ActionDefinition<Schema, Result, Data, Caller>,
): FormAction<Data> {
  return (_previousState, formData) => execute(definition, () => formEntries(formData));
}

/** An action a component calls itself with the form data alone (no previous state). */
export function formDataAction<Schema extends z.ZodType, Result, Data = Result, Caller = Actor>(
  definition: ActionDefinition<Schema, Result, Data, Caller>,
): (formData: FormData) => Promise<ActionResult<Data>> {
  return (formData) => execute(definition, () => formEntries(formData));
}

/** An action a component calls with a plain value (an object, not a form). */
export function valueAction<Schema extends z.ZodType, Result, Data = Result, Caller = Actor>(
  definition: ActionDefinition<Schema, Result, Data, Caller>,
): (input: unknown) => Promise<ActionResult<Data>> {
  return (input) => execute(definition, () => input);
}

/**
 * The most common form: its fields are the input of one mutation, the form needs nothing back
 * (null), and `revalidate` lists the pages that show what changed.
 */
export function mutationAction<Schema extends z.ZodType>(
  input: Schema,
  mutation: (actor: Actor, input: z.output<Schema>) => Promise<unknown>,
  revalidate: Revalidation[],
): FormAction<null> {
  return formAction({
    input,
    handler: async (parsed, { actor }) => {
      await mutation(actor, parsed);
      return null;
    },
    revalidate,
  });
}
