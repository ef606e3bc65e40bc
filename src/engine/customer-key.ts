/**
 * The key a customer is known by wherever two lists of customers meet (a ledger and the customer
 * sheet, an archive and this review, the rows of one CREDIT.AGING range): the id or name as
 * written, compared without what people type differently for the same customer.
 */

/**
 * Ids and names compared without case or outer spaces, and an id of digits without its leading
 * zeros: a sheet holding the number 1 shown as 00001 and an ERP export holding the text "00001"
 * name the same customer.
 */
export function customerKey(text: string): string {
  // Plain ASCII (most ids) needs no Unicode normalisation, which is slow per row.
  const key = (/^[\x20-\x7e]*$/.test(text) ? text : text.normalize("NFKC")).trim().toLowerCase();
  return key.length > 1 && key.charCodeAt(0) === 48 && /^\d+$/.test(key) ? key.replace(/^0+(?=\d)/, "") : key;
}
