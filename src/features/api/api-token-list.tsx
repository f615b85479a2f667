import { formatDateTime, formatMomentDayLong } from "@/domain/format";
import type { ApiTokenState, ApiTokenView } from "@/contracts/api/tokens";
import { EmptyState } from "@/ui/empty-state";
import { DataTable } from "@/ui/table";
import { RevokeApiToken } from "./revoke-api-token";

const STATE_LABELS: Record<ApiTokenState, string> = {
  active: "Active",
  expired: "Expired",
  revoked: "Revoked",
};

/** The person's tokens: which is which (name, first characters), when used, when it stops working. */
export function ApiTokenList({ tokens, timeZone }: { tokens: ApiTokenView[]; timeZone: string }) {
  return (
    <DataTable
      stackOnPhones
      caption="Your API tokens"
      regionLabel="Your API tokens"
      rows={tokens}
      rowKey={(token) => token.id}
      rowClassName={(token) => (token.state === "active" ? undefined : "text-slate-600")}
      empty={<EmptyState>You have no API tokens yet. Tokens you create appear here.</EmptyState>}
      columns={[
        { key: "name", header: "Name", rowHeader: true, cell: (token) => token.name },
        {
          key: "prefix",
          header: "Starts with",
          cell: (token) => <code className="font-mono">{token.prefix}…</code>,
        },
        {
          key: "created",
          header: "Created",
          className: "whitespace-nowrap",
          cell: (token) => formatMomentDayLong(token.createdAt, timeZone),
        },
        {
          key: "expires",
          header: "Expires",
          className: "whitespace-nowrap",
          cell: (token) => formatMomentDayLong(token.expiresAt, timeZone),
        },
        {
          key: "used",
          header: "Last used",
          className: "whitespace-nowrap",
          cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt, timeZone) : "Never"),
        },
        { key: "state", header: "Status", cell: (token) => STATE_LABELS[token.state] },
        {
          key: "actions",
          header: <span className="sr-only">Actions</span>,
          unlabelledOnPhones: true,
          cell: (token) =>
            token.state === "active" ? <RevokeApiToken tokenId={token.id} name={token.name} /> : null,
        },
      ]}
    />
  );
}
