import type { Metadata } from "next";
import { buildOpenApiDocument } from "@/contracts/api/openapi";
import { ApiReference } from "@/features/api/api-reference";

export const metadata: Metadata = {
  title: "API reference",
  description: "The read-only API: authentication, pagination, rate limits, errors, routes and schemas.",
};

export default function ApiDocsPage() {
  return <ApiReference document={buildOpenApiDocument()} />;
}
