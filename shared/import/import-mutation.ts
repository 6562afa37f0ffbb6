/**
 * The import mutation of one record type (`importPrograms`, `importContacts`,
 * ...), in the subgraph that owns the records: the file's content, its
 * format, and whether to apply it. The gateway's `POST /import/<type>`
 * calls the same mutation with a file body of its own size limit.
 */
import { Arg, Ctx, ID, Mutation, Resolver, registerEnumType } from "type-graphql";
import { registerArgumentRules } from "../records/input-fields";
import { badUserInput } from "../graphql/errors";
import { fileContent, uuid } from "../records/validation";
import type { SubgraphContext } from "../subgraph/context";
import { ImportReport } from "./report";
import { runImport, type RecordImporter } from "./run-import";

export enum ImportFileFormat {
  CSV = "CSV",
  XLSX = "XLSX",
  JSON = "JSON",
}
registerEnumType(ImportFileFormat, {
  name: "ImportFormat",
  description: "The format of an import file.",
  valuesConfig: {
    CSV: { description: "Comma-separated values, UTF-8, a header row of column names first." },
    XLSX: { description: "An Excel workbook (its first sheet, a header row first), sent base64-encoded." },
    JSON: { description: "A list of objects keyed by column names." },
  },
});
registerArgumentRules("institution", [uuid]);
registerArgumentRules("content", [fileContent]);

export function importMutation<C extends SubgraphContext, Plan>(importer: RecordImporter<C, Plan>) {
  const { layout } = importer;
  @Resolver()
  class ImportMutation {
    @Mutation(() => ImportReport, {
      name: layout.mutation,
      description: `Imports ${layout.name} from a file (column layout: README, "Bulk import"; template at /import/templates/${layout.name}.csv). ${layout.description} A dry run (the default) reports every problem by row and column and what each row would do, and stores nothing; otherwise every row is stored, or none if any has a problem, in one transaction, through the same checks and audit entries as the mutations. Editors import for their own institution; administrators name it.`,
    })
    importRecords(
      @Arg("content", () => String, { description: "The file: its text for CSV and JSON, base64 for XLSX." }) content: string,
      @Arg("format", () => ImportFileFormat, { description: "The file's format." }) format: ImportFileFormat,
      @Arg("dryRun", () => Boolean, { defaultValue: true, description: "Report only, store nothing (the default)." }) dryRun: boolean,
      @Arg("institution", () => ID, { nullable: true, description: "Administrators only: the id of the institution whose references (externalRef) the rows carry." }) institution: string | null,
      @Ctx() context: C,
    ): Promise<ImportReport> {
      const unreadable = fileContent(content);
      if (unreadable) throw badUserInput(`content ${unreadable}`, "content");
      const bytes = format === ImportFileFormat.XLSX ? Buffer.from(content, "base64") : Buffer.from(content, "utf8");
      return runImport(context, importer, { content: bytes, format, dryRun, institutionId: institution });
    }
  }
  return ImportMutation;
}
