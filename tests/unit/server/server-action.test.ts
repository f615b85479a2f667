/**
 * The one server-action wrapper: how it reads a form, checks input, finds the caller, turns errors
 * into results, refreshes pages and redirects. The session lookup and Next's cache refresh are
 * stood in for; Next's own redirect() and notFound() run for real, so what the tests catch is the
 * very error Next would act on.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/domain/access/policy";
import type { ActionResult } from "@/contracts/action-result";
import { ConflictError, ExpectedError, ForbiddenError, NotFoundError, orNotFound } from "@/server/errors";
import {
  anyone,
  formAction,
  formDataAction,
  mutationAction,
  valueAction,
  type FormAction,
} from "@/server/server-action";

const session = vi.hoisted(() => ({ actor: null as unknown }));
vi.mock("@/server/auth/session", async () => {
  const { redirect } = await import("next/navigation");
  return {
    requireActor: async () => {
      if (!session.actor) redirect("/sign-in");
      return session.actor;
    },
    getCurrentActor: async () => session.actor,
  };
});

const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: (path: string, type?: string) => void revalidated.push(type ? `${path} (${type})` : path),
}));

const ADMIN = { id: "user-admin", name: "Ada Admin" } as unknown as Actor;
const nameSchema = z.object({ name: z.string().trim().min(2, "Enter a name") });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** The outcome of a call: its result, or where Next's redirect() would send the person. */
async function outcome<T>(
  call: Promise<ActionResult<T>>,
): Promise<ActionResult<T> | { redirectedTo: string }> {
  try {
    return await call;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;"))
      return { redirectedTo: digest.split(";")[2]! };
    throw error;
  }
}

beforeEach(() => {
  session.actor = ADMIN;
  revalidated.length = 0;
  vi.restoreAllMocks();
});

