/**
 * The question the pane asks before it changes the workbook (Write back, Save policy): a caution
 * when there is one, what will change, what stays, and the answer (Escape answers No). When the
 * question is taller than the room it has (a 320 px pane at 200% zoom), the caution and the
 * changes scroll inside it, so its title and its buttons stay in view.
 */
import "../../engine/i18n/ui";
import { Button, makeStyles, mergeClasses, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { KeyboardEvent, Ref, useEffect, useId, useRef } from "react";
import { MessageKey } from "../../engine/i18n";
import { useLang } from "../i18n";
import type { Notice } from "../notices";
import { NoticeBar } from "./NoticeBar";
import { usePanelStyles } from "./styles";

/** The words of one question: its title, the line before the changes, what stays the same, and its Yes. */
export interface QuestionWords {
  readonly title: MessageKey;
  readonly intro: MessageKey;
  readonly keep: MessageKey;
  readonly yes: MessageKey;
}

export const WRITE_QUESTION: QuestionWords = {
  title: "ui.confirm.title",
  intro: "ui.confirm.intro",
  keep: "ui.confirm.keep",
  yes: "ui.confirm.write",
};

export const POLICY_QUESTION: QuestionWords = {
  title: "ui.confirm.policyTitle",
  intro: "ui.confirm.policyIntro",
  keep: "ui.confirm.policyKeep",
  yes: "ui.confirm.save",
};

/** What a write will change, waiting for the user's yes or no. */
export interface WriteConfirmation {
  readonly changes: readonly string[];
  /** A warning about the write that is not one of its changes, shown above them as the pane's notices are. */
  readonly caution?: Notice;
  onWrite(): void;
  onCancel(): void;
}

/**
 * The focus while a question is asked: it moves to the question's Yes, and once answered back to
 * the button that asked (which stays focusable while the write runs, so the focus is never
 * dropped to the page). A question that goes while the user works elsewhere (an edit made it
 * stale) leaves the focus where it is: only a focus dropped with the question is given back.
 */
export function useQuestionFocus(asking: boolean) {
  const askButton = useRef<HTMLButtonElement>(null);
  const yesButton = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    const dropped = document.activeElement === null || document.activeElement === document.body;
    if (asking) yesButton.current?.focus();
    else if (wasAsking.current && dropped) askButton.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  return { askButton, yesButton };
}

const useStyles = makeStyles({
  // A flex column that may shrink below its content: only the changes give way, by scrolling.
  question: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0, minHeight: 0 },
  fixed: { flex: "none" },
  scrolled: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    flex: "0 1 auto",
    minHeight: 0,
    overflowY: "auto",
    overflowWrap: "anywhere",
    // Inside the scrolled box: a ring outside it would be cut by its own edge.
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  changes: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  keep: { color: tokens.colorNeutralForeground2 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, flex: "none" },
});

export interface WriteQuestionProps {
  readonly words: QuestionWords;
  readonly confirm: WriteConfirmation;
  readonly yesButton: Ref<HTMLButtonElement>;
}

export function WriteQuestion({ words, confirm, yesButton }: WriteQuestionProps) {
  const { t } = useLang();
  const styles = useStyles();
  const panel = usePanelStyles();
  const titleId = useId();
  const introId = useId();
  const changesId = useId();
  const cautionId = useId();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      confirm.onCancel();
    }
  };
  return (
    <div role="group" aria-labelledby={titleId} className={styles.question} onKeyDown={onKeyDown}>
      <Subtitle2 className={mergeClasses(panel.heading, styles.fixed)} as="h2" id={titleId}>
        {t(words.title)}
      </Subtitle2>
      {/* Focusable so that a keyboard can scroll it when it scrolls. */}
      <div role="group" aria-labelledby={introId} tabIndex={0} className={styles.scrolled}>
        {/* Its words are the answer's description (below): not announced again when it shows. */}
        {confirm.caution && (
          // At its own height: shrunk with the scrolled box, the message bar's words would run over the changes.
          <div className={styles.fixed}>
            <NoticeBar notice={confirm.caution} quiet bodyId={cautionId} />
          </div>
        )}
        <div id={changesId} className={styles.changes}>
          <Text id={introId}>{t(words.intro)}</Text>
          <ul className={styles.list}>
            {confirm.changes.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          <Text size={200} className={styles.keep}>
            {t(words.keep)}
          </Text>
        </div>
      </div>
      <div className={styles.buttons}>
        <Button
          ref={yesButton}
          appearance="primary"
          aria-describedby={confirm.caution ? `${cautionId} ${changesId}` : changesId}
          onClick={confirm.onWrite}
        >
          {t(words.yes)}
        </Button>
        <Button onClick={confirm.onCancel}>{t("ui.action.cancel")}</Button>
      </div>
    </div>
  );
}
