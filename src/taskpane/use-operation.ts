/**
 * The pane's one way to run an operation against the workbook: the last notice goes, a busy line
 * (with a progress value when there is one) shows while it runs, and a failure becomes an error
 * notice. Nothing is set once the pane is gone.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { MessageKey, MessageParams } from "../engine/i18n";
import { errorNotice, Notice } from "./notices";

/** What the pane is busy with: a message, and a fraction done when the work can tell. */
export interface Busy {
  readonly key: MessageKey;
  readonly params?: MessageParams;
  readonly value?: number;
}

export interface Operation {
  readonly busy: Busy | null;
  readonly notice: Notice | null;
  /** Sets a notice, unless the pane is gone. */
  showNotice(notice: Notice | null): void;
  /** Updates the busy line while an operation runs (its progress). */
  showProgress(busy: Busy): void;
  /** False once the pane is unmounted: work that outlives it must not touch its state. */
  isMounted(): boolean;
  /**
   * Runs `work` with `busy` shown. A failure is shown as an error notice, then `onError` runs
   * (still busy) for what the failure calls for besides.
   */
  run(busy: Busy, work: () => Promise<void>, onError?: (error: unknown) => Promise<unknown> | void): Promise<void>;
}

export function useOperation(): Operation {
  const [busy, setBusy] = useState<Busy | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const isMounted = useCallback(() => mounted.current, []);
  const showNotice = useCallback((next: Notice | null) => {
    if (mounted.current) setNotice(next);
  }, []);
  const showProgress = useCallback((next: Busy) => {
    if (mounted.current) setBusy(next);
  }, []);
  const run = useCallback(
    async (first: Busy, work: () => Promise<void>, onError?: (error: unknown) => Promise<unknown> | void) => {
      showNotice(null);
      showProgress(first);
      try {
        await work();
      } catch (error) {
        showNotice(errorNotice(error));
        if (mounted.current) await onError?.(error);
      } finally {
        if (mounted.current) setBusy(null);
      }
    },
    [showNotice, showProgress],
  );
  return { busy, notice, showNotice, showProgress, isMounted, run };
}
