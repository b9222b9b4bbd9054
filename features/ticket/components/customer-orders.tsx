"use client";

import { ExternalLink } from "lucide-react";
import { orderBadges, storeName, type BadgeTone, type CustomerStore, type StoreOrder } from "@/lib/domain/customer-store";
import type { Clock } from "@/lib/domain/clock";
import { formatMoney } from "@/lib/domain/money";
import { cx } from "@/lib/utils";

/** Orders shown per store: the recent ones answer "where is my order"; the rest is in Gorgias. */
const SHOWN = 5;

const TONES: Readonly<Record<BadgeTone, string>> = {
  good: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200",
  warn: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
  bad: "bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200",
  neutral: "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
};

export const dayOf = (iso: string | null, clock: Clock | null): string | null =>
  iso ? new Intl.DateTimeFormat(clock?.locale, { dateStyle: "medium", timeZone: clock?.timeZone }).format(new Date(iso)) : null;

function Order({ order, clock }: { order: StoreOrder; clock: Clock | null }) {
  const money = (amount: string | null) => formatMoney(amount, order.currency, clock?.locale);
  const day = dayOf(order.createdAt, clock);
  const total = money(order.totalPrice);
  return (
    <li className="flex flex-col gap-1.5 rounded-md border border-zinc-200 p-2.5 text-sm dark:border-zinc-800" data-testid="store-order">
      <div className="flex items-baseline justify-between gap-2">
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{order.name}</span>
        {day && <span className="text-xs text-zinc-600 dark:text-zinc-400">{day}</span>}
      </div>
      <ul aria-label={`Status of ${order.name}`} className="flex flex-wrap gap-1">
        {orderBadges(order).map((b) => (
          <li key={b.label} className={cx("rounded px-1.5 py-0.5 text-[11px] font-medium", TONES[b.tone])} data-testid="order-status">
            {b.label}
          </li>
        ))}
      </ul>
      {order.items.length > 0 && (
        <ul aria-label={`Items of ${order.name}`} className="flex flex-col gap-0.5 text-xs text-zinc-700 dark:text-zinc-300">
          {order.items.map((item, i) => (
            <li key={i} className="flex justify-between gap-2" data-testid="order-item">
              <span className="min-w-0 break-words">
                {item.quantity ?? 1} × {item.title}
              </span>
              {item.price && <span className="shrink-0 tabular-nums">{money(item.price)}</span>}
            </li>
          ))}
        </ul>
      )}
      {total && (
        <p className="flex justify-between gap-2 text-xs font-medium text-zinc-900 dark:text-zinc-100" data-testid="order-total">
          <span>Total</span>
          <span className="tabular-nums">{total}</span>
        </p>
      )}
      {order.fulfillments.map((f, i) => {
        const label = [f.trackingCompany, f.trackingNumber].filter(Boolean).join(" ") || "Shipment";
        return (
          <p key={i} className="flex flex-wrap items-center gap-x-1.5 text-xs text-zinc-700 dark:text-zinc-300" data-testid="order-fulfilment">
            {f.trackingUrl ? (
              <a href={f.trackingUrl} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-brand underline underline-offset-2 dark:text-indigo-300">
                Track {label}
                <ExternalLink aria-hidden size={12} />
                <span className="sr-only">(opens in a new tab)</span>
              </a>
            ) : (
              <span className="break-all">{label}</span>
            )}
            {f.status && <span className="text-zinc-600 dark:text-zinc-400">· {f.status.replace(/[_-]+/g, " ")}</span>}
          </p>
        );
      })}
    </li>
  );
}

/** A customer's recent orders per store (Shopify first), read-only. */
export function CustomerOrders({ stores, clock }: { stores: readonly CustomerStore[]; clock: Clock | null }) {
  return (
    <>
      {stores.map((store) => {
        const spent = formatMoney(store.totalSpent, store.orders[0]?.currency ?? null, clock?.locale);
        const count = store.ordersCount ?? store.orders.length;
        return (
          <div key={store.integrationId} className="flex flex-col gap-2" data-testid="customer-store" data-store={store.type ?? ""}>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              {storeName(store.type)} · {count} {count === 1 ? "order" : "orders"}
              {spent && ` · ${spent} spent`}
            </p>
            <ol className="flex flex-col gap-2">
              {store.orders.slice(0, SHOWN).map((order, i) => (
                <Order key={`${order.name}-${i}`} order={order} clock={clock} />
              ))}
            </ol>
          </div>
        );
      })}
    </>
  );
}
