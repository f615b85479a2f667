import { Link } from "@/ui/link";
import type { ReactNode } from "react";
import { getCurrentActor } from "@/server/auth/session";
import { MainNav } from "./main-nav";
import { MobileMenu } from "./mobile-menu";
import { navLinksFor } from "./nav-links";
import { RadarLogo } from "./radar-logo";
import { UserMenu } from "./user-menu";

export async function AppShell({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  const links = navLinksFor(actor);
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-blue-800 focus:shadow"
      >
        Skip to content
      </a>
      <header
        data-app-header
        className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur"
      >
        {/* On a phone the links fold into one Menu button, so the sticky header stays one line tall. */}
        <div className="mx-auto flex max-w-7xl items-center gap-x-2 gap-y-2 px-4 py-2 md:flex-wrap md:gap-x-8 md:py-3">
          <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
            <RadarLogo className="h-7 w-7" />
            <span>Pitfall Radar</span>
          </Link>
          <div className="hidden md:contents">
            <MainNav links={links} />
            <div className="ml-auto">
              <UserMenu actor={actor} />
            </div>
          </div>
          <MobileMenu>
            <MainNav links={links} />
            {actor ? (
              <div className="border-t border-slate-200 pt-2">
                <UserMenu actor={actor} show="account" />
              </div>
            ) : null}
          </MobileMenu>
          <div className="md:hidden">
            <UserMenu actor={actor} show="signOut" />
          </div>
        </div>
      </header>
      {/* At least a screen tall, so the footer starts below the fold: when a page's content streams
          in over its loading placeholder, nothing visible moves (no layout shift). */}
      <main id="main" tabIndex={-1} className="mx-auto min-h-screen max-w-7xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      <footer data-app-footer className="mx-auto max-w-7xl px-4 pb-8 pt-4 text-sm text-slate-600">
        Pitfalls and countermeasures adapted from the{" "}
        <a
          className="underline hover:text-slate-900"
          href="https://github.com/EqualExperts/you-build-it-you-run-it-playbook"
        >
          You Build It You Run It playbook
        </a>{" "}
        by Equal Experts.
      </footer>
    </>
  );
}
