/**
 * Which addresses reach proxy.ts: its matcher compiled the way Next compiles it at build time, so
 * the test reads the same regular expression the server applies.
 */
import * as pageStaticInfo from "next/dist/build/analysis/get-page-static-info";
import type { ProxyMatcher } from "next/dist/build/analysis/get-page-static-info";
import { describe, expect, it } from "vitest";
import { config } from "../../../proxy";

// The build's own compiler of matchers; exported by the module, though not in its type declarations.
const { getMiddlewareMatchers } = pageStaticInfo as unknown as {
  getMiddlewareMatchers: (matcher: string[], nextConfig: object) => ProxyMatcher[];
};
const matchers = getMiddlewareMatchers(config.matcher, {});
const proxied = (path: string) => matchers.some((matcher) => new RegExp(matcher.regexp).test(path));

describe("the proxy's matcher", () => {
  it("skips exactly the framework's static files, its image optimiser and the icon", () => {
    for (const path of [
      "/_next/static/chunks/main.js",
      "/_next/static/css/app.css",
      "/_next/image",
      "/icon.svg",
    ]) {
      expect(proxied(path), path).toBe(false);
    }
  });

  it("runs for every other address, also those that only begin like a skipped one", () => {
    for (const path of [
      "/",
      "/sign-in",
      "/team/checkout",
      "/api/health",
      "/icon.svgx",
      "/icon.svg/x",
      "/iconXsvg",
      "/_next/staticx",
      "/_next/static",
      "/_next/imagex",
      "/_next/image/x",
      "/favicon.ico",
    ]) {
      expect(proxied(path), path).toBe(true);
    }
  });
});
