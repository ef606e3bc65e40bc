/** The pane's language: it follows Office's display language, and can be switched here (English, 中文). */
import "../../engine/i18n/ui";
import { makeStyles, Text, ToggleButton, tokens } from "@fluentui/react-components";
import { Lang } from "../../engine/i18n";
import { useLang } from "../i18n";

const useStyles = makeStyles({
  // At the pane's top right, out of the way of the sheet and date under it.
  langs: {
    display: "flex",
    alignItems: "center",
    justifyContent: "flex-end",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
  },
});

export function LanguageSwitch({ onLang }: { onLang(lang: Lang): void }) {
  const { lang, t } = useLang();
  const styles = useStyles();
  return (
    <div role="group" aria-labelledby="lang-label" className={styles.langs}>
      <Text id="lang-label" size={200}>
        {t("ui.lang.label")}
      </Text>
      <ToggleButton size="small" checked={lang === "en"} lang="en" onClick={() => onLang("en")}>
        {t("ui.lang.en")}
      </ToggleButton>
      <ToggleButton size="small" checked={lang === "zh"} lang="zh-CN" onClick={() => onLang("zh")}>
        {t("ui.lang.zh")}
      </ToggleButton>
    </div>
  );
}
