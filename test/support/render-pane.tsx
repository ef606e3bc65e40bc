/**
 * The whole pane as src/taskpane/index.tsx mounts it (Fluent's provider, the live regions, the
 * app), in Fluent's light theme, for tests that drive it through the fake Excel.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import { Lang } from "../../src/engine/i18n";
import App from "../../src/taskpane/components/App";
import { PaneAnnouncer } from "../../src/taskpane/components/PaneAnnouncer";

export function renderPane(lang: Lang = "en"): ReturnType<typeof render> {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneAnnouncer>
        <App initialLang={lang} />
      </PaneAnnouncer>
    </FluentProvider>,
  );
}
