import type { NextConfig } from "next";
import { securityHeaders } from "./src/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  // Room for the organisation CSV import (files up to 1 MB) plus form encoding.
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV === "development") }];
  },
};

export default nextConfig;
