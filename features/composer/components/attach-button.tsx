"use client";

import { Paperclip } from "lucide-react";
import { useRef } from "react";
import { buttonClass } from "@/components/ui/button";

/** "Attach" opens the file picker; the chosen files go to `onFiles` (checked and uploaded there). */
export function AttachButton({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={buttonClass({ variant: "ghost", size: "sm" })} onClick={() => input.current?.click()} disabled={disabled} title="Attach files (or drop or paste them here)">
        <Paperclip aria-hidden size={14} /> Attach
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label="Attach files"
        data-testid="attach-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          // Cleared so choosing the same file again (after removing it) fires a change.
          e.target.value = "";
          onFiles(files);
        }}
      />
    </>
  );
}
