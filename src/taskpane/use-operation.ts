/**
 * The pane's one way to run an operation against the workbook: the last notice goes, a busy line
 * (with a progress value when there is one, and Cancel when the work can stop) shows while it
 * runs and is announced, a failure becomes an error notice, and when it ends the outcome is
 * handed the focus. Nothing is set once the pane is gone.
 */
import { useAnnounce } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { MessageKey, MessageParams, Translate } from "../engine/i18n";
import { errorNotice, isCancellation, Notice } from "./notices";

/** What the pane is busy with: a message, and a fraction done when the work can tell. */
export interface Busy {
  readonly key: MessageKey;
  readonly params?: MessageParams;
  readonly value?: number;
}

export interface RunOptions {
  /** What the failure calls for besides its notice (runs while still busy). */
  readonly onError?: (error: unknown) => Promise<unknown> | void;
  /** The work takes a signal and can stop between syncs: Cancel is offered. */
  readonly cancellable?: boolean;
  /**
   * What the notice says when the user cancelled, for work that may have changed something before
   * the cancel took (by default, that nothing in the workbook was changed).
   */
  readonly cancelledNotice?: () => Notice;
  /** Move the focus to the outcome when the work ends (not for work the user did not start). */
  readonly focusOutcome?: boolean;
}

export interface Operation {
  readonly busy: Busy | null;
  /** Cancel is offered (and whether it was pressed). */
  readonly cancel: { readonly requested: boolean } | null;
  readonly notice: Notice | null;
  /** Counts the outcomes that want the focus (operations that ended, notices shown with `focus`). */
  readonly outcomes: number;
  /**
   * Sets a notice, unless the pane is gone. With `focus`, it is the outcome of something the
   * user did outside an operation (Go to): it takes the focus and comes into view.
   */
  showNotice(notice: Notice | null, options?: { readonly focus?: boolean }): void;
  /** Updates the busy line while an operation runs (its progress). */
  showProgress(busy: Busy): void;
  /** False once the pane is unmounted: work that outlives it must not touch its state. */
  isMounted(): boolean;
  /** Asks the running work to stop at its next chance. */
  requestCancel(): void;
  run(busy: Busy, work: (signal: AbortSignal) => Promise<void>, options?: RunOptions): Promise<void>;
}

export function useOperation(t: Translate): Operation {
  const [busy, setBusy] = useState<Busy | null>(null);
  const [cancel, setCancel] = useState<{ requested: boolean } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [outcomes, setOutcomes] = useState(0);
  const mounted = useRef(true);
  const controller = useRef<AbortController | null>(null);
  const { announce } = useAnnounce();
  // The language can change while work runs; run() itself stays the same function.
  const translate = useRef(t);
  translate.current = t;
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const isMounted = useCallback(() => mounted.current, []);
  const showNotice = useCallback((next: Notice | null, options?: { readonly focus?: boolean }) => {
    if (!mounted.current) return;
    setNotice(next);
    if (options?.focus) setOutcomes((n) => n + 1);
  }, []);
  const showProgress = useCallback((next: Busy) => {
    if (mounted.current) setBusy(next);
  }, []);
  const requestCancel = useCallback(() => {
    controller.current?.abort();
    if (mounted.current) setCancel((c) => (c ? { requested: true } : c));
  }, []);
  const run = useCallback(
    async (first: Busy, work: (signal: AbortSignal) => Promise<void>, options: RunOptions = {}) => {
      const { onError, cancellable = false, cancelledNotice, focusOutcome = true } = options;
      const own = new AbortController();
      controller.current = own;
      showNotice(null);
      showProgress(first);
      if (mounted.current) setCancel(cancellable ? { requested: false } : null);
      announce(translate.current(first.key, first.params), { polite: true });
      try {
        await work(own.signal);
      } catch (error) {
        showNotice(cancelledNotice && isCancellation(error) ? cancelledNotice() : errorNotice(error));
        if (mounted.current) await onError?.(error);
      } finally {
        if (controller.current === own) controller.current = null;
        if (mounted.current) {
          setBusy(null);
          setCancel(null);
          if (focusOutcome) setOutcomes((n) => n + 1);
        }
      }
    },
    [showNotice, showProgress, announce],
  );
  return { busy, cancel, notice, outcomes, showNotice, showProgress, isMounted, requestCancel, run };
}
