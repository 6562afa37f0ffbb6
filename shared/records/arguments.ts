/** The `(id, version)` arguments every change to a stored record takes, described once. */
export const VERSION_DESCRIPTION = "The version you read.";
export const CHANGED_FIELDS_DESCRIPTION = "The fields to change.";

/** `The division's id.` */
export const idDescription = (typeName: string) => `The ${typeName.toLowerCase()}'s id.`;
