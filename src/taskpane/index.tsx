/*
 * Task-pane entry: mounts the Credit Review pane inside Fluent's provider once Office is ready,
 * in Office's display language. In the shared runtime this page also hosts the CREDIT.*
 * functions bundle (functions.js).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { resolveLang } from "../engine/i18n";
import App from "./components/App";
import { displayLanguage, onOfficeReady } from "./excel";

onOfficeReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App initialLang={resolveLang(displayLanguage())} />
    </FluentProvider>,
  );
});
