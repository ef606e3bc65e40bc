/* Placeholder task pane: the Credit Review pane replaces this later. */
import { Title3 } from "@fluentui/react-components";

export default function App() {
  return (
    <main style={{ padding: 16 }}>
      <Title3 as="h1">Credit Review</Title3>
    </main>
  );
}
