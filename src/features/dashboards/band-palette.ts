export function formatPercent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)}%`;
}

const integerFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

const moneyFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
/** Amounts in the organisation's own currency, which the app does not know: a plain number. */
export function formatAmount(value: number): string {
  return moneyFormat.format(value);
}
