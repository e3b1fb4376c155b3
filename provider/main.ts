/**
 * The provider process terraform execs. The handshake goes out first; the spec-driven handlers load
 * while terraform connects (terraform starts the provider three times per plan, so start-up counts).
 */
import { servePlugin } from "./protocol";

void servePlugin(() => import("./handlers").then((m) => m.createHandlers()));
