/**
 * Term–value pairs as a description list (the summary's figures, a customer's details). Each pair
 * is one line while it fits and wraps its value under the term when it does not, so nothing is
 * cut or scrolls sideways at 320 px or 200% zoom. A figure with its share wraps between the two
 * ("2,080,500.00（51.8%）" in a 136 px box at 200% zoom), and a number breaks inside only when it
 * cannot fit a line by itself.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

/**
 * A term, its value, whether the value is a figure (its digits in even widths), a note on the
 * value, on its own line under the pair and what it lists (what a figure leaves out, say), and
 * the items a count counts (customers by name), one a line under it, as the summary sheet lists
 * them: a paragraph of names right-aligned beside a count reads badly at 320 px.
 */
export type Fact = readonly [term: string, value: string, figure?: boolean, note?: string, items?: readonly string[]];

const useStyles = makeStyles({
  facts: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, margin: 0 },
  pair: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, justifyContent: "space-between" },
  term: { color: tokens.colorNeutralForeground3, flex: "1 1 9em", minWidth: 0 },
  value: { margin: 0, minWidth: 0, overflowWrap: "anywhere", textAlign: "end", marginInlineStart: "auto" },
  figure: { fontVariantNumeric: "tabular-nums" },
  note: { margin: 0, flexBasis: "100%", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  items: { margin: 0, flexBasis: "100%", minWidth: 0, overflowWrap: "anywhere" },
  list: {
    listStyleType: "none",
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
});

export function FactList({ facts }: { facts: readonly Fact[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {facts.map(([term, value, figure, note, items]) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={mergeClasses(styles.value, figure && styles.figure)}>{value}</dd>
          {items && items.length > 0 && (
            <dd className={styles.items}>
              <ul className={styles.list}>
                {items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            </dd>
          )}
          {note && <dd className={styles.note}>{note}</dd>}
        </div>
      ))}
    </dl>
  );
}
