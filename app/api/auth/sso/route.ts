import { startSingleSignOn } from "@/server/auth/sso-routes";

export const GET = startSingleSignOn;
