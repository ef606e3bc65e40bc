/**
 * Customers whose id was corrected since the last review (a typo fixed, an ERP's new numbering):
 * the archive keeps their history under the old id, which no customer on the sheet has now, and
 * the sheet names them by a new id the archive has never seen. Known by their name: a customer
 * new to the archive whose name is that of exactly one customer the archive knows by an id gone
 * from the sheet, and no other newcomer's, is that customer. Their history is then read under the
 * new id, so every check that compares with the last review (the score's rise, what changed, the
 * cells typed over, the reviews past due, the responses) compares with its own, and "what changed"
 * says the id changed rather than one customer added and another gone.
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
 * the indexes (into `customers`) of those customers; undefined when there is none.
 * `newcomers`: the indexes of the customers with a key the archive's earlier reviews do not hold.
 */
export function correctedIds(
  archive: ArchiveContents,
  customers: readonly SheetCustomer[],
  newcomers: readonly number[],
): { readonly archive: ArchiveContents; readonly customers: readonly number[] } | undefined {
  // Only a customer with an id can have it corrected: one without is known by its name.
  const withId = newcomers.filter((i) => customers[i].id !== "" && customers[i].name.trim() !== "");
  if (withId.length === 0) return undefined;
  const byName = new Map<string, number[]>();
  for (const i of withId) {
    const key = customerNameKey(customers[i].name);
    const same = byName.get(key);
    if (same) same.push(i);
    else byName.set(key, [i]);
  }
  const onSheet = new Set(customers.map((c) => archiveKey(c.id, c.name)));
  // The archived customers by name, of those known by an id no customer on the sheet has now.
  const goneByName = new Map<string, Set<string>>();
  for (const e of archive.entries) {
    if (e.id === "" || e.key === "" || onSheet.has(e.key) || e.name.trim() === "") continue;
    const key = customerNameKey(e.name);
    if (!byName.has(key)) continue;
    const keys = goneByName.get(key);
    if (keys) keys.add(e.key);
    else goneByName.set(key, new Set([e.key]));
  }
  const rekeyed = new Map<string, string>();
  const corrected: number[] = [];
  for (const [name, indexes] of byName) {
    const gone = goneByName.get(name);
    // One newcomer of that name, and one id gone under it: anything else could be two customers.
    if (indexes.length !== 1 || gone?.size !== 1) continue;
    const c = customers[indexes[0]];
    rekeyed.set([...gone][0], archiveKey(c.id, c.name));
    corrected.push(indexes[0]);
  }
  if (corrected.length === 0) return undefined;
  const entries = archive.entries.map((e): ArchiveEntry => {
    const key = rekeyed.get(e.key);
    return key === undefined ? e : { ...e, key };
  });
  return { archive: { ...archive, entries }, customers: corrected };
}
