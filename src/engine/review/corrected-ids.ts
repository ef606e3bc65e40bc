/**
 * Customers whose id was corrected since the last review (a typo fixed, an ERP's new numbering),
 * given for the first time (a sheet kept by name until now gains an id column) or taken off the
 * sheet (its id column emptied): the archive keeps their history under the old key (the old id,
 * or the name when there was none), which no customer on the sheet has now, and the sheet names
 * them by a key the last review did not know (one the archive may hold from before: a typo fixed
 * back, ids put back). Known by their name: a customer the last review did not know, whose name
 * is the one it gave exactly one customer whose key is gone from the sheet, and no other such
 * newcomer's, is that customer.
 * Their history is then read under the new id, so every check that compares with the last review
 * (the score's rise, what changed, the cells typed over, the reviews past due, the responses)
 * compares with its own, and "what changed" says the id changed rather than one customer added
 * and another gone.
 */
import { ArchiveContents, ArchiveEntry, archiveKey } from "./archive";
import { customerNameKey } from "./changes";

/** A customer of the sheet: its id and name. */
interface SheetCustomer {
  readonly id: string;
  readonly name: string;
}

/**
 * The archive with the history of each customer whose id was corrected under its new key, and
 * those customers: each one's index (into `customers`) and the id the last review gave it ("" for
 * none); undefined when there is none.
 * `newcomers`: the indexes of the customers with a key the last review did not hold (new, back
 * after a review without them, or an id corrected or put back).
 * `last`: the last review's rows: a customer it reviewed under an id gone from the sheet, by the
 * name it gave it then, is the one a newcomer can be (one gone longer, or known then by another
 * name, is not). `repeatedKeys`: keys on several rows, which are no single customer.
 */
export function correctedIds(
  archive: ArchiveContents,
  last: readonly ArchiveEntry[],
  customers: readonly SheetCustomer[],
  newcomers: readonly number[],
  repeatedKeys?: ReadonlySet<string>,
):
  | { readonly archive: ArchiveContents; readonly customers: readonly { readonly index: number; readonly previousId: string }[] }
  | undefined {
  const named = newcomers.filter((i) => customers[i].name.trim() !== "");
  if (named.length === 0 || last.length === 0) return undefined;
  const onSheet = new Set(customers.map((c) => archiveKey(c.id, c.name)));
  const gone = last.filter((e) => e.key !== "" && !onSheet.has(e.key) && e.name.trim() !== "");
  if (gone.length === 0) return undefined;
  // Every named newcomer by name, a repeated one too: another newcomer of the name makes any link a guess.
  const byName = new Map<string, number[]>();
  for (const i of named) {
    const key = customerNameKey(customers[i].name);
    const same = byName.get(key);
    if (same) same.push(i);
    else byName.set(key, [i]);
  }
  // The gone customers' keys by name, each with the id it was archived under.
  const goneByName = new Map<string, Map<string, string>>();
  for (const e of gone) {
    const key = customerNameKey(e.name);
    if (!byName.has(key)) continue;
    const keys = goneByName.get(key);
    if (keys) keys.set(e.key, e.id);
    else goneByName.set(key, new Map([[e.key, e.id]]));
  }
  const links: { readonly from: string; readonly to: string; readonly index: number; readonly previousId: string }[] = [];
  for (const [name, indexes] of byName) {
    const ids = goneByName.get(name);
    // One newcomer of that name, and one id gone under it: anything else could be two customers.
    if (indexes.length !== 1 || ids?.size !== 1) continue;
    const c = customers[indexes[0]];
    const [[goneKey, goneId]] = ids;
    // Without an id then or now, both are known by their name alone: a name written otherwise is another customer.
    if (c.id === "" && goneId === "") continue;
    const key = archiveKey(c.id, c.name);
    if (repeatedKeys?.has(key)) continue;
    links.push({ from: goneKey, to: key, index: indexes[0], previousId: goneId });
  }
  if (links.length === 0) return undefined;
  // A key the archive knew before the last review (an id put back, a typo fixed back) takes the
  // history of the gone one only if no review held both: two keys one review held are two customers.
  const dates = reviewDates(archive, new Set(links.flatMap((l) => [l.from, l.to])));
  const kept = links.filter(({ from, to }) => {
    const held = dates.get(to);
    return held === undefined || ![...(dates.get(from) ?? [])].some((d) => held.has(d));
  });
  if (kept.length === 0) return undefined;
  const rekeyed = new Map(kept.map((l) => [l.from, l.to]));
  const entries = archive.entries.map((e): ArchiveEntry => {
    const key = rekeyed.get(e.key);
    return key === undefined ? e : { ...e, key };
  });
  return { archive: { ...archive, entries }, customers: kept.map(({ index, previousId }) => ({ index, previousId })) };
}

