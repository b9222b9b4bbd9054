import { TicketSkeleton } from "@/features/ticket";

export default function TicketLoading() {
  return (
    <main className="h-full overflow-y-auto px-4 py-4 lg:px-6">
      <TicketSkeleton />
    </main>
  );
}
