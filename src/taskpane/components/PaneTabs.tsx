/**
 * The pane's three tabs (recognised columns, policy, results) and the panel of the one chosen.
 */
import "../../engine/i18n/ui";
import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { ComponentProps } from "react";
import { useLang } from "../i18n";
import { ColumnsPanel } from "./ColumnsPanel";
import { PolicyPanel } from "./PolicyPanel";
import { ResultsPanel } from "./ResultsPanel";

export type TabId = "columns" | "policy" | "results";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXL, minWidth: 0, flexGrow: 1 },
  tabs: { flexWrap: "wrap" },
});

export interface PaneTabsProps {
  readonly tab: TabId;
  readonly onTab: (tab: TabId) => void;
  readonly columns: ComponentProps<typeof ColumnsPanel>;
  readonly policy: ComponentProps<typeof PolicyPanel>;
  readonly results: ComponentProps<typeof ResultsPanel>;
}

export function PaneTabs({ tab, onTab, columns, policy, results }: PaneTabsProps) {
  const styles = useStyles();
  const { t } = useLang();
  return (
    <>
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => onTab(data.value as TabId)}
        aria-label={t("ui.tab.label")}
        size="small"
      >
        <Tab value="columns" id="tab-columns" aria-controls="panel">
          {t("ui.tab.columns")}
        </Tab>
        <Tab value="policy" id="tab-policy" aria-controls="panel">
          {t("ui.tab.policy")}
        </Tab>
        <Tab value="results" id="tab-results" aria-controls="panel">
          {t("ui.tab.results")}
        </Tab>
      </TabList>
      <div role="tabpanel" id="panel" aria-labelledby={`tab-${tab}`} className={styles.panel}>
        {tab === "columns" && <ColumnsPanel {...columns} />}
        {tab === "policy" && <PolicyPanel {...policy} />}
        {tab === "results" && <ResultsPanel {...results} />}
      </div>
    </>
  );
}
