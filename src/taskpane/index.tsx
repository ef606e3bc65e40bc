/*
 * Task-pane entry: mounts the Credit Review pane inside Fluent's provider once Office is ready,
 * in Office's display language and theme, with the pane's live regions around it. In the shared
 * runtime this page also hosts the CREDIT.* functions bundle (functions.js).
 */
import "../engine/i18n/ui";
import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { resolveLang } from "../engine/i18n";
import App from "./components/App";
import { PaneAnnouncer } from "./components/PaneAnnouncer";
import { displayLanguage, officeThemeInfo, onOfficeReady } from "./excel";
import { isDarkOffice, paneTheme } from "./theme";

onOfficeReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  const office = officeThemeInfo();
  const theme = paneTheme(office);
  // The page around the provider takes the theme too (and the browser's own controls: the date picker, scrollbars).
  document.body.style.margin = "0";
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
  document.documentElement.style.colorScheme = isDarkOffice(office) ? "dark" : "light";
  createRoot(container).render(
    <FluentProvider theme={theme}>
      <PaneAnnouncer>
        <App initialLang={resolveLang(displayLanguage())} />
      </PaneAnnouncer>
    </FluentProvider>,
  );
});
