/**
 * Review and Write back, kept in view at the bottom of the pane. A button that can't be used
 * now stays focusable and says why (the reason is its description); while work runs, its
 * progress in words, a bar and Cancel sit above the buttons. Write back first shows what it
 * will change, in place of the buttons, and asks once; the bar is never taller than the pane.
 */
import "../../engine/i18n/ui";
import { Button, Link, makeStaticStyles, makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { MessageKey, MessageParams } from "../../engine/i18n";
import { useLang } from "../i18n";
import type { Busy } from "../use-operation";
import { usePanelStyles } from "./styles";
import { useQuestionFocus, WRITE_QUESTION, WriteConfirmation, WriteQuestion } from "./WriteQuestion";

/** What scrolls into view (an opened customer, a focused field) is not left under the bar. */
const useScrollPadding = makeStaticStyles({ html: { scrollPaddingBottom: "7rem" } });

/** Why a button can't be used now, and what the user can do about it (a link). */
export interface Unavailable {
  readonly key: MessageKey;
  readonly params?: MessageParams;
  readonly fix?: { readonly key: MessageKey; run(): void };
}

const useStyles = makeStyles({
  bar: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    marginInline: `calc(-1 * ${tokens.spacingHorizontalM})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
    // A long question scrolls inside itself (WriteQuestion) rather than push its title off the top, and
    // leaves a third of the pane above it: the results it asks about can still be scrolled and read.
    maxHeight: "65vh",
    boxSizing: "border-box",
  },
  busy: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  busyText: { flex: "1 1 12em", minWidth: 0 },
  progress: { flexBasis: "100%" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  reason: { color: tokens.colorNeutralForeground2 },
});

export interface ActionBarProps {
  readonly busy: Busy | null;
  readonly cancel: { readonly requested: boolean } | null;
  /** Undefined when Review can be pressed. */
  readonly reviewUnavailable?: Unavailable;
  readonly writeUnavailable?: Unavailable;
  /** Set while Write back waits for the user to confirm. */
  readonly confirm?: WriteConfirmation;
  onReview(): void;
  onWrite(): void;
  onCancel(): void;
}

export function ActionBar(props: ActionBarProps) {
  const { busy, cancel, reviewUnavailable, writeUnavailable, confirm, onReview, onWrite, onCancel } = props;
  const { t } = useLang();
  const styles = useStyles();
  const panel = usePanelStyles();
  useScrollPadding();
  const { askButton: writeButton, yesButton } = useQuestionFocus(confirm !== undefined);
  const text = (u: Unavailable) => t(u.key, u.params);
  // The same reason for both (busy) is said once.
  const reasons: { id: string; u: Unavailable }[] = [];
  if (reviewUnavailable) reasons.push({ id: "review-reason", u: reviewUnavailable });
  if (writeUnavailable && !(reviewUnavailable && text(reviewUnavailable) === text(writeUnavailable)))
    reasons.push({ id: "write-reason", u: writeUnavailable });
  const writeReasonId = writeUnavailable
    ? reasons.some((r) => r.id === "write-reason")
      ? "write-reason"
      : "review-reason"
    : undefined;
  return (
    <div className={styles.bar} role="region" aria-label={t("ui.action.bar")}>
      {busy && (
        <div className={styles.busy}>
          <Text id="busy-text" className={styles.busyText}>
            {t(busy.key, busy.params)}
          </Text>
          {cancel && (
            <Button size="small" className={panel.wrapButton} disabledFocusable={cancel.requested} onClick={onCancel}>
              {t(cancel.requested ? "ui.action.cancelling" : "ui.action.cancel")}
            </Button>
          )}
          <ProgressBar className={styles.progress} thickness="large" aria-labelledby="busy-text" value={busy.value} max={1} />
        </div>
      )}
      {confirm ? (
        <WriteQuestion words={WRITE_QUESTION} confirm={confirm} yesButton={yesButton} />
      ) : (
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            disabledFocusable={reviewUnavailable !== undefined}
            aria-describedby={reviewUnavailable ? "review-reason" : undefined}
            onClick={onReview}
          >
            {t("ui.action.review")}
          </Button>
          <Button
            ref={writeButton}
            disabledFocusable={writeUnavailable !== undefined}
            aria-describedby={writeReasonId}
            onClick={onWrite}
          >
            {t("ui.action.write")}
          </Button>
        </div>
      )}
      {!confirm &&
        reasons.map(({ id, u }) => (
          <Text key={id} id={id} size={200} className={styles.reason}>
            {text(u)}
            {u.fix && (
              <>
                {" "}
                <Link as="button" inline onClick={u.fix.run}>
                  {t(u.fix.key)}
                </Link>
              </>
            )}
          </Text>
        ))}
    </div>
  );
}
