/**
 * The provider process terraform execs. The handshake goes out first; the spec-driven handlers load
 * while terraform connects (terraform starts the provider three times per plan, so start-up counts).
 * In the built provider the handlers are a second file next to this one (`handlers.js`), so start-up
 * parses only the protocol layer.
 */
import { servePlugin } from "./protocol";

// A plain require, so the built provider resolves `handlers.js` beside it (CommonJS resolution).
void servePlugin(async () => (require("./handlers") as typeof import("./handlers")).createHandlers());
