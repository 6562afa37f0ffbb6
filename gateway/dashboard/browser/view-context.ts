/** What every view is given: the page state, the program filter it stands for, and a way to move on. */
import type { PageState } from "./state";

export interface ViewContext {
  state: PageState;
  /** The GraphQL ProgramFilter of the page's filters (the institution's slug already turned into its id). */
  filter: Record<string, unknown>;
  navigate(change: Partial<PageState>): void;
  /** A link to another state of the page (it navigates without reloading). */
  link(label: string, change: Partial<PageState>, testId?: string): HTMLAnchorElement;
}
