import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { NavList } from "@/ui/nav-list";

const location = vi.hoisted(() => ({ pathname: "/" }));
vi.mock("next/navigation", async () => ({
  ...(await import("../../support/app-router")).appRouterForMarkup,
  usePathname: () => location.pathname,
}));

const links = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/people", label: "People" },
  { href: "/admin/org", label: "Org units and teams" },
];

function currentLinks(pathname: string): string[] {
  location.pathname = pathname;
  const html = renderToStaticMarkup(
    h(NavList, { label: "Administration", links, rootHref: "/admin", variant: "tinted" }),
  );
  return [...html.matchAll(/aria-current="page"[^>]*>([^<]+)</g)].map((match) => match[1]!);
}

describe("NavList", () => {
  it("marks the link of the current page, and of the pages below it", () => {
    expect(currentLinks("/admin/people")).toEqual(["People"]);
    expect(currentLinks("/admin/people/42")).toEqual(["People"]);
  });

  it("marks the section root only on the root itself", () => {
    expect(currentLinks("/admin")).toEqual(["Overview"]);
    expect(currentLinks("/admin/org/units/7")).toEqual(["Org units and teams"]);
  });

  it("does not mistake a longer sibling path for a page below", () => {
    expect(currentLinks("/admin/peoples")).toEqual([]);
  });

  it("names the navigation landmark", () => {
    location.pathname = "/admin";
    expect(
      renderToStaticMarkup(
        h(NavList, { label: "Administration", links, rootHref: "/admin", variant: "tinted" }),
      ),
    ).toContain('<nav aria-label="Administration"');
  });
});
