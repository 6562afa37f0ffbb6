/** The configuration the gateway wrote into the page. */
import { CONFIG_ELEMENT_ID, type GraphiQLPageConfig } from "../page-config";

export const config = JSON.parse(document.getElementById(CONFIG_ELEMENT_ID)?.textContent ?? "{}") as GraphiQLPageConfig;
