import { registerEnumType } from "type-graphql";

export enum DivisionKind {
  MINE = "MINE",
  PLANT = "PLANT",
  TRAINING_CENTRE = "TRAINING_CENTRE",
  SCHOOL = "SCHOOL",
  DEPARTMENT = "DEPARTMENT",
  MUSEUM = "MUSEUM",
  CULTURAL_CENTRE = "CULTURAL_CENTRE",
  OTHER = "OTHER",
}
registerEnumType(DivisionKind, {
  name: "DivisionKind",
  description: "What kind of unit of an enterprise a division is.",
  valuesConfig: {
    MINE: { description: "A mine or quarry." },
    PLANT: { description: "A processing plant, factory or workshop." },
    TRAINING_CENTRE: { description: "A corporate training centre." },
    SCHOOL: { description: "A school run by the enterprise, such as an engineering school." },
    DEPARTMENT: { description: "An administrative or technical department." },
    MUSEUM: { description: "A museum of the enterprise." },
    CULTURAL_CENTRE: { description: "A palace of culture or similar venue." },
    OTHER: { description: "Any other unit." },
  },
});
