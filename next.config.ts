import type { NextConfig } from "next";
import { securityHeaders } from "./src/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    // Fixed at build time. The CSP (a nonce per request) and HSTS (from APP_URL at run time) are
    // added by proxy.ts.
    return [{ source: "/:path*", headers: securityHeaders({ https: false }) }];
  },
};

export default nextConfig;
