/** A program as the dashboard's operations select it: the page's tables and the exports both read these fields. */
export interface ProgramSummary {
  slug: string;
  title: string;
  kind: string;
  status: string;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
}
