// A static file server for dist/ on 127.0.0.1 with the right MIME types (wasm included).
// Used by the run command and by the end-to-end tests: `node scripts/serve.mjs [dir] [port]`.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm", ".svg": "image/svg+xml", ".json": "application/json",
  ".yaml": "text/yaml; charset=utf-8", ".png": "image/png", ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
};

/** Starts serving `dir`; resolves to the server once it listens. Port 0 picks a free port. */
export function serve(dir, port = 0, prefix = "/") {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      if (!path.startsWith(prefix)) throw new Error("outside prefix");
      path = path.slice(prefix.length);
      if (path === "" || path.endsWith("/")) path += "index.html";
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error("outside root");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "dist";
  const port = Number(process.argv[3] ?? 8080);
  const server = await serve(dir, port);
  console.log(`stsplay is served at http://127.0.0.1:${server.address().port}/ (Ctrl+C stops)`);
}
