import "server-only";
import { getAuth } from "./auth";
import { signInDestination } from "./sign-in-destination";
import { currentSsoSettings, SSO_PROVIDER_ID } from "./single-sign-on";

const NOT_FOUND = () =>
  Response.json(
    { error: "Single sign-on is not configured." },
    { status: 404, headers: { "Cache-Control": "no-store" } },
  );

/**
 * GET /api/auth/sso?next=/path: starts single sign-on. The auth library stores the state, the
 * PKCE verifier and the nonce (in a signed cookie), and the browser is sent to the provider. A link
 * rather than a form, so the redirect to the provider is a plain navigation.
 */
export async function startSingleSignOn(request: Request): Promise<Response> {
  if (!currentSsoSettings()) return NOT_FOUND();
  const next = signInDestination(new URL(request.url).searchParams.get("next") ?? undefined);
  const back = new URLSearchParams(next === "/" ? {} : { next });
  try {
    const started = await getAuth().api.signInSocial({
      body: {
        provider: SSO_PROVIDER_ID,
        callbackURL: next,
        errorCallbackURL: `/sign-in${back.size ? `?${back}` : ""}`,
      },
      headers: request.headers,
    });
    if (!started.url) throw new Error("The provider gave no authorization URL.");
    return new Response(null, {
      status: 302,
      headers: { Location: started.url, "Cache-Control": "no-store" },
    });
  } catch (error) {
    // The provider is unreachable or its discovery document unusable: back to sign-in, with words.
    console.error("Single sign-on could not start:", error);
    back.set("error", "sso_unavailable");
    return new Response(null, {
      status: 302,
      headers: { Location: `/sign-in?${back}`, "Cache-Control": "no-store" },
    });
  }
}

/** GET/POST /api/auth/callback/<provider>: the provider's answer, handled by the auth library. */
export async function finishSingleSignOn(request: Request, provider: string): Promise<Response> {
  if (!currentSsoSettings() || provider !== SSO_PROVIDER_ID) return NOT_FOUND();
  return getAuth().handler(request);
}
