/**
 * What the dashboard aggregates weigh in the gateway's cost estimate
 * (`@cost`, `@listSize` beside each field). Each scans the programs matching
 * its filter, so it weighs as much as a full default page of fifty programs
 * with their parties would; its answer adds as much again as it holds.
 */
export const AGGREGATE_WEIGHT = 1000;

/** The most buckets `programStats` answers with: one per country (ISO 3166 has 249). */
export const LARGEST_GROUPING = 250;
