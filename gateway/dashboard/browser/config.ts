/** The configuration the gateway wrote into the page. */
import { DASHBOARD_CONFIG_ELEMENT_ID, type DashboardPageConfig } from "../page-config";

export const config = JSON.parse(document.getElementById(DASHBOARD_CONFIG_ELEMENT_ID)?.textContent ?? "{}") as DashboardPageConfig;
