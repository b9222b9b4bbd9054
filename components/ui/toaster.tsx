"use client";

import { useSyncExternalStore } from "react";
import { lazyPart } from "./lazy-part";
import { toastDemand } from "./toast";

const SonnerToaster = lazyPart<object>(() => import("./toaster-sonner")).Part;

/** Mounted once for the whole app; sonner itself arrives with the first toast (or its prospect). */
export function Toaster() {
  const wanted = useSyncExternalStore(toastDemand.subscribe, toastDemand.wanted, () => false);
  return wanted ? <SonnerToaster /> : null;
}
