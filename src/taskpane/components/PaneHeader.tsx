/** The pane's title and its language switch (English, 中文). */
import { makeStyles, Title3, ToggleButton, tokens } from "@fluentui/react-components";
import { Lang } from "../../engine/i18n";
import { useLang } from "../i18n";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  langs: { display: "flex", gap: tokens.spacingHorizontalXS },
});

export interface PaneHeaderProps {
  onLang(lang: Lang): void;
}

export function PaneHeader({ onLang }: PaneHeaderProps) {
  const { lang, t } = useLang();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Title3 as="h1">{t("ui.app.title")}</Title3>
      <div role="group" aria-label={t("ui.lang.label")} className={styles.langs}>
        <ToggleButton size="small" checked={lang === "en"} lang="en" onClick={() => onLang("en")}>
          {t("ui.lang.en")}
        </ToggleButton>
        <ToggleButton size="small" checked={lang === "zh"} lang="zh-CN" onClick={() => onLang("zh")}>
          {t("ui.lang.zh")}
        </ToggleButton>
      </div>
    </header>
  );
}
