/**
 * The Examples pane in GraphiQL's sidebar: the operations in
 * gateway/examples/, each opened in a new tab on a click. A first visit opens
 * them all as tabs already; this keeps them at hand once tabs are closed.
 */
import { MarkdownContent, StarIcon, useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from "@graphiql/react";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import type { ExampleOperation } from "../page-config";

export function examplesPlugin(examples: ExampleOperation[], headers: string): GraphiQLPlugin {
  return {
    title: "Examples",
    icon: StarIcon,
    content: () => <ExampleList examples={examples} headers={headers} />,
  };
}

function ExampleList({ examples, headers }: { examples: ExampleOperation[]; headers: string }) {
  const { addTab, setOperationFacts } = useGraphiQLActions();
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const headerEditor = useGraphiQL((state) => state.headerEditor);

  const open = (example: ExampleOperation) => {
    // addTab() switches the editors to a new, empty tab; fill them in.
    addTab();
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(example.variables);
    headerEditor?.setValue(headers);
    // GraphiQL reads the operation from the editor 100 ms after a change; a run
    // right after the click would send the previous tab's operation name.
    const documentAST = parse(example.query);
    const operations = documentAST.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    setOperationFacts({ documentAST, operations, operationName: operations[0]?.name?.value });
  };

  return (
    <section className="partnergraph-examples" aria-label="Example operations">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>Questions the graph answers. Each opens in a new tab; run it with the ▶ button or Ctrl-Enter, then change it.</p>
      <ul>
        {examples.map((example) => (
          <li key={example.file}>
            <button type="button" className="graphiql-un-styled" onClick={() => open(example)}>
              {example.title}
            </button>
            {example.description ? <MarkdownContent type="description">{example.description}</MarkdownContent> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
