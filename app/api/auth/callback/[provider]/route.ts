import { finishSingleSignOn } from "@/server/auth/sso-routes";

type Context = { params: Promise<{ provider: string }> };

export async function GET(request: Request, { params }: Context) {
  return finishSingleSignOn(request, (await params).provider);
}

export async function POST(request: Request, { params }: Context) {
  return finishSingleSignOn(request, (await params).provider);
}
