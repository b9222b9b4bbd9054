"use client";

import { useQuery } from "@tanstack/react-query";
import { ExternalLink } from "lucide-react";
import { customerProfileQuery } from "@/features/customers";
import type { Customer, CustomerChannel } from "@/lib/domain/customer";
import { customerLabel } from "@/lib/domain/customer";
import { customerTicketsQuery } from "@/features/ticket/client/queries";
import { useClock } from "@/features/ticket/client/clock";
import { CustomerOrders } from "./customer-orders";
import { CustomerTimeline } from "./customer-timeline";

interface CustomerPanelProps {
  account: string;
  ticketId: number;
  /** The ticket's customer as the ticket gives it: compact (no channels, no store data). */
  customer: Customer | null;
}

const heading = "text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400";
const quiet = "text-xs text-zinc-600 dark:text-zinc-400";

const CHANNEL_NAMES: Readonly<Record<string, string>> = { email: "Email", phone: "Phone", sms: "SMS", chat: "Chat", facebook: "Facebook", instagram: "Instagram", whatsapp: "WhatsApp", twitter: "X" };

function Channels({ channels }: { channels: readonly CustomerChannel[] }) {
  if (channels.length === 0) return <p className={quiet}>No contact channels.</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="customer-channels">
      {channels.map((c) => (
        <div key={`${c.type}-${c.address}`} className="contents">
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">{CHANNEL_NAMES[c.type] ?? c.type}</dt>
          <dd className="min-w-0 text-zinc-800 dark:text-zinc-200">
            <span className="break-all">{c.address}</span>
            {c.preferred && <span className="ml-1 text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">(preferred)</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The ticket's customer: who they are and how to reach them, their store orders, their other
 * tickets, their page in Gorgias. The whole customer is one cached read shared by all their
 * tickets (features/customers/server/customer-profile.ts), fetched after the thread is on screen.
 */
export function CustomerPanel({ account, ticketId, customer }: CustomerPanelProps) {
  const clock = useClock();
  const profile = useQuery({ ...customerProfileQuery(account, customer?.id ?? 0), enabled: customer !== null });
  const others = useQuery({ ...customerTicketsQuery(account, ticketId, customer?.id ?? 0), enabled: customer !== null });
  if (!customer) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No customer on this ticket.</p>;
  const whole = profile.data?.customer ?? customer;
  const stores = profile.data?.stores ?? [];
  return (
    <div className="flex flex-col gap-5" data-testid="customer-panel">
      <section aria-labelledby="customer-heading" className="flex flex-col gap-1">
        <h2 id="customer-heading" className={heading}>
          Customer
        </h2>
        <p className="text-sm font-medium text-zinc-900 dark:text-zinc-100" data-testid="customer-name">
          {customerLabel(whole)}
        </p>
        {profile.data && (
          <a
            href={profile.data.gorgiasUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex w-fit items-center gap-1 text-xs text-brand underline underline-offset-2 dark:text-indigo-300"
            data-testid="customer-gorgias-link"
          >
            Open in Gorgias
            <ExternalLink aria-hidden size={12} />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        )}
      </section>
      <section aria-labelledby="contact-heading" className="flex flex-col gap-1.5">
        <h2 id="contact-heading" className={heading}>
          Contact
        </h2>
        {profile.data ? <Channels channels={whole.channels} /> : whole.email && <p className="text-sm break-all text-zinc-700 dark:text-zinc-300">{whole.email}</p>}
      </section>
      <section aria-labelledby="orders-heading" className="flex flex-col gap-2" aria-busy={profile.isPending}>
        <h2 id="orders-heading" className={heading}>
          Orders
        </h2>
        {profile.isPending && <p className={quiet}>Loading…</p>}
        {profile.isError && <p className="text-xs text-red-700 dark:text-red-300">Couldn&apos;t load the customer: {profile.error.message}</p>}
        {profile.data && stores.length === 0 && <p className={quiet}>No store orders.</p>}
        {stores.length > 0 && <CustomerOrders stores={stores} clock={clock} />}
        {stores.length > 0 && profile.data && (
          // Kept and shared for minutes (features/customers/server/customer-profile.ts): say how fresh.
          <p className={quiet}>As of {new Intl.DateTimeFormat(clock?.locale, { timeStyle: "short", timeZone: clock?.timeZone }).format(new Date(profile.data.readAt))}</p>
        )}
      </section>
      <section aria-labelledby="other-tickets-heading" className="flex flex-col gap-2">
        <h2 id="other-tickets-heading" className={heading}>
          Other tickets
        </h2>
        {others.isPending && <p className={quiet}>Loading…</p>}
        {others.isError && <p className="text-xs text-red-700 dark:text-red-300">Couldn&apos;t load: {others.error.message}</p>}
        {others.data?.length === 0 && <p className={quiet}>No other tickets.</p>}
        {others.data && others.data.length > 0 && <CustomerTimeline account={account} tickets={others.data} clock={clock} />}
      </section>
    </div>
  );
}
