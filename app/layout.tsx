import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { AppShell } from "@/features/shell/app-shell";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pitfall Radar", template: "%s · Pitfall Radar" },
  description:
    "Quarterly self-assessment of product teams against the known pitfalls of You Build It You Run It.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: its scripts carry that request's CSP nonce (see proxy.ts),
  // which a page prerendered at build time could not.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <AppShell>{children}</AppShell>
      </body>
    </html>
  );
}
