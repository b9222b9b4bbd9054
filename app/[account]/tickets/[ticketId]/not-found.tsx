"use client";

import { useParams } from "next/navigation";
import { TicketNotFound } from "@/features/ticket";

export default function TicketNotFoundPage() {
  const { account } = useParams<{ account: string }>();
  return (
    <main className="h-full overflow-y-auto px-4 py-4">
      <TicketNotFound account={account} />
    </main>
  );
}