/**
 * Customers whose invoices the ledger still holds under the id the archive knew them by before it
 * was corrected, in any month after the correction (in its month correctedIds links them): each
 * customer's index and that id. `unmatched`: the ledger's keys no customer of the sheet met. Such
 * a key is an id the archive holds (its latest row under it, by name) that no customer has now,
 * and the customer is the only one of the sheet with that name, under another id, which the
 * archive first holds in the review right after the last under the old one: the correction's
 * (a review holding both would make them two customers, a branch gone under its own id).
 */
export function ledgerPreviousIds(
  archive: ArchiveContents,
  customers: readonly SheetCustomer[],
  unmatched: readonly string[],
  repeatedKeys?: ReadonlySet<string>,
): { readonly index: number; readonly previousId: string }[] {
  const wanted = new Set(unmatched);
  const onSheet = new Set(customers.map((c) => archiveKey(c.id, c.name)));
  // Each unmatched key's latest archive row, when it is an id no customer has now.
  const latest = new Map<string, ArchiveEntry>();
  for (const e of archive.entries) {
    if (!wanted.has(e.key) || onSheet.has(e.key) || e.id === "" || e.date === undefined) continue;
    const known = latest.get(e.key);
    if (!known || e.date > known.date!) latest.set(e.key, e);
  }
  if (latest.size === 0) return [];
  const names = new Set([...latest.values()].map((e) => customerNameKey(e.name)));
  const byName = new Map<string, number[]>();
  customers.forEach((c, i) => {
    const name = customerNameKey(c.name);
    if (!names.has(name)) return;
    const same = byName.get(name);
    if (same) same.push(i);
    else byName.set(name, [i]);
  });
  const links: { from: string; to: string; index: number; previousId: string }[] = [];
  for (const [from, e] of latest) {
    const indexes = byName.get(customerNameKey(e.name));
    if (indexes?.length !== 1) continue;
    const c = customers[indexes[0]];
    const to = archiveKey(c.id, c.name);
    if (repeatedKeys?.has(to)) continue;
    links.push({ from, to, index: indexes[0], previousId: e.id });
  }
  const dates = reviewDates(archive, new Set(links.flatMap((l) => [l.from, l.to])));
  const reviewed = [...new Set(archive.entries.flatMap((e) => (e.date === undefined ? [] : [e.date])))].sort((a, b) => a - b);
  // One earlier id per customer: two would leave the ledger's invoices of one of them unread anyway, and say which is a guess.
  const perCustomer = new Map<number, number>();
  for (const l of links) perCustomer.set(l.index, (perCustomer.get(l.index) ?? 0) + 1);
  return links
    .filter(({ from, to, index }) => {
      if (perCustomer.get(index) !== 1) return false;
      // The correction is on record: the review after the last one under the old id was the first
      // under the new. A customer that left and another of its name that came later (never
      // reviewed, or first reviewed later) are two customers, and the invoices stay unmatched.
      const held = dates.get(to);
      const before = dates.get(from);
      if (held === undefined || before === undefined) return false;
      const lastBefore = Math.max(...before);
      const firstHeld = Math.min(...held);
      return firstHeld === reviewed.find((d) => d > lastBefore);
    })
    .map(({ index, previousId }) => ({ index, previousId }));
}

/** The dates the archive reviewed each of `keys` on. */
function reviewDates(archive: ArchiveContents, keys: ReadonlySet<string>): Map<string, Set<number>> {
  const dates = new Map<string, Set<number>>();
  for (const e of archive.entries) {
    if (e.date === undefined || !keys.has(e.key)) continue;
    const on = dates.get(e.key);
    if (on) on.add(e.date);
    else dates.set(e.key, new Set([e.date]));
  }
  return dates;
}
