/**
 * The review's own English texts: its sheets and pages, the summary and dashboard, the changes
 * since the last review, warnings, actions and the notes on what could not be worked out. A
 * catalogue of their own, added to the product's by ./report.ts, so that the custom functions'
 * bundle, which says none of them, does not carry them.
 */
export const reportEn = {
  "monitoring.monthly": "Monthly",
  "monitoring.quarterly": "Quarterly",
  "monitoring.custom": "Every {months} months",

  "review.leftOut": "Left out, not customers: {rows}",
  "review.leftOutMore": "{rows} and {count} more",
  "review.rowNumbers": "{rows}",
  "review.rowNumbersMore": "{rows} and {count} more",
  "review.leftOutTotals": '{sheet} row {row} ("{label}", a totals row)',
  "review.leftOutHeading": '{sheet} row {row} ("{label}", a heading: no figures)',
  "review.leftOutUnits": '{sheet} row {row} ("{label}", the units of the columns above)',
  "review.convertedTooLarge": "{value} is too large a number once converted into the customer sheet's unit",
  "summary.typedOver": "Typed over since {date}",
  "summary.typedOverMore": "… and {count} more",
  "summary.movedRows": "Rows moved since the review of {date}",
  "review.asOfAhead":
    "The as-of date {date} is {days} days after today ({today}): every open invoice is aged to that day, and the archive keeps this review under that date, so every review run until then comes before it. If the year is a slip, correct the date and review again",
  "review.asOfFar":
    "The as-of date {date} is more than a century from today ({today}): a review cannot be dated that far off; correct the year",
  "review.laterReviews":
    "This review is dated {date}, before the archive's later {count|review|reviews} of this sheet ({dates}): its rows go in their date's place in the archive, and the customer sheet and the summary now show the {date} review, not the latest ({latest}); review again as of today to show the latest",
  "review.undatedArchive":
    "{count} {count|row|rows} of this sheet's archive {count|has|have} no readable review date ({rows}): kept where {count|it is|they are}, but never compared with; type the date as year-month-day (2026-07-31) to use {count|it|them} again",
  "review.undatedRow": 'row {row} ("{shown}")',
  "review.undatedMore": " and {count} more",
  "review.typedOver":
    "{count} {count|cell|cells} of the review's own columns changed by hand since the review of {date}; the review writes its own values there: {cells}",
  "review.movedRows": "{count} {count|row|rows} moved since the review of {date} ({count|row|rows} {rows}). {why}",
  "summary.movedRowsWhich": "{count|Row|Rows} {rows}",
  "review.responsesLeftBehind":
    'The "{column}" text on {count|row|rows} {rows} is the response recorded at the review of {date} for the customer then on the row: the column did not move with the rows (they were sorted or moved without it), so it is not counted as the response of the customer now beside it; sort whole rows, the "{column}" column with them, or move each response to its customer\'s row',
  "review.movedRowsWhy":
    "The customer sheet's data moved under the review's columns (rows inserted, deleted or sorted in its data columns alone, or with only some of the review's columns): each row held another customer's results, or none, and is written for the customer now on it; nothing was typed over by hand there",
  "review.clearedColumns":
    "{count} of the review's own columns {count|has|have} been emptied since the review of {date} ({columns}): nothing was typed in {count|it|them}, and the review writes its values there again",
  "review.clearedAll":
    "The review's own columns have been emptied since the review of {date}: nothing was typed in them, and the review writes its values there again",
  "review.clearedColumn": "{column} {header}",
  "review.clearedMore": "{columns} and {count} more",
  "summary.clearedColumns": "Columns emptied since {date}",
  "summary.clearedAllColumns": "All the review's own columns",
  "summary.clearedColumnsWhich": "{columns}: nothing was typed in {count|it|them}; this review wrote {count|it|them} again",
  "review.reviewOfSheet": '{date} of sheet "{sheet}"',
  "review.typedOverCell": "{cell} {header} of {customer}: {change}",
  "review.typedOverChangeOn": "{typed} (the review of {date} wrote {written})",
  "review.typedOverChange": "{typed} (the review wrote {written})",
  "review.typedOverChangedOn": "{typed} (not what the review of {date} wrote)",
  "review.typedOverChanged": "{typed} (not what the review wrote)",
  "review.typedOverMore": "{cells} and {count} more (each customer's in the archive's \"{column}\" column)",
  "review.typedOverBlank": "blank",
  "review.typedOverText": '"{text}"',
  "review.unitsConverted": "Amounts converted into {unit}, the customer sheet's unit: {columns}",
  "review.unitColumn": '{sheet} "{header}" (in {from})',
  "review.unitsOtherCurrency":
    "Amounts in another currency than the customer sheet's ({unit}) are compared as they stand, not converted: {columns}",
  "review.tableGrown":
    'Sheet "{sheet}": the Excel table "{table}" now covers {range}, the review\'s columns with it, so sorting or filtering the table keeps each review beside its customer.',
  "review.tableShrunk":
    'Sheet "{sheet}": the Excel table "{table}" now covers {range} (it covered {was} before): no column of it is left without a header.',
  "review.tableNotExtended":
    'The Excel table "{table}" on sheet "{sheet}" was not extended over the review\'s columns: it already has a column named {names}. Sorting or filtering that table moves its rows without the review\'s cells beside them; rename its column and review again',
  "review.tableWillGrow":
    'Sheet "{sheet}": the Excel table "{table}" ({was}) will be extended over the review\'s columns to {range}, so sorting or filtering it keeps each review beside its customer.',
  "review.tableWillShrink":
    'Sheet "{sheet}": the Excel table "{table}" ({was}) will be narrowed to {range}, so that no column of it is left without a header.',
  "review.tableWillNotExtend":
    'Sheet "{sheet}": the Excel table "{table}" will not be extended over the review\'s columns: it already has a column named {names}. Sorting or filtering it would move its rows without the review\'s cells; to have it extended, cancel, rename that column and review again.',
  "review.headerUnit": " ({unit})",
  "policyHelp.version":
    "Computed from the settings below: the same settings always give the same version, any change gives a new one (editing this cell changes nothing).",
  "policyHelp.weight": "How much {factor@factor} counts in the risk score; the five weights are scaled to add up to 100%.",
  "policyHelp.mediumFrom": "A customer whose risk score is at least this is medium risk.",
  "policyHelp.highFrom": "A customer whose risk score is at least this is high risk; it must be above the medium-risk start.",
  "policyHelp.scoreRise": "A rise of the risk score since the previous review by more than this many points raises a warning.",
  "policyHelp.overdueShare": "The portfolio is warned when more than this share of customers is overdue (write 10% or 0.1).",
  "policyHelp.newsMonths": "Negative news about a high-risk customer this many months old or newer raises a warning.",
  "policyHelp.overdueDays": "A customer more than this many days past due raises the overdue warning.",
  "policyHelp.legalActionDays": "Past this many days past due, with an amount overdue, legal action is recommended.",
  "policyHelp.minCurrentRatio": "A current ratio (current assets / current liabilities) below this raises a warning.",
  "policyHelp.maxDebtRatio": "A debt ratio (total liabilities / total assets) above this raises a warning (write 70% or 0.7).",
  "policyHelp.minInterestCoverage": "An interest coverage (EBIT / interest expense) below this raises a warning.",
  "policyHelp.limitLow":
    "The credit limit is multiplied by this for a low-risk customer not clear for a raise: a warning, an amount overdue, data to fix, or no balance or overdue figure to check.",
  "policyHelp.limitLowNoWarning":
    "The credit limit is multiplied by this for a low-risk customer clear for a raise: no warning, nothing overdue, no data to fix, its balance and overdue known.",
  "policyHelp.limitMedium": "The credit limit is multiplied by this for a medium-risk customer.",
  "policyHelp.limitHigh": "The credit limit is multiplied by this for a high-risk customer.",
  "policyHelp.monitorHighMonths": "A high-risk customer is reviewed again after this many months.",
  "policyHelp.monitorOtherMonths": "A medium- or low-risk customer is reviewed again after this many months.",
  "policyHelp.agingEdges": "Where the aging buckets of overdue invoices end, in days, separated by commas.",
  "policyHelp.defaultZModel":
    "The Altman Z-score model for a customer whose row names none: public, private, nonmanufacturing or emerging.",
  "policyHistory.firstUsed": "First used",
  "review.ledgerMixedCurrencies":
    'The open invoices on sheet "{sheet}" are in several currencies ({currencies}): no amounts in two currencies are added up, as no rate is known; a customer whose invoices are in two has no aging, nor an overdue amount while its overdue invoices are in two, and its credit notes settle only invoices in their own currency',
  // Review.
  "review.noHeader": 'sheet "{sheet}" has no header row naming customer columns (looked in the first 30 rows)',
  "review.missingColumns": 'sheet "{sheet}" (header on row {row}) is missing required columns: {fields}',
  // A header written over two rows ("Credit" above "limit"): the review reads one header row.
  "review.missingColumnsSplit":
    'sheet "{sheet}" (header on row {row}) is missing required columns: {fields}; the header seems split over rows {upper} and {lower} (column {column}: "{top}" above "{bottom}"): write each column\'s header in one cell on one row',
  "review.noHeaderSplit":
    'sheet "{sheet}" has no header row naming customer columns (looked in the first 30 rows); the header seems split over rows {upper} and {lower} (column {column}: "{top}" above "{bottom}"): write each column\'s header in one cell on one row',
  "review.notNumber": 'must be a number, got "{value}"',
  "review.currencyNotUnit":
    '"{value}" is in {currency@currency}, but this column\'s amounts are in {unit}; enter it in {expected@currency}',
  "review.currencyNotColumn":
    '"{value}" is in {currency@currency}, but the other amounts in this column are in {expected@currency}; enter it in {expected@currency}',
  // Two columns a figure combines, in two currencies: said in a row's note and once for the sheet alike.
  "review.twoCurrencies":
    "{other} is in {otherMark@currency} and {param} in {mark@currency}, and no rate is known to combine them; enter them in one currency",
  "review.twoCurrencyColumns": 'Sheet "{sheet}": {what} not computed for any customer: {why}',
  "review.twoCurrencyColumnsSales":
    'Sheet "{sheet}": {what} not computed for customers on the public or private Z model (which take sales): {why}',
  "review.negative": "must not be negative, got {value}",
  "review.blank": "is blank",
  "review.noSalesColumn":
    "The sheet has no {column} column, which the public and private Z models need: a customer on either gets no Z-score and no {check} check (a row naming no model is on the policy's default, {model@zmodel})",
  "review.previousScoreFromArchive":
    "measured against each customer's last score in the archive; the {column} column is used only where the archive has none",
  "review.previousScoreFromSheet":
    "measured against the {column} column: the archive holds no earlier score for these customers yet",
  "review.notScoredYet": "no factor is scored yet: each of the five needs a score from 1 to 5",
  "review.notDate": 'must be a date (such as 2026-11-30), got "{value}"',
  "review.farFromReviewDate":
    '"{value}" reads as the date {date:date}, more than a century from the review date ({asOf:date}): the cell must hold a date, not a number of days or a year',
  "review.notModel": 'must be a Z model (public, private, nonmanufacturing, emerging), got "{value}"',
  // Begins a Review issues cell whose notes hold nothing to fix (its fill is not the data error's).
  "review.informationOnly": "Note: ",
  "review.actionTakenLong": "is {length} characters long: the archive keeps the first {max} (the cell stays as it is)",
  "review.ledgerColumns": 'sheet "{sheet}" does not look like an invoice ledger: it needs customer, due date and amount columns',
  "review.ledgerNotUsed":
    'Sheet "{sheet}" has due dates and amounts but was not used as the invoice ledger: it has no {fields} column ({fallback})',
  "review.ledgerDaysForDueDates":
    'Sheet "{sheet}" was not used as the invoice ledger: every due date in its {column} is more than a century from the review date, so that column holds numbers of days, not dates: row {row} holds "{value}", read as {date:date} ({fallback})',
  // The same when some of its due dates are not dates at all (text, blank): none is a date within a century.
  "review.ledgerDaysForSomeDueDates":
    'Sheet "{sheet}" was not used as the invoice ledger: no due date in its {column} is a date within a century of the review date ({far} {far|is|are} more than a century from it, {notDates} {notDates|is not a date|are not dates}), so that column holds numbers of days, not dates: row {row} holds "{value}", read as {date:date} ({fallback})',
  // What the review does without the ledger it could not use.
  "review.ledgerFallback": "overdue figures come from the customer sheet, if it has them",
  "review.quotedField": '"{field}"',
  "review.ledgerTakenAsUnpaid":
    'The invoice ledger "{sheet}" has no {paid} or {open} column: every invoice was taken as unpaid, at its full amount',
  "review.ledgerNoCustomer": "the invoice names no customer",
  "policySheet.key": "Setting",
  "policySheet.value": "Value",
  "policySheet.meaning": "Meaning",
  // The legend under the policy table: what the archive's codes mean (the warning's and action's own titles).
  "legend.title": "Codes in the {sheet} sheet",
  "legend.setting": '{warning} — threshold: the setting "{setting}"',
  "legend.column": '{warning} — threshold: the customer\'s own "{column}"',
  "legend.model": '{warning} — threshold: the distress line of the customer\'s "{column}", else of the setting "{setting}"',
  "legend.outputCheck":
    "A short code for each cell the review wrote in the customer's row, from which the next review finds the cells changed by hand since (listed under {typedOver}); hidden: it is for the review to read, not for people",

  // Warnings: a title, and a detail with the figure against its threshold.
  "warning.SCORE_RISE": "Score rose",
  "warning.SCORE_RISE.detail":
    "The risk score rose by {value} points since the previous review (more than {threshold} points triggers a warning).",
  "warning.SCORE_RISE.since":
    "The risk score rose from {from} to {to} since the review of {date}: {value} points (more than {threshold} points triggers a warning).",
  "warning.SCORE_RISE.sinceSheet":
    "The risk score rose from {from} (the sheet's {column} column) to {to}: {value} points (more than {threshold} points triggers a warning).",
  "warning.OVERDUE_SHARE": "Many customers overdue",
  "warning.OVERDUE_SHARE.detail": "{value} of customers have an overdue payment (more than {threshold} triggers a warning).",
  "warning.NEGATIVE_NEWS": "Negative news",
  "warning.NEGATIVE_NEWS.detail": "High-risk customer with negative news on {value} ({lookBack}).",
  "warning.OVER_LIMIT": "Over credit limit",
  "warning.OVER_LIMIT.detail": "Outstanding balance {value} is above the credit limit {threshold}.",
  "warning.OVERDUE_90": "Overdue over {days} {days|day|days}",
  "warning.OVERDUE_90.detail":
    "The oldest unpaid amount is {value} days past due (more than {threshold} days triggers a warning).",
  "warning.Z_DISTRESS": "Z-score in distress zone",
  "warning.Z_DISTRESS.detail": "Altman Z of {value} is below the distress line {threshold} of its model.",
  "warning.LIQUIDITY": "Low liquidity",
  "warning.LIQUIDITY.detail": "Current ratio {value} is below {threshold}.",
  "warning.LEVERAGE": "High leverage",
  "warning.LEVERAGE.detail": "Debt ratio {value} is above {threshold}.",
  "warning.COVERAGE": "Weak interest coverage",
  "warning.COVERAGE.detail": "Interest coverage {value} is below {threshold}.",

  // Policy responses.
  "action.PREPAYMENT": "Require prepayment",
  "action.RESTRICT_LIMIT": "Restrict the credit limit",
  "action.GUARANTEE": "Ask for a guarantee or credit insurance",
  "action.HOLD_ORDERS": "Hold new orders until the balance is back under the limit",
  "action.ESCALATE_COLLECTION": "Escalate collection and stop shipments",
  "action.LEGAL_ACTION": "Consider legal action",
  "action.REASSESS": "Re-assess the customer now",
  "action.REVIEW_FINANCES": "Review the customer's financial statements",
  "action.RAISE_LIMIT": "Keep terms; the limit may rise",
  "action.KEEP_TERMS": "Keep current terms",

  // Why each action: a short title for the Recommendation column, a sentence with the figures for details.
  "decision.line": "{action} ({reason})",
  "decision.detail": "{action} — {reason}",
  "decision.waitsForFix":
    "Held for the data fix: grade actions, Score rose and Negative news checks, recommended limit, next review",
  "rule.GRADE_HIGH": "high risk",
  "rule.GRADE_HIGH.detail": "Risk score {score} is in the high-risk band (from {threshold}).",
  "rule.GRADE_MEDIUM": "medium risk",
  "rule.GRADE_MEDIUM.detail": "Risk score {score} is in the medium-risk band (from {threshold}).",
  "rule.GRADE_LOW": "low risk",
  "rule.GRADE_LOW.detail": "Risk score {score} is low risk; the policy gives no limit raise.",
  "rule.PAST_LEGAL_DAYS": "overdue past {days} {days|day|days}",
  "rule.PAST_LEGAL_DAYS.pastAmount":
    "{amount} is overdue more than {threshold} days, the oldest {days} days past due (legal action after {threshold} days).",
  "rule.PAST_LEGAL_DAYS.detail": "{amount} is overdue, the oldest {days} days past due (legal action after {threshold} days).",
  "rule.PAST_LEGAL_DAYS.noAmount":
    "The oldest unpaid amount is {days} days past due, the amount is not known (legal action after {threshold} days).",
  "rule.OVERDUE": "no raise while overdue",
  "rule.OVERDUE.detail": "{amount} is overdue: no limit raise until it is paid.",
  "rule.OVERDUE.noAmount": "A payment is {days} days past due: no limit raise until it is paid.",
  "rule.DATA_ISSUE": "no raise until the data is fixed",
  "rule.DATA_ISSUE.detail": "No limit raise until the review issues of this customer are resolved.",
  "rule.UNCHECKED": "no raise while the balance or overdue cannot be checked",
  "rule.UNCHECKED.twoCurrencies":
    "No limit raise while the balance cannot be weighed against the limit: they are in two currencies, so the over-limit check could not run.",
  "rule.UNCHECKED.noBalance": "No limit raise while the outstanding balance is not known: the over-limit check could not run.",
  "rule.UNCHECKED.noOverdue": "No limit raise while nothing shows what is overdue: the overdue check could not run.",
  "rule.LOW_RISK_CLEAR": "low risk, no warning",
  "rule.LOW_RISK_CLEAR.detail":
    "Risk score {score} is low risk, with no warning and nothing overdue: the limit may rise ×{multiplier}.",

  // What could not be worked out for a customer, and why (its other results stand).
  // Before a list's last item: "recommended limit, utilisation and available credit".
  "sep.lastItem": " and ",
  "note.notComputed": "{what} not computed: {why}",
  "note.check": "{title} check",
  "note.ledgerPreviousId":
    "the invoice ledger still names this customer by its earlier id, {id}: its invoices are read under it (correct the ledger's id to this one)",
  "note.ledgerPreviousIdNoneNow":
    "the invoice ledger still names this customer by its earlier id, {id}, which the customer sheet no longer gives: its invoices are read under it (give the customer its id again, or name it on the ledger)",
  "note.previousScoreArchived":
    "previous score {sheet} on the sheet; the archive's {archived} of {date:date} was used (and will be from now on: clear this column's cells to stop this note)",
  "note.previousScoreUnscored":
    "previous score {sheet} on the sheet not used: the customer is in the archive, whose reviews could not score it",
  "note.debtFree": "total liabilities is 0 (no debt), so the Z-score's equity / liabilities term is undefined",
  "note.noStatements": "no financial statements given",
  "note.assetsZero": "total assets is 0, so the debt ratio is undefined",
  "note.ledgerMismatch":
    "the balance {balance} differs from the open amount {ledger} on the invoice ledger ({sheet}); exposure uses the balance",
  "figure.zScore": "Z-score",
  "figure.currentRatio": "current ratio",
  "figure.debtRatio": "debt ratio",
  "figure.interestCoverage": "interest coverage",
  "figure.recommendedLimit": "recommended limit",
  "figure.exposure": "exposure",
  "figure.overdue": "overdue figures",
  "figure.overdueAmount": "overdue amount",
  "figure.aging": "aging",
  // A customer's own invoices on the ledger in two currencies: placed at the second's row, both rows named.
  "note.ledgerTwoCurrencies":
    "its open invoices are in {mark@currency} (e.g. row {row}) and {otherMark@currency} (e.g. row {otherRow}), and no rate is known to add them; its balance is not compared with them",
  "note.ledgerOverdueTwoCurrencies":
    "its overdue invoices are in {mark@currency} (e.g. row {row}) and {otherMark@currency} (e.g. row {otherRow}), and no rate is known to add them; days past due stands, each currency's credit notes settling only its own invoices",
  "review.duplicate":
    "{customer} is also on {rows|row|rows} {rows}; one row per customer, or its invoices and its history could belong to {rows|either row|any of them}",
  "review.noName": "the row names no customer (neither an id nor a name)",
  "summary.exposureNotGraded": "of which owed by customers not graded",
  "summary.notGraded": "Not graded (data errors)",
  "summary.total": "Total",
  "summary.problems": "Customers with problems",
  "summary.problem": "Problem",
  "summary.unmatched": "Ledger invoices of customers not on the sheet",
  "summary.unmatchedText":
    "{invoices} open {invoices|invoice|invoices} of {customers} {customers|customer|customers}, {amount} in all: {keys}",
  // Their open amounts in two currencies: not added up, why said in their place.
  "summary.unmatchedTextNotAdded":
    "{invoices} open {invoices|invoice|invoices} of {customers} {customers|customer|customers}, not added up ({why}): {keys}",
  "summary.unmatchedNamed": "{key} {name}",
  "summary.unmatchedNone": "none",

  // Each printed page of the review's sheets: which sheet and review it is, and its place among the pages.
  "print.header": "{title} — {date}",
  "print.footer": "Page {page} of {pages}",
  "print.headerWithAside": "{header} ({aside})",
  "print.otherReviews": "this review only; {count} other {count|review|reviews} ({dates}) on the sheet, not printed",
  "print.dateRange": "{first} to {last}",

  // Summary sheet.
  "summary.title": "Credit Review Summary",
  "summary.asOf": "As of",
  "summary.sheet": "Customer sheet",
  "summary.policyVersion": "Policy version",
  "summary.amountUnit": "Amounts in",
  "summary.customers": "Customers graded",
  "summary.withErrors": "Customers not graded (data errors)",
  "summary.exposure": "Total exposure (outstanding balance)",
  "summary.overdueShare": "Share of customers overdue",
  "summary.overdueShareBase": "{overdue} of {counted} with overdue figures known",
  "summary.portfolioWarnings": "Portfolio warnings",
  "summary.sameBalances":
    "Every balance ({count} customers) is the same as at the review of {date}: check that the customer sheet holds this period's balances before reading the figures below. {why}",
  "summary.mostBalancesSame":
    "{count} of {compared} balances ({share}) are the same as at the review of {date}: check that the customer sheet holds this period's balances before reading the figures below. {why}",
  "warning.withFigure": "{title} ({value} {side} {threshold})",
  // A figure and threshold counted in days, beside each other in warning.withFigure.
  "warning.days": "{days} {days|day|days}",
  // A risk score's rise and its threshold, counted in points, beside each other in warning.withFigure.
  "warning.points": "{points} {points|point|points}",
  // A dated warning (negative news): its date and the look-back's first day in words, since a
  // comparison sign between two dates reads as arithmetic.
  "warning.withDate": "{title} ({value}, {lookBack})",
  // The negative-news look-back, in the warning, its explanation and its clearing alike.
  "warning.newsLookBack": "on or after {since}",
  "summary.shareAgainstThreshold": "{value} (warning above {threshold})",
  "summary.notAvailable": "n/a (no overdue data)",
  "summary.none": "none",
  "summary.grade": "Risk grade",
  "summary.gradeCustomers": "Customers",
  "summary.gradeExposure": "Exposure",
  "summary.gradeShare": "Share",
  "summary.warning": "Warning",
  "summary.code": "Code",
  "summary.warningCustomers": "Customers",
  "summary.agingBucket": "Aging bucket",
  "summary.amount": "Amount",
  "summary.agingShare": "Share of total",
  "summary.agingChart": "Receivables aging",
  "summary.exposureChart": "Exposure by risk grade",
  "summary.topRisks": "Top risks: customers needing action first, then by exposure at risk",
  "summary.topRisksByScore":
    "Top risks: customers needing action first, then by risk score (the balances are in two currencies, so not ranked by them)",
  "summary.row": "Row",
  "summary.warningCount": "Warnings",
  // The one-page dashboard's headline figures, top risks, capped problem list and grade moves.
  "summary.creditLimits": "Total credit limits",
  "summary.utilisation": "Utilisation (balance / limit)",
  "summary.noLimits": "n/a (no credit limits)",
  "summary.utilisationLeavesOut":
    "leaves out {amount} owed by {count} {count|customer|customers} whose credit limit is blank, 0, unreadable or in another currency than the balance",
  // A figure or a check the sheet's columns cannot give: said in its place, never a 0.
  "summary.noColumn": "n/a (no {column} column)",
  "summary.twoCurrencies": "n/a ({other} in {otherMark@currency}, {param} in {mark@currency})",
  "summary.utilisationLeavesOutCustomers":
    "leaves out the balances of {count} {count|customer|customers} whose credit limit is blank, 0, unreadable or in another currency than the balance ({why})",
  // A portfolio total whose amounts are in two currencies: not added up, a row of each named.
  "summary.notAdded": "n/a ({why})",
  "summary.shareNotAdded": "share of exposure n/a: {why}",
  "total.twoCurrencies":
    "{amounts@total} in {mark@currency}, e.g. {place}, and {otherMark@currency}, e.g. {otherPlace}; no rate is known to add them",
  "total.twoKinds":
    "{amounts@total} in {mark@currency}, e.g. {place}, and {otherAmounts@total} in {otherMark@currency}, e.g. {otherPlace}; no rate is known to combine them",
  "total.balances": "balances",
  "total.creditLimits": "credit limits",
  "total.overdueAmounts": "overdue amounts",
  "total.invoices": "open invoices",
  "total.row": "row {row}",
  "total.sheetRow": 'row {row} of sheet "{sheet}"',
  "total.customer": 'customer "{name}"',
  "check.notChecked": "not checked",
  "check.notCheckedFor": "not checked ({missing})",
  "check.missing": "no {needs}",
  "check.field": "{field}",
  "check.column": "{fields} column",
  "check.columns": "{fields} columns",
  "check.and": ", ",
  "check.lastAnd": " and ",
  "check.or": " or ",
  "check.archive": "archive of earlier reviews",
  "check.ledger": "invoice ledger",
  "summary.overdueAmount": "Overdue amount, share of exposure",
  "summary.exposureAtRisk": "Exposure at risk, share of exposure",
  "summary.customersAtRisk": "Customers warned, overdue or high risk",
  "summary.customersNeedingAction": "of which needing action",
  "summary.moreAtRisk":
    "… and {count} more {count|customer|customers} warned, overdue or high risk, {action} of them needing action — see sheet {sheet}",
  "summary.moreAtRiskNoAction":
    "… and {count} more {count|customer|customers} warned, overdue or high risk, none needing action — see sheet {sheet}",
  "summary.reason": "Why at risk, and what to do",
  // What each top risk and each decision asks, short enough for a line of the dashboard.
  "summary.reasonTodo": "{reason} To do: {actions}",
  "summary.do.PREPAYMENT": "prepayment",
  "summary.do.RESTRICT_LIMIT": "restrict the limit",
  "summary.do.GUARANTEE": "guarantee or credit insurance",
  "summary.do.HOLD_ORDERS": "hold new orders",
  "summary.do.ESCALATE_COLLECTION": "escalate collection, stop shipments",
  "summary.do.LEGAL_ACTION": "consider legal action",
  "summary.do.REASSESS": "re-assess now",
  "summary.do.REVIEW_FINANCES": "review financial statements",
  "summary.do.RAISE_LIMIT": "keep terms, the limit may rise",
  "summary.do.KEEP_TERMS": "keep current terms",
  "summary.limitChange": "limit {limits}",
  "summary.limits": "{from} → {to}",
  // A customer's amount with its currency, where the portfolio's amounts of its kind are in two: "USD 120,000.00".
  "amount.inCurrency": "{currency} {amount}",
  "summary.limitKept": "{limit} (kept)",
  "summary.limitNone": "{limit} (no credit extended)",
  "summary.decisions":
    "More customers needing action, beyond the top risks: prepayment, limits cut, orders held, collection, legal action, a re-assessment now, a review of the financial statements",
  "summary.decision": "Recommended",
  "summary.moreDecisions": "… and {count} more — see the {column} column on sheet {sheet}",
  "summary.notAged": "Balance not aged (ledger rows to fix)",
  "summary.notAgedWho": 'Customers: {customers}; see "{problems}"',
  "summary.moreProblems": "… and {count} more — see the {column} column on the customer sheet",
  "trend.title": "Portfolio over time",
  "trend.atRisk": "At risk",
  "trend.highGrade": "High grade",
  "trend.withWarnings": "With warnings",
  "trend.chart": "Exposure at risk over time",
  "trend.unknown": "not in the archive",
  // A trend figure not given: "n/a" in its cell, and why under the table, by review.
  "trend.notGiven": "n/a",
  "trend.missing": "{figures} on {date}: {why}",
  // Under the trend table where the portfolio's totals say their currencies: the figures in one currency, then it.
  "trend.amountsIn": "{figures} {currency}",
  "trend.otherCurrency":
    "n/a (in {mark@currency}, e.g. {place}, and this review's amounts in {otherMark@currency}; no rate is known to convert them)",
  "changes.riskierMore": "and {count} more",
  "changes.moreSentence": "And {count} more.",
  "changes.move": "{name} ({from} → {to})",
  "changes.moveByPolicy": "{name} ({from} → {to}, from the policy change)",
  "changes.pastDueAssumed":
    "due dates after reviews under policy {versions} use this review's intervals: the policy history does not hold {count|that version|those versions} as {count|it was|they were}",
  "changes.pastDueCustomer": "{name} ({grade}): last reviewed {last}, due {due}, {days} {days|day|days} late",
  "figure.withShare": "{amount} ({share})",
  "review.noRoom":
    "sheet \"{sheet}\" has no room for the review's {count} columns right of column {column} (Excel's last column is XFD)",
  "review.noCustomerRows": 'sheet "{sheet}" has no customer rows under its header (row {row}): nothing to review',
  "review.noCustomerRowsLeftOut":
    'sheet "{sheet}" has no customer rows under its header (row {row}), only {count} {count|row|rows} left out as totals, headings or units: nothing to review',
  "columns.nearMiss": 'Column {column} "{header}" is not recognised: did you mean "{meant}"?',
  "columns.nearMissChecks":
    'Column {column} "{header}" is not recognised: did you mean "{meant}"? Without it, not checked: {checks}',
  "review.replacesRun":
    'The archive already holds a review of "{sheet}" on {date}: this one takes its place (the archive keeps one review a day)',
  "review.sheetIsOurs": 'sheet "{sheet}" has the name of a sheet the review writes; rename it and run the review again',
  "archive.overdueUnit": "Overdue amount in",
  "archive.typedOver": "Typed over by hand",
  "archive.outputCheck": "Output check",
  "archive.userColumn":
    'sheet "{sheet}", column {column} is headed "{header}", which is none of the archive\'s: this version keeps its columns in A to {lastColumn}, and writing them would replace yours. Move your column right of column {lastColumn} (cut and insert it there), then run the review again',
  "archive.full":
    'sheet "{sheet}" would pass Excel\'s last row (1,048,576): the archive would need {rows} rows. Move older reviews to another workbook (cut the oldest rows of the archive) and run the review again',
  "changes.title": "Changes since the last review ({date})",
  "changes.none": "No earlier review in the archive to compare with",
  "changes.noneOfSheet":
    "No earlier review of this sheet in the archive to compare with (it holds reviews of {sheets}; to carry a renamed sheet's history over, type its new name over the old one in the archive's {column} column)",
  // The grade grid's corner: its rows are the grades at the last review, its columns the grades now.
  "changes.fromTo": "Last review \\ now",
  "changes.newWarnings": "New warnings",
  "changes.clearedWarnings": "Cleared warnings",
  "changes.newFromPolicy": "New warnings from the policy change alone",
  "changes.clearedFromPolicy": "Warnings cleared by the policy change alone",
  "changes.clearedWhy": "{warning} — {why}.",
  "changes.clearedByPolicySentence": "{warning} The policy change alone cleared it.",
  "changes.cleared.score":
    "the score moved {change} points since the review of {date}, from {from} to {to} (a rise of more than {threshold} points triggers a warning)",
  "changes.cleared.scoreSame":
    "the score is {to}, unchanged since the review of {date} (a rise of more than {threshold} points triggers a warning)",
  "changes.cleared.OVER_LIMIT": "the outstanding balance {value} is within the credit limit {threshold}",
  "changes.cleared.OVERDUE_90":
    "the oldest unpaid amount is now {value} {value|day|days} past due (more than {threshold} days triggers a warning)",
  "changes.cleared.nothingPastDue": "nothing is past due now (more than {threshold} days triggers a warning)",
  "changes.cleared.nothingOverdue":
    "the overdue amount is {amount} now, so nothing is overdue (though the oldest open item is {days} days past due)",
  "changes.cleared.LIQUIDITY": "the current ratio is now {value} (below {threshold} triggers a warning)",
  "changes.cleared.LEVERAGE": "the debt ratio is now {value} (above {threshold} triggers a warning)",
  "changes.cleared.COVERAGE": "the interest coverage is now {value} (below {threshold} triggers a warning)",
  "changes.cleared.zone": "the Altman Z is now {value}, in the {zone} zone",
  "changes.cleared.newsAged": "the news of {date} is now older than the {months}-month look-back ({lookBack})",
  "changes.cleared.notHighRisk":
    "the customer is graded {grade} now, and negative news (of {date}) triggers a warning for a high-risk customer only",
  "changes.cleared.noNews": "the sheet gives no negative news date now",
  "changes.cleared.nothingFound": "the check found nothing this time",
  "changes.notCheckedWarnings": "Warnings not checked this time",
  "changes.notCheckedWarning": "{warning} ({why})",
  "changes.notCheckedBlank": "no {fields} on its row",
  "changes.byPolicy": "{warning} (from the policy change)",
  "changes.byPolicySentence": "{warning} The policy change alone raised it.",
  "changes.riskierFromPolicy": "Moved to a riskier grade by the policy change alone",
  "changes.saferFromPolicy": "Moved to a safer grade by the policy change alone",
  "changes.customerWarnings": "{name}: {warnings}",
  "changes.added": "Customers added",
  "changes.gone": "Customers gone",
  "changes.renamed": "Renamed since the last review",
  "changes.rename": "{id} {from} → {to}",
  "changes.renamedFrom": "Renamed since its last review (was {name})",
  "changes.idChanged": "Id changed since the last review",
  "changes.idChange": "{name}: {from} → {to}",
  "changes.idChangedFrom": "Id changed since its last review (was {id}): its history is read under the new one",
  "changes.idGivenSince": "Given an id since its last review: its history, kept under its name, is read under the id",
  "changes.idTakenOffSince":
    "Its id ({id}) has been taken off the sheet since its last review: its history is read under its name",
  "changes.noId": "(no id)",
  "changes.nowGraded": "Now graded (data error at the last review)",
  "changes.notGradedNow": "Not graded now (data error; graded at the last review)",
  "changes.gradedCustomer": "{name} ({grade})",
  "changes.wasGraded": "{name} (was {grade})",
  "changes.riskier": "Moved to a riskier grade",
  "changes.safer": "Moved to a safer grade",
  "changes.pastDue": "Reviews past due",
  "changes.named": "{count} ({names})",
  "changes.score": "Score {from} → {to} ({change})",
  "changes.grade": "{from} → {to}",
  "changes.gradeByPolicy": "{from} → {to} (from the policy change)",
  "changes.gradeSame": "still {grade}",
  "changes.and": ", ",
  "changes.since": "{what} since {date}",
  "changes.lastReviewed": "Last reviewed {date}",
  "changes.firstReview": "Not in any earlier review",
  "changes.neverScored": "In earlier reviews, none of which could score it (data errors)",
  "changes.creditLimit": "Credit limit {from} → {to} ({change})",
  "changes.limit": "Recommended limit {from} → {to} ({change})",
  "changes.limitByPolicy": "Recommended limit {from} → {to} ({change}, from the policy change)",
  "changes.overdue": "Overdue {from} → {to} ({change})",
  "changes.overdueSince": "Overdue {from} → {to} ({change}) since {date}",
  "changes.overdueTotal": "Overdue amount",
  "changes.fromTo.amounts": "{from} → {to} ({change})",
  "changes.overdueGrew": "Overdue grew",
  "changes.overdueFell": "Overdue fell",
  "changes.overdueMove": "{name} {from} → {to} ({days} {days|day|days} past due)",
  "changes.overdueMoveCleared": "{name} {from} → {to} (nothing overdue now)",
  "changes.overdueMoveNoDays": "{name} {from} → {to}",
  "changes.creditLimitChanged": "Credit limit changed",
  // Each list told by where the recommended limit stands now against the credit limit.
  "changes.limitCut": "Recommended limit cut",
  "changes.limitRaiseWithdrawn": "Recommended raise withdrawn or smaller",
  "changes.limitRaised": "Recommended limit raised",
  "changes.limitCutWithdrawn": "Recommended cut withdrawn or smaller",
  "changes.limitMove": "{name} {from} → {to}",
  "changes.limitMoveByPolicy": "{name} {from} → {to} (from the policy change)",
  "changes.limitMoveCreditLimit": "{name} {from} → {to} (credit limit {limitFrom} → {limitTo})",
  "changes.policy": "Policy changed",
  "changes.policyMove": "{from} → {to} ({settings})",
  "changes.policyEdited":
    "{from} → {to} (the policy history's row {row} for {from} was changed by hand after the review wrote it: its settings no longer give {from}, so they are not compared)",
  "changes.policyEditedColumn":
    "{from} → {to} (the policy history's column {column} for {from} was changed by hand after the review wrote it: its settings no longer give {from}, so they are not compared)",
  "changes.policyUnknown": "{from} → {to} (the policy history does not hold the earlier version's settings)",
  "changes.setting": "{setting} {from} → {to}",
  "changes.units": "Amounts",
  // Why a balance left as it was matters, said wherever the review finds the sheet not refreshed.
  "changes.sameBalancesWhy": "A balance not brought up to date reads as nothing paid, and everything overdue a period longer.",
  "changes.sameBalances":
    "Every balance ({count} customers) is the same as at the review of {date}: check that the customer sheet holds this period's figures. {why}",
  "changes.mostBalancesSame":
    "{count} of {compared} balances ({share}) are the same as at the review of {date}: check that the customer sheet holds this period's figures for every customer. {why}",
  "changes.unitsConverted": "the last review's in {from}, converted to {to} to compare",
  "changes.unitsUnstated": "the last review's in {from}; this sheet states no unit, so they are compared as they stand",
  "changes.unitsNotCompared":
    "not compared: the last review stated them in {from}, this one in {to}, another currency (no exchange rate is known)",
  "changes.responses": "Actions recommended on {date}",
  "changes.responded": "Response recorded",
  "changes.noResponse": "No response recorded",
  "changes.recommendedTo": "{name} ({actions})",
  "changes.response": '{name} ({actions}): "{response}"',
  "changes.responseUnchanged": '{name} ({actions}): "{response}" (as on {date}, not changed since)',
  "changes.customerAsked": "Actions recommended on {date}: {actions}",
  "changes.customerResponse": 'Response recorded: "{response}"',
  "changes.customerResponseUnchanged": 'Response recorded: "{response}" (as on {date}, not changed since)',
  "changes.responseInArchive": '{name} ({actions}): "{response}" (from the archive, row {row})',
  "changes.customerResponseInArchive": 'Response recorded: "{response}" (from the archive, row {row})',
  "changes.responsesNotTheirs":
    "The \"{column}\" text on {count|row|rows} {rows} is another customer's response, left there when the data moved without the column: counted for no one; write each customer's own response on its row",
  "changes.responsesInArchiveHelp":
    '{count} {count|response was|responses were} typed in the archive\'s "{column}" column ({count|row|rows} {rows}) and {count|is|are} counted above; record responses in the customer sheet\'s "{column}" column: the archive keeps each review\'s record of it',
  "changes.responsesHelp":
    'Record what the team did about each recommendation in an "{column}" column on the customer sheet: the next review shows each response beside the action it answers. Once the column is added, switch the sheet\'s filter off and on (Data › Filter), so that a sort takes the column along with its rows.',
  "changes.limitNotCompared":
    "Recommended limit not compared: the last review stated it in {from}, this one in {to}, another currency",
  "figure.utilisation": "utilisation",
  "figure.availableCredit": "available credit",
  "note.limitZero": "the credit limit is 0, so utilisation (balance / limit) is undefined",
  "note.availableNotFinite": "the limit and balance are too large to give a finite available credit",
} as const;

export type ReportMessageKey = keyof typeof reportEn;
