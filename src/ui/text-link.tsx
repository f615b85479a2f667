import type { ComponentProps, ReactNode } from "react";
import { Link } from "./link";

/** An in-app link that reads as one within text and tables: underlined, in the link colour. */
export function TextLink({ className = "", ...link }: ComponentProps<typeof Link>) {
  return (
    <Link
      className={`text-blue-800 underline underline-offset-4 hover:text-blue-950 ${className}`}
      {...link}
    />
  );
}

/** The link above a page's title back to the page it belongs under. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="text-sm">
      <TextLink href={href}>{children}</TextLink>
    </p>
  );
}