describe("formAction", () => {
  it("answers any call that is not a form with a validation result, without running the handler", async () => {
    const handler = vi.fn(async () => null);
    const action = formAction({ input: nameSchema, handler }) as (
      ...args: unknown[]
    ) => ReturnType<FormAction<null>>;
    for (const args of [
      [],
      [null],
      [null, "not a form"],
      [null, { name: "Ada" }],
      [null, 42],
      [null, ["$K1"]],
    ]) {
      expect(await action(...args), JSON.stringify(args)).toEqual({
        ok: false,
        error: { code: "validation", message: "The form could not be read. Reload the page and try again." },
      });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("gives field messages when the input fails its schema", async () => {
    const handler = vi.fn(async () => null);
    const action = formAction({ input: nameSchema, handler, revalidate: ["/people"] });
    expect(await action(null, form({ name: " " }))).toEqual({
      ok: false,
      error: {
        code: "validation",
        message: "Some fields need attention.",
        fieldErrors: { name: ["Enter a name"] },
      },
    });
    expect(handler).not.toHaveBeenCalled();
    expect(revalidated).toEqual([]);
  });

  it("hands the parsed input and the signed-in actor to the handler and returns its data", async () => {
    const action = formAction({
      input: nameSchema,
      handler: async (input, { actor }) => ({ greeting: `${actor.id} named ${input.name}` }),
    });
    expect(await action(null, form({ name: "  Grace ", ignored: "x" }))).toEqual({
      ok: true,
      data: { greeting: "user-admin named Grace" },
    });
  });

  it("returns an expected error's message, field messages and details", async () => {
    const action = formAction({
      input: nameSchema,
      handler: async () => {
        throw new ConflictError("Someone else changed this item.", { version: 3 });
      },
    });
    expect(await action(null, form({ name: "Grace" }))).toEqual({
      ok: false,
      error: { code: "conflict", message: "Someone else changed this item.", details: { version: 3 } },
    });
  });

  it("logs an unexpected error and answers with a generic message that says nothing internal", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const action = formAction({
      input: nameSchema,
      handler: async () => {
        throw new Error('relation "secret_table" does not exist at db.internal:5432');
      },
      revalidate: ["/people"],
      redirectTo: () => "/people",
    });
    const result = await outcome(action(null, form({ name: "Grace" })));
    expect(result).toEqual({
      ok: false,
      error: {
        code: "internal",
        message: "Something went wrong on our side. Nothing was changed; please try again.",
      },
    });
    expect(JSON.stringify(result)).not.toMatch(/secret_table|db\.internal|5432/);
    expect(logged).toHaveBeenCalledOnce();
    expect(revalidated).toEqual([]);
  });

  it("sends a signed-out caller to sign in before reading the form, and changes nothing", async () => {
    session.actor = null;
    const handler = vi.fn(async () => null);
    const action = formAction({ input: nameSchema, handler, revalidate: ["/people"] });
    expect(await outcome(action(null, form({ name: "Grace" })))).toEqual({ redirectedTo: "/sign-in" });
    expect(await outcome(action(null, "not a form" as unknown as FormData))).toEqual({
      redirectedTo: "/sign-in",
    });
    expect(handler).not.toHaveBeenCalled();
    expect(revalidated).toEqual([]);
  });

  it("runs without an actor when anyone may call it", async () => {
    session.actor = null;
    const action = formAction({
      actor: anyone,
      input: nameSchema,
      handler: async (input, { actor }) => ({ name: input.name, actor }),
    });
    expect(await action(null, form({ name: "Grace" }))).toEqual({
      ok: true,
      data: { name: "Grace", actor: null },
    });
  });

  it("takes the caller from a custom source, whose refusal is a result like any other", async () => {
    session.actor = null;
    const signedOut = async (): Promise<Actor> => {
      throw new ExpectedError("forbidden", "You have been signed out.");
    };
    const action = formAction({ actor: signedOut, input: nameSchema, handler: async () => null });
    expect(await action(null, form({ name: "Grace" }))).toEqual({
      ok: false,
      error: { code: "forbidden", message: "You have been signed out." },
    });
  });

  it("refreshes the listed pages and layouts only after a success", async () => {
    let fail = true;
    const action = formAction({
      input: nameSchema,
      handler: async (input) => {
        if (fail) throw new ForbiddenError();
        return { slug: input.name.toLowerCase() };
      },
      revalidate: (result, input) => [`/teams/${result.slug}`, { layout: `/people/${input.name}` }],
    });
    expect((await action(null, form({ name: "Grace" }))).ok).toBe(false);
    expect(revalidated).toEqual([]);
    fail = false;
    expect(await action(null, form({ name: "Grace" }))).toEqual({ ok: true, data: { slug: "grace" } });
    expect(revalidated).toEqual(["/teams/grace", "/people/Grace (layout)"]);
  });

  it("redirects only after a success, once the pages are refreshed", async () => {
    let fail = true;
    const action = formAction({
      input: nameSchema,
      handler: async () => {
        if (fail) throw new NotFoundError();
        return { id: "person-7" };
      },
      revalidate: ["/people"],
      redirectTo: (created, input) => `/people/${created.id}?name=${input.name}`,
    });
    expect(await outcome(action(null, form({ name: "Grace" })))).toEqual({
      ok: false,
      error: {
        code: "not_found",
        message: "That page or item does not exist, or you do not have access to it.",
      },
    });
    expect(await outcome(action(null, form({ name: "" })))).toMatchObject({
      ok: false,
      error: { code: "validation" },
    });
    expect(revalidated).toEqual([]);
    fail = false;
    expect(await outcome(action(null, form({ name: "Grace" })))).toEqual({
      redirectedTo: "/people/person-7?name=Grace",
    });
    expect(revalidated).toEqual(["/people"]);
  });

  it("lets the handler's result be mapped to what the caller gets back", async () => {
    const action = formAction({
      input: nameSchema,
      handler: async (input) => ({ cycleName: input.name, teamSlug: "team-a" }),
      revalidate: (result) => [{ layout: `/team/${result.teamSlug}` }],
      respond: (result) => ({ message: `${result.cycleName} is reopened.` }),
    });
    expect(await action(null, form({ name: "2026" }))).toEqual({
      ok: true,
      data: { message: "2026 is reopened." },
    });
    expect(revalidated).toEqual(["/team/team-a (layout)"]);
  });

  it("reads file fields as files, and a file where text is expected fails the schema", async () => {
    const upload = formAction({
      input: z.object({ file: z.instanceof(File) }),
      handler: async (input) => ({ name: input.file.name, size: input.file.size }),
    });
    const withFile = new FormData();
    withFile.set("file", new File(["a,b\n"], "org.csv", { type: "text/csv" }));
    expect(await upload(null, withFile)).toEqual({ ok: true, data: { name: "org.csv", size: 4 } });

    const text = formAction({ input: nameSchema, handler: async () => null });
    const forged = new FormData();
    forged.set("name", new File(["x"], "name.txt"));
    expect(await text(null, forged)).toMatchObject({ ok: false, error: { code: "validation" } });
  });
});

describe("formDataAction and valueAction", () => {
  it("formDataAction takes the form alone and refuses anything else as unreadable", async () => {
    const action = formDataAction({ input: nameSchema, handler: async (input) => input.name });
    expect(await action(form({ name: "Grace" }))).toEqual({ ok: true, data: "Grace" });
    expect(await action("not a form" as unknown as FormData)).toMatchObject({
      ok: false,
      error: { code: "validation", message: "The form could not be read. Reload the page and try again." },
    });
  });

  it("valueAction parses a plain value with the schema", async () => {
    const action = valueAction({
      input: z.object({ answer: z.number().int() }),
      handler: async (input, { actor }) => ({ saved: input.answer, by: actor.id }),
    });
    expect(await action({ answer: 3 })).toEqual({ ok: true, data: { saved: 3, by: "user-admin" } });
    for (const forged of [undefined, "3", new FormData(), { answer: "3" }]) {
      expect(await action(forged)).toMatchObject({ ok: false, error: { code: "validation" } });
    }
  });
});

describe("mutationAction", () => {
  it("passes the actor and input to the mutation, answers null and refreshes the pages", async () => {
    const mutation = vi.fn(async (_actor: Actor, input: { name: string }) => ({ id: input.name }));
    const action = mutationAction(nameSchema, mutation, [{ layout: "/" }]);
    expect(await action(null, form({ name: "Grace" }))).toEqual({ ok: true, data: null });
    expect(mutation).toHaveBeenCalledWith(ADMIN, { name: "Grace" });
    expect(revalidated).toEqual(["/ (layout)"]);
  });
});

describe("orNotFound", () => {
  async function digestOf(load: Promise<unknown>): Promise<string | undefined> {
    try {
      await orNotFound(load);
      return undefined;
    } catch (error) {
      return (error as { digest?: string }).digest;
    }
  }

  it("renders not found for an item that does not exist and for one the person may not see", async () => {
    expect(await digestOf(Promise.reject(new NotFoundError()))).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
    expect(await digestOf(Promise.reject(new ForbiddenError()))).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
  });

  it("passes the value through, and any other error untouched", async () => {
    expect(await orNotFound(Promise.resolve({ id: 1 }))).toEqual({ id: 1 });
    const broken = new Error("database down");
    await expect(orNotFound(Promise.reject(broken))).rejects.toBe(broken);
    const conflict = new ConflictError("Changed meanwhile.");
    await expect(orNotFound(Promise.reject(conflict))).rejects.toBe(conflict);
  });
});
