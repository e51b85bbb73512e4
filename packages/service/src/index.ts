/**
 * `@wubi-wuping/service`: the engine behind HTTP (docs/service.md), for systems that cannot import the
 * package. `wubi-wuping serve` runs it; a Node program can start it itself with `startService`.
 * @packageDocumentation
 */
export { startService, SERVICE_DEFAULTS } from "./server.js";
export { openApiDocument, type OpenApiOptions } from "./openapi.js";
export { toOpenApi30, toSchema30 } from "./openapi30.js";
export type { Service, ServiceOptions } from "./server.js";
export type { ServiceLimits } from "./app.js";
