import { NavList } from "@/ui/nav-list";
import type { NavLink } from "./nav-links";

export function MainNav({ links }: { links: NavLink[] }) {
  return <NavList label="Main" links={links} rootHref="/" variant="solid" />;
}
