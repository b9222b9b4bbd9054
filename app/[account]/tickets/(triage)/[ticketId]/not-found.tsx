import { TicketNotFound } from "@/features/ticket";

// A server component (not-found pages get no params): the link home goes through the root, which
// sends the agent to their own inbox.
export default function TicketNotFoundPage() {
  return (
    <main className="h-full overflow-y-auto px-4 py-4">
      <TicketNotFound account={null} />
    </main>
  );
}
