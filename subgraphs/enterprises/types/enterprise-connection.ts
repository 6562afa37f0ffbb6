/** A page of enterprises, as the enterprises list answers. */
import { connectionType } from "../../../shared/graphql/pagination";
import { Enterprise } from "../entities/enterprise";

export const EnterpriseConnection = connectionType("Enterprise", Enterprise, "enterprises");
