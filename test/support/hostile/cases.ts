/** What every table of hostile cases is made of. */
import type { AuthConfig, SubgraphName } from "../../../shared/config";
import type { Fixture } from "./baselines";
import type { Expectation, Reply } from "./reply";

export interface SuiteContext {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  internalSecret: string;
  auth: AuthConfig;
  /** Authorization header of an administrator: hostile input must be refused on its merits, not for want of rights. */
  admin: Record<string, string>;
  fixture: Fixture;
}

export interface HostileCase {
  name: string;
  send(context: SuiteContext): Promise<Reply>;
  expect: Expectation;
}

/** A mutation that would change data if it got through: what CSRF, forged credentials and batches try to run. */
export const ARCHIVE = `mutation Archive($id: ID!, $version: Int!) { archiveEnterprise(id: $id, version: $version) { id status } }`;
export const archiveVariables = (context: SuiteContext) => ({ id: context.fixture.enterpriseId, version: context.fixture.versions.get(context.fixture.enterpriseId) });
export const archiveBody = (context: SuiteContext) => JSON.stringify({ query: ARCHIVE, variables: archiveVariables(context) });
