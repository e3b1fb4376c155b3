/** The provider process terraform execs: serve the spec-driven handlers over plugin protocol 6. */
import { createHandlers } from "./handlers";
import { servePlugin } from "./protocol";

void servePlugin(createHandlers());
