/**
 * The network's layout off the page's main thread: a Web Worker bundled
 * from this file (gateway/dashboard/page.ts), sent a LayoutInput, answering
 * with the positions (x, y of node i at 2i, 2i+1), the buffer transferred.
 */
import { forceLayout, type LayoutInput } from "./force-layout";

const scope = globalThis as unknown as {
  addEventListener(type: "message", listener: (event: MessageEvent<LayoutInput>) => void): void;
  postMessage(message: unknown, transfer: Transferable[]): void;
};

scope.addEventListener("message", (event) => {
  const positions = forceLayout(event.data);
  scope.postMessage(positions, [positions.buffer]);
});
