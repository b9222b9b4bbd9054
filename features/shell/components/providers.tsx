"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { appErrorOf } from "@/lib/client/route-fetch";
import { signInWhenNeeded } from "@/lib/client/sign-in";
import { Toaster } from "@/components/ui/toaster";

// Every read and every action passes here when it fails: an ended session or a refused key goes
// to sign-in (with the way back) wherever it is noticed, instead of each screen offering a retry
// that cannot work. Actions' AppErrors reach this as the RouteError their mutation threw.
const onError = (error: unknown) => signInWhenNeeded(appErrorOf(error));

function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // Server-prefetched data is fresh for a moment; background refresh handles the rest.
        staleTime: 15_000,
        // Gorgias's budget is shared by every agent: retries happen once, on the server.
        retry: false,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={client}>
      {children}
      <Toaster />
    </QueryClientProvider>
  );
}
