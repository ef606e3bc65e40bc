/**
 * The pane's permanent live regions: polite for outcomes and progress, assertive for errors.
 * They are in the page from the start (a region added together with its text is often not read)
 * and keep the last message until the next, so what was said can be checked. Everything the pane
 * says goes through them, via Fluent's AnnounceProvider (the busy line, each notice).
 */
import { AnnounceProvider } from "@fluentui/react-components";
import { ReactNode, useCallback, useMemo, useState } from "react";
import { usePanelStyles } from "./styles";

interface Said {
  readonly text: string;
  /** Bumped on every message, so the same words said twice are a new node and read again. */
  readonly n: number;
}

export function PaneAnnouncer({ children }: { children: ReactNode }) {
  const styles = usePanelStyles();
  const [polite, setPolite] = useState<Said>({ text: "", n: 0 });
  const [assertive, setAssertive] = useState<Said>({ text: "", n: 0 });
  const announce = useCallback((text: string, options?: { alert?: boolean; polite?: boolean }) => {
    const set = options?.alert ? setAssertive : setPolite;
    set((last) => ({ text, n: last.n + 1 }));
  }, []);
  const value = useMemo(() => ({ announce }), [announce]);
  return (
    <AnnounceProvider value={value}>
      {children}
      <div id="pane-announcements" className={styles.visuallyHidden}>
        <div role="status" aria-live="polite" aria-atomic="true">
          <span key={polite.n}>{polite.text}</span>
        </div>
        <div role="alert" aria-live="assertive" aria-atomic="true">
          <span key={assertive.n}>{assertive.text}</span>
        </div>
      </div>
    </AnnounceProvider>
  );
}
