"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { undoWaitingSend, type WaitingSend } from "@/features/composer/client/waiting-sends";

/** A waiting send's countdown and its Undo, in the thread's pending bubble (docs/safety.md#undo-send). */
export function WaitingSendStatus({ send }: { send: WaitingSend }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil((send.sendAt - now) / 1000));
  return (
    <>
      {/* Not a live region: a screen reader is told once by the toast, not every second. */}
      <span className="text-zinc-600 tabular-nums dark:text-zinc-400" data-testid="waiting-send-countdown">
        {left > 0 ? `Sends in ${left} s` : "Sending…"}
      </span>
      <Button size="sm" variant="secondary" className="ml-auto" onClick={() => void undoWaitingSend(send.operationId)} data-testid="undo-send">
        Undo
      </Button>
    </>
  );
}
