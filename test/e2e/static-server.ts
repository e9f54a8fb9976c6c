/** A tiny static file server for the built site, on a free loopback port, for browser tests. */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".csv": "text/csv; charset=utf-8",
  ".wasm": "application/wasm",
  ".pf_meta": "application/octet-stream",
};

/** Serves `root` on 127.0.0.1 at a free port; returns the base URL and a function to stop it. */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = normalize(join(root, pathname));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      const notFound = await readFile(join(root, "404.html")).catch(() => Buffer.from("not found"));
      response.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end(notFound);
    }
  });
  // No server-side keep-alive timeout: clients close idle connections themselves. Otherwise, on a
  // busy machine, the server can drop a kept-alive connection just as a test sends its next
  // request on it, and the test fails with "other side closed".
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
