import { registerEnumType } from "type-graphql";

/**
 * How much of a date the source gives. A date known only to the month is
 * stored as the first of that month with precision MONTH; to the year, as
 * 1 January with precision YEAR.
 */
export enum DatePrecision {
  DAY = "DAY",
  MONTH = "MONTH",
  YEAR = "YEAR",
}
registerEnumType(DatePrecision, {
  name: "DatePrecision",
  description: "How much of a date the source states: the day, only the month, or only the year.",
  valuesConfig: {
    DAY: { description: "The exact day is known." },
    MONTH: { description: "Only the month is known; the date is the first of that month." },
    YEAR: { description: "Only the year is known; the date is 1 January of that year." },
  },
});
