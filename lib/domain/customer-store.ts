import type { Customer } from "./customer";
import type { IsoDateTime } from "./datetime";

/**
 * What an e-commerce integration (Shopify first) keeps on a customer, as the ticket's customer
 * panel shows it: read-only, and every string is the store's untrusted text.
 */
export interface StoreOrderItem {
  readonly title: string;
  readonly quantity: number | null;
  /** The unit price as the store wrote it ("129.00"), in the order's currency. */
  readonly price: string | null;
}

export interface StoreFulfillment {
  readonly status: string | null;
  readonly trackingCompany: string | null;
  readonly trackingNumber: string | null;
  /** Only an http(s) URL (safeHttpUrl): anything else is dropped, never linked. */
  readonly trackingUrl: string | null;
}

export interface StoreOrder {
  /** The order's name as the store shows it (`#1042`). */
  readonly name: string;
  readonly createdAt: IsoDateTime | null;
  /** Shopify's `financial_status`: paid, pending, refunded, partially_refunded, voided, … */
  readonly financialStatus: string | null;
  /** Shopify's `fulfillment_status`: fulfilled, partial, restocked, or null (unfulfilled). */
  readonly fulfillmentStatus: string | null;
  readonly cancelledAt: IsoDateTime | null;
  readonly totalPrice: string | null;
  readonly currency: string | null;
  readonly items: readonly StoreOrderItem[];
  readonly fulfillments: readonly StoreFulfillment[];
}

/** One integration's data on the customer, orders newest first. */
export interface CustomerStore {
  /** The integration's id in Gorgias (the key of `customer.integrations`). */
  readonly integrationId: string;
  /** `__integration_type__`: `shopify`, `magento2`, `bigcommerce`, … or null when it has none. */
  readonly type: string | null;
  readonly orders: readonly StoreOrder[];
  readonly ordersCount: number | null;
  readonly totalSpent: string | null;
}

/** The customer as the ticket's panel shows it: the whole record, with its store data. */
export interface CustomerProfile {
  readonly customer: Customer;
  readonly stores: readonly CustomerStore[];
  /** The customer's page in Gorgias's own app (or the sandbox's equivalent). */
  readonly gorgiasUrl: string;
  /** When this was read from Gorgias (it is cached and shared a while). */
  readonly readAt: IsoDateTime;
}

/** The URL if it is an absolute http(s) URL without credentials, else null: a store's text is never a `javascript:` link. */
export function safeHttpUrl(text: string | null | undefined): string | null {
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password) return null;
  return url.href;
}

/** Shopify's snake_case statuses as words ("partially_refunded" → "partially refunded"). */
export const statusWords = (status: string): string => status.replace(/[_-]+/g, " ").trim();

/** Integrations the panel knows by name; others with orders are shown under their type. */
const STORE_NAMES: Readonly<Record<string, string>> = { shopify: "Shopify", magento2: "Magento", bigcommerce: "BigCommerce", woocommerce: "WooCommerce" };

export const storeName = (type: string | null): string => (type ? (STORE_NAMES[type] ?? statusWords(type)) : "Store");

/** Known stores first (Shopify first of all), then the rest in the order Gorgias gave them. */
export function storeRank(type: string | null): number {
  const known = Object.keys(STORE_NAMES).indexOf(type ?? "");
  return known === -1 ? Object.keys(STORE_NAMES).length : known;
}

export type BadgeTone = "good" | "warn" | "bad" | "neutral";

export interface OrderBadge {
  readonly label: string;
  readonly tone: BadgeTone;
}

const FINANCIAL_TONES: Readonly<Record<string, BadgeTone>> = {
  paid: "good",
  pending: "warn",
  authorized: "warn",
  partially_paid: "warn",
  partially_refunded: "warn",
  refunded: "bad",
  voided: "bad",
};

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * An order's state in words, as Shopify's admin shows it: cancelled first (it outranks the rest),
 * then payment (`financial_status`), then fulfilment (`fulfillment_status`, null meaning not shipped
 * yet — unless it was cancelled, when nothing will ship).
 */
export function orderBadges(order: Pick<StoreOrder, "financialStatus" | "fulfillmentStatus" | "cancelledAt">): OrderBadge[] {
  const badges: OrderBadge[] = [];
  if (order.cancelledAt) badges.push({ label: "Cancelled", tone: "bad" });
  if (order.financialStatus) badges.push({ label: capitalized(statusWords(order.financialStatus)), tone: FINANCIAL_TONES[order.financialStatus] ?? "neutral" });
  const fulfilment = order.fulfillmentStatus;
  if (fulfilment === "fulfilled") badges.push({ label: "Fulfilled", tone: "good" });
  else if (fulfilment === "partial") badges.push({ label: "Partially fulfilled", tone: "warn" });
  else if (fulfilment) badges.push({ label: capitalized(statusWords(fulfilment)), tone: "neutral" });
  else if (!order.cancelledAt) badges.push({ label: "Unfulfilled", tone: "warn" });
  return badges;
}
