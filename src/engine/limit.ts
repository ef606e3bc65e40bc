/** The policy's responses that are numbers or dates: recommended limit, monitoring interval, next review. */
import { addMonthsFromMonthEnd, MAX_SERIAL } from "./cells";
import { CreditError } from "./errors";
import { roundCents } from "./money";
import { Grade, Policy } from "./policy";

export type Monitoring = "monthly" | "quarterly" | "custom";

export function limitMultiplier(grade: Grade, hasWarnings: boolean, policy: Policy): number {
  switch (grade) {
    case "high":
      return policy.limitHigh;
    case "medium":
      return policy.limitMedium;
    default:
      return hasWarnings ? policy.limitLow : policy.limitLowNoWarning;
  }
}

export function recommendedLimit(currentLimit: number, grade: Grade, hasWarnings: boolean, policy: Policy): number {
  if (!(currentLimit >= 0)) throw new CreditError("num", "arg.negative", { param: "currentLimit", value: currentLimit });
  const limit = roundCents(currentLimit * limitMultiplier(grade, hasWarnings, policy));
  if (!Number.isFinite(limit)) throw new CreditError("num", "limit.notFinite", { param: "currentLimit" });
  return limit;
}

export function monitoringMonths(grade: Grade, policy: Policy): number {
  return grade === "high" ? policy.monitorHighMonths : policy.monitorOtherMonths;
}

export function monitoringOf(grade: Grade, policy: Policy): Monitoring {
  const months = monitoringMonths(grade, policy);
  return months === 1 ? "monthly" : months === 3 ? "quarterly" : "custom";
}

export function nextReview(asOf: number, grade: Grade, policy: Policy): number {
  // A review on a month's last day (a month-end cycle) is next due on a month's last day: the cycle does not drift to the 28th.
  const next = addMonthsFromMonthEnd(asOf, monitoringMonths(grade, policy));
  if (next > MAX_SERIAL) throw new CreditError("num", "limit.dateTooLate");
  return next;
}
