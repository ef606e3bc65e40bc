/*
 * Task-pane entry (placeholder): mounts <App/> inside Fluent's provider once Office is ready.
 * In the shared runtime this page also hosts the CREDIT.* functions bundle (functions.js).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import App from "./components/App";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
});
