/**
 * English texts, the reference catalogue: its keys are the MessageKey type, and the
 * Chinese catalogue must have every one of them (the compiler checks).
 * "{name}" is a parameter; "{name@prefix}" shows it through the key "prefix.<value>".
 */
export const en = {
  // Where a bad value is.
  "where.row": "row {row}: {text}",
  "where.paramRow": "{param} row {row}: {text}",
  "where.rowColumn": "row {row}, column {column}: {text}",

  // Arguments of the functions.
  "arg.blank": "{param} is blank; enter a value",
  "arg.notNumber": "{param} must be a number, got \"{value}\"",
  "arg.notWhole": "{param} must be a whole number, got {value}",
  "arg.greaterThan": "{param} must be greater than {limit}, got {value}",
  "arg.minValue": "{param} must be at least {limit}, got {value}",
  "arg.maxValue": "{param} must be at most {limit}, got {value}",
  "arg.notFlag": "{param} must be TRUE or FALSE, got \"{value}\"",
  "arg.notChoice": "{param} must be one of {choices}, got \"{value}\"",
  "arg.notDate": "{param} must be a date, got \"{value}\"",
  "arg.notSingle": "{param} must be a single value, not a range",
  "arg.emptyRange": "{param} is an empty range",
  "arg.ragged": "{param} must be a rectangular range",

  // Score.
  "score.factorsShape": "factors must have 5 columns (one row per customer) or be one column of 5; got {rows}×{columns}",
  "score.factorsCount": "a score needs 5 factor scores, got {count}",
  "score.factorRange": "{factor@factor} must be between 1 and 5, got {value}",
  "score.factorBlank": "{factor@factor} is blank; every factor needs a score from 1 to 5",
  "score.factorNotNumber": "{factor@factor} must be a number from 1 to 5, got \"{value}\"",
  "score.weightsCount": "{param} must be 5 numbers, one per factor; got {count}",
  "score.weightNegative": "{param} must not be negative, got {value}",
  "score.weightsZero": "{param} add up to 0; at least one weight must be positive",
  "score.scoreRange": "score must be between 1 and 5, got {value}",

  // Altman Z.
  "z.assetsPositive": "totalAssets must be greater than 0, got {value}",
  "z.liabilitiesZero": "totalLiabilities is 0, so equity / totalLiabilities (X4) is undefined",
  "z.liabilitiesNegative": "totalLiabilities must not be negative, got {value}",
  "z.salesNeeded": "sales is blank; the {model@zmodel} model needs it (only nonmanufacturing and emerging do without)",
  "z.notFinite": "the inputs are too large to give a finite Z-score",

  // Ratios.
  "ratio.zeroDenominator": "{param} is 0, so the ratio is undefined",
  "ratio.negativeDenominator": "{param} must be greater than 0, got {value}",
  "ratio.notFinite": "the inputs are too large to give a finite ratio",
  "limit.negative": "{param} must not be negative, got {value}",

  // Aging.
  "aging.current": "Current",
  "aging.range": "{from}–{to}",
  "aging.over": "{from}+",
  "aging.edgesCount": "{param} must list 1 to 20 bucket edges, got {count}",
  "aging.edgeWhole": "{param} must be whole numbers of days of at least 1, got {value}",
  "aging.edgesIncreasing": "{param} must increase: {value} comes after {previous}",
  "aging.amountInvalid": "amount must be a number, got \"{value}\"",
  "aging.dueBlank": "dueDates row {row} is blank but amounts row {row} is {amount}",
  "aging.dueInvalid": "due date must be a date, got \"{value}\"",
  "aging.shapeMismatch": "amounts ({amounts}) and dueDates ({dueDates}) must be the same size",

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
  "monitoring.monthly": "Monthly",
  "monitoring.quarterly": "Quarterly",
  "monitoring.custom": "Every {months} months",

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
  "policy.notText": "{field} must be text",
  "policy.notModel": "{field} must be one of {choices}, got \"{value}\"",
  "policy.notList": "{field} must be a list of numbers",
  "policy.notNumber": "{field} must be a number, got \"{value}\"",
  "policy.notWhole": "{field} must be a whole number, got {value}",
  "policy.tooSmall": "{field} must be at least {min}, got {value}",
  "policy.tooLarge": "{field} must be at most {max}, got {value}",
} as const;

export type MessageKey = keyof typeof en;
