import { SkeletonRows } from "@/features/inbox";

export default function InboxLoading() {
  return (
    <div className="flex h-full min-h-0" role="status" aria-label="Loading the inbox">
      <div className="hidden w-56 shrink-0 border-r border-zinc-200 md:block dark:border-zinc-800" />
      <div className="min-w-0 flex-1">
        <div className="h-12 border-b border-zinc-200 dark:border-zinc-800" />
        <SkeletonRows />
      </div>
    </div>
  );
}
