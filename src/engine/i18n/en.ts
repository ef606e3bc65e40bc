/**
 * English texts every face says, the custom functions included: where a bad value is, the
 * functions' arguments and errors, the names of factors, grades and zones, and the policy's
 * settings. The Chinese catalogue must have every key (the compiler checks). The review's own
 * texts are in ./report-en.ts, the command line's and the task pane's in ./cli-en.ts and
 * ./ui-en.ts: each bundle carries only the texts it says.
 * "{name}" is a parameter; "{name@prefix}" shows it through the key "prefix.<value>".
 */
export const en = {
  // Where a bad value is.
  // {column} is a column's name: "column E (Industry risk)" for a sheet's, "column 3" counted in a function's range.
  "where.column": "column {column}",
  "where.columnCounted": "column {column}",
  "where.row": "row {row}: {text}",
  "where.param": "{param}: {text}",
  "where.paramRow": "{param} row {row}: {text}",
  "where.paramColumn": "{param} {column}: {text}",
  "where.paramRowColumn": "{param} row {row}, {column}: {text}",
  "where.sheetRowColumn": "sheet {sheet}, row {row}, {column}: {text}",
  "where.rowColumn": "row {row}, {column}: {text}",
  "where.sheetRow": "sheet {sheet}, row {row}: {text}",
  "where.sheet": "sheet {sheet}: {text}",

  // Arguments of the functions.
  "arg.blank": "{param} is blank; enter a value",
  "arg.notNumber": '{param} must be a number, got "{value}"',
  "arg.percentAmount": '{param} must be an amount, not a percentage, got "{value}"',
  "arg.ambiguousNumber": '{param} "{value}" could be {grouped} or {decimal}; enter it as a number',
  "arg.greaterThan": "{param} must be greater than {limit}, got {value}",
  "arg.minValue": "{param} must be at least {limit}, got {value}",
  "arg.negative": "{param} must not be negative, got {value}",
  "arg.maxValue": "{param} must be at most {limit}, got {value}",
  "arg.notFlag": '{param} must be TRUE or FALSE, got "{value}"',
  "arg.notChoice": '{param} must be one of {choices_en} (or in Chinese {choices_zh}), got "{value}"',
  "arg.notDate": '{param} must be a date (such as 2026-11-30), got "{value}"',
  "arg.notSingle": "{param} must be a single value, not a range",
  // A date argument read against another date (today, or another argument): see far-date-arguments.ts.
  "arg.dateFarFromToday":
    "{param} {date:date} (the cell holds {value}) is more than a century from today ({today:date}): it must be a date, not a year or a number of days, nor another argument's value typed in its place",
  "arg.dateFarFrom":
    "{param} {date:date} (the cell holds {value}) is more than a century from {other} ({reference:date}): both must be dates, not a year or a number of days",
  // A date typed day and month first: said after its argument's or cell's place, in every face.
  "date.dayMonthEither":
    '"{value}" could be {first:date} or {second:date}: countries write day and month in either order; type the date meant year first, as here, or use DATE(year, month, day)',
  "date.dayMonthOrder":
    '"{value}" puts day and month in an order that differs by country, so no date is guessed from it; type it year first, {first:date}, or use DATE(year, month, day)',
  "arg.emptyRange": "{param} is an empty range",
  "arg.ragged": "{param} must be a rectangular range",
  "arg.mixedCurrencies":
    "{other} is in {otherMark} but {param} is in {mark}: amounts in two currencies cannot be divided or added as they stand; enter them in one currency",

  // Score.
  "grade.bandsOrder": "{param} ({high}) must be above {other} ({medium}): the high-risk band starts above the medium-risk band",
  "score.factorsShape": "{param} must have 5 columns (one row per customer) or be one column of 5; got {rows}×{columns}",
  "score.factorRange": "{factor@factor} must be between 1 and 5, got {value}",
  "score.factorBlank": "{factor@factor} is blank; every factor needs a score from 1 to 5",
  "score.factorNotNumber": '{factor@factor} must be a number from 1 to 5, got "{value}"',
  "score.weightsCount": "{param} must be 5 numbers, one per factor; got {count}",
  "score.weightsCountZeros":
    "{param} must be 5 numbers, one per factor; got {count}, {zeros} of them 0: desktop Excel passes an empty cell as 0, so select only the five weights",
  "score.weightsMixedScales":
    "{param} mix fractions and percents: {percents} as percents and {fractions} as fractions add up to 100%; enter all five as fractions (0.3) or all as percents (30)",
  "score.weightsZero": "{param} add up to 0; at least one weight must be positive",
  "score.scoreRange": "score must be between 1 and 5, got {value}",

  // Altman Z.
  "z.assetsPositive": "{param} must be greater than 0, got {value}",
  "z.liabilitiesZero": "{param} is 0, so equity / liabilities (X4) is undefined",
  "z.salesNeeded": "{param} is blank; the {model@zmodel} model needs it (only nonmanufacturing and emerging do without)",
  "z.notFinite": "the inputs are too large to give a finite Z-score",

  // Ratios.
  "ratio.zeroDenominator": "{param} is 0, so the ratio is undefined",
  "ratio.negativeDenominator": "{param} must be greater than 0, got {value}",
  "ratio.notFinite": "the inputs are too large to give a finite ratio",
  "ratio.inventoryOverAssets":
    "{param} ({inventory}) is more than {other} ({assets}), of which it is a part: check that each argument holds the figure its name says",
  "limit.notFinite": "{param} is too large to give a finite limit",

  // Aging.
  "aging.notFinite": "the amounts add up to more than a number can hold",
  "aging.current": "Current",
  "aging.range": "{from}–{to}",
  "aging.over": "{from}+",
  "aging.edgesCount": "{param} must list 1 to 20 bucket edges, got {count}",
  "aging.edgeWhole": "{param} must be whole numbers of days of at least 1, got {value}",
  "aging.edgesIncreasing": "{param} must increase: {value} comes after {previous}",
  "aging.amountInvalid": 'amount must be a number, got "{value}"',
  "aging.mixedCurrencies":
    "amount in {second} where the amounts before it are in {first}: CREDIT.AGING adds amounts as they stand, so age each currency with its own call",
  "aging.dueInvalid": 'due date must be a date (such as 2026-11-30), got "{value}"',
  "aging.dueFarFromAsOf":
    "due date {due:date} (the cell holds {value}) is more than a century from {other} ({asOf:date}): both must be dates, not a number of days (days past due, payment terms) or a year",
  "aging.shapeMismatch": "{param} ({size}) and {other} ({otherSize}) must be the same size",
  "aging.customerBlank": "the amount {amount} names no customer; with customers given, every amount must name one",

  // Names of things.
  "factor.paymentHistory": "payment history",
  "factor.contractPerformance": "contract performance",
  "factor.industryRisk": "industry risk",
  "factor.marketReputation": "market reputation",
  "factor.complianceRecord": "compliance record",
  "grade.low": "Low",
  "grade.medium": "Medium",
  "grade.high": "High",
  "zone.safe": "Safe",
  "zone.grey": "Grey",
  "zone.distress": "Distress",
  "zmodel.public": "public (Z)",
  "zmodel.private": "private (Z′)",
  "zmodel.nonmanufacturing": "nonmanufacturing (Z″)",
  "zmodel.emerging": "emerging markets (Z″-EM)",
  // Policy.
  "policy.version": "Policy version",
  "policy.weights": "Factor weights (payment history, contract performance, industry risk, market reputation, compliance record)",
  "policy.mediumFrom": "Medium risk from score",
  "policy.highFrom": "High risk from score",
  "policy.scoreRise": "Score rise that triggers a warning (points)",
  "policy.overdueShare": "Share of customers overdue that triggers a portfolio warning",
  "policy.newsMonths": "Negative news look-back (months)",
  "policy.overdueDays": "Days past due that trigger the overdue warning",
  "policy.legalActionDays": "Days past due at which legal action is considered",
  "policy.minCurrentRatio": "Minimum current ratio",
  "policy.maxDebtRatio": "Maximum debt ratio",
  "policy.minInterestCoverage": "Minimum interest coverage",
  "policy.limitLow": "Limit multiplier, low risk with warnings",
  "policy.limitLowNoWarning": "Limit multiplier, low risk without warnings",
  "policy.limitMedium": "Limit multiplier, medium risk",
  "policy.limitHigh": "Limit multiplier, high risk",
  "policy.monitorHighMonths": "Review interval for high risk (months)",
  "policy.monitorOtherMonths": "Review interval for medium and low risk (months)",
  "policy.agingEdges": "Aging bucket edges (days)",
  "policy.defaultZModel": "Z-score model when a customer names none",
  "policy.bandsOrder": "the high-risk band ({high}) must start above the medium-risk band ({medium})",
  "policy.legalBeforeOverdue": "legal action days ({legal}) must not be fewer than overdue warning days ({overdue})",
  "policy.notModel":
    '{field} must name a Z-score model (public, private, nonmanufacturing or emerging; 上市, 非上市, 非制造业 or 新兴市场), got "{value}"',
  "policy.notList": "{field} must be a list of numbers",
  "policy.notNumber": '{field} must be a number, got "{value}"',
  "policy.notWhole": "{field} must be a whole number, got {value}",
  "policy.tooSmall": "{field} must be at least {min}, got {value}",
  "policy.tooLarge": "{field} must be at most {max}, got {value}",
  "policy.percentBare": "{field} is a share: write {percent} or {fraction}, not {value}",
  "policy.blank": "{field} has no value: type one, or delete the row to use the default",
  "policy.weightMissing": "{field} is missing: with one weight per row, all five weights are needed",
  "policy.weight.paymentHistory": "Weight: payment history",
  "policy.weight.contractPerformance": "Weight: contract performance",
  "policy.weight.industryRisk": "Weight: industry risk",
  "policy.weight.marketReputation": "Weight: market reputation",
  "policy.weight.complianceRecord": "Weight: compliance record",
  "number.percentAmount": 'must be an amount, not a percentage, got "{value}"',
  "number.ambiguous": '"{value}" could be {grouped} or {decimal}; enter it as a number',
  "currency.dollar": "dollars ($)",
  "currency.yen": "yuan or yen (¥)",
  "review.ledgerNoDue": "due date is blank but {amount} is still open",
  // Said by the review at a customer's cell and by CREDIT.NEXTREVIEW, {other} naming the review date ("review") or the argument ("asOf"), {then} what follows.
  "note.newsAfterReview": "the negative news is dated {date:date}, after {other@dateOf} ({asOf:date}), {then@newsAfter}",
  // What becomes of news dated after the review date: the review passes it over with a note;
  // CREDIT.NEXTREVIEW gives no date rather than one that passed it over, and says what to give it.
  "newsAfter.review": "so the review does not count it",
  "newsAfter.argument": "which the review does not count: give a newsDate on or before asOf, or leave it blank",
  "dateOf.review": "the review date",
  "sep.aside": "{main} ({aside})",
  // An aside set apart from what it qualifies by its cell alone (the summary's note beside a figure).
  "sep.asideAlone": "({aside})",
  "sep.list": ", ",
  "sep.items": "; ",
  "sep.sentences": " ",
  "sep.sentence": ". ",
  // Consecutive numbers as one run: rows 12–45.
  "sep.range": "{from}–{to}",
  "sep.label": ": ",
  // After a title read out before its lines (a notice said by a screen reader).
  "sep.title": ". ",
  "grade.dataError": "Data error",
  "limit.dateTooLate": "the next review date would fall after 9999-12-31, Excel's last date",
  // The header of a worklist column on the customer sheet: one aging bucket's amount per customer.
  "aging.header": "Aging: {label}",
} as const;

export type MessageKey = keyof typeof en;
