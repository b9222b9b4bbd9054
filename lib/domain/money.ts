/**
 * An amount as a store wrote it ("187.95", in `currency`) for display: the currency's own symbol
 * and decimals in the agent's locale, or the plain figure and code when either is not usable
 * (an unknown currency code, a number that is not one).
 */
export function formatMoney(amount: string | null, currency: string | null, locale?: string): string | null {
  if (amount === null) return null;
  const value = Number(amount);
  if (!Number.isFinite(value)) return currency ? `${amount} ${currency}` : amount;
  if (currency && /^[A-Za-z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(value);
    } catch {
      // An ISO-looking code Intl does not know: shown as written below.
    }
  }
  return currency ? `${amount} ${currency}` : amount;
}
