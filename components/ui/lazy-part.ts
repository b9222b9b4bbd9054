"use client";

import { createElement, useEffect, useReducer, type ComponentType, type ReactNode } from "react";

export interface LazyPart<P extends object> {
  /** Starts the download (pointer over, focus on the control that will need it); safe to repeat. */
  readonly preload: () => Promise<unknown>;
  /** Whether the module is in (re-rendering when it arrives); `wanted` starts the download. */
  readonly useReady: (wanted: boolean) => boolean;
  /** The component itself once loaded, nothing before; mounting it starts the download. */
  readonly Part: (props: P) => ReactNode;
}

/**
 * A component kept out of the page's first-load JavaScript (popups: Radix, cmdk) and fetched when
 * the agent shows intent. Unlike React.lazy there is no Suspense boundary: once the module is in,
 * every later render has it synchronously, so a popup never flashes a fallback.
 */
export function lazyPart<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<unknown> | null = null;

  function preload(): Promise<unknown> {
    pending ??= load().then(
      (module) => {
        loaded = module.default;
      },
      (error: unknown) => {
        // A failed chunk (network blip) is asked for again next time rather than remembered.
        pending = null;
        throw error;
      },
    );
    return pending;
  }

  function useReady(wanted: boolean): boolean {
    const [, rerender] = useReducer((n: number) => n + 1, 0);
    useEffect(() => {
      if (!wanted || loaded) return;
      let live = true;
      preload().then(
        () => live && rerender(),
        () => {},
      );
      return () => {
        live = false;
      };
    }, [wanted]);
    return loaded !== null;
  }

  function Part(props: P): ReactNode {
    const ready = useReady(true);
    return ready && loaded ? createElement(loaded, props) : null;
  }

  return { preload, useReady, Part };
}
