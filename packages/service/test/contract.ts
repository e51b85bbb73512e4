/**
 * The contract check of the service's tests (docs/service.md, "The contract"): an answer fetched
 * over HTTP, validated with Ajv — not the zod generator the document comes from — against the
 * schema the served document states for its path, method, status and content type.
 */
import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import { expect } from "vitest";
import { call, type Answer } from "./harness.js";

type Json = Record<string, unknown>;
/** A served OpenAPI document. */
export type Doc = Json & { paths: Record<string, Record<string, Json>>; components: Record<string, Record<string, Json>> };

/** Brings a 3.0 schema back to JSON Schema for Ajv: `nullable` beside a type, boolean exclusive bounds. */
function from30(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(from30);
  if (node === null || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === "exclusiveMinimum" || key === "exclusiveMaximum") {
      if (value === true) out[key] = (node as Json)[key === "exclusiveMinimum" ? "minimum" : "maximum"];
      continue;
    }
    out[key] = key === "properties" ? Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, from30(v)])) : from30(value);
  }
  if (out["nullable"] === true && typeof out["type"] === "string") {
    out["type"] = [out["type"], "null"];
    delete out["nullable"];
  }
  return out;
}

/** Validates answers against one served document. */
export class Contract {
  private readonly ajv: Ajv2020 | Ajv;
  private readonly cache = new Map<string, ReturnType<Ajv["compile"]>>();
  readonly checked: string[] = [];

  constructor(
    readonly doc: Doc,
    private readonly urn: string,
  ) {
    const v30 = String(doc["openapi"]).startsWith("3.0");
    // Formats are not checked (dates carry their pattern); the structure and every reference are.
    this.ajv = v30 ? new Ajv({ strict: false, allErrors: true, validateFormats: false }) : new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    this.ajv.addSchema({ $id: urn, components: { schemas: v30 ? from30(doc.components["schemas"]) : doc.components["schemas"] } });
  }

  private resolve(node: Json): Json {
    const ref = node["$ref"];
    if (typeof ref !== "string") return node;
    const [, group, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
    return this.doc.components[group ?? ""]?.[name ?? ""] as Json;
  }

  private validator(schema: unknown): ReturnType<Ajv["compile"]> {
    const text = JSON.stringify(String(this.doc["openapi"]).startsWith("3.0") ? from30(schema) : schema).replaceAll('"#/components/', `"${this.urn}#/components/`);
    const known = this.cache.get(text);
    if (known !== undefined) return known;
    const compiled = this.ajv.compile(JSON.parse(text) as Json);
    this.cache.set(text, compiled);
    return compiled;
  }

  /** The problems of an answer against the document: none when it is what the document states. */
  problems(method: string, template: string, answer: Answer): unknown[] {
    const operation = this.doc.paths[template]?.[method];
    if (operation === undefined) return [`no operation ${method} ${template}`];
    const declared = (operation["responses"] as Record<string, Json>)[String(answer.status)];
    if (declared === undefined) return [`${method} ${template}: status ${answer.status} not stated`];
    const response = this.resolve(declared);
    const type = (answer.headers["content-type"] ?? "").split(";")[0]?.trim() ?? "";
    const media = (response["content"] as Record<string, Json> | undefined)?.[type];
    if (media === undefined) return [`${method} ${template} ${answer.status}: content type ${type} not stated`];
    this.checked.push(`${method} ${template} ${answer.status} ${type}`);
    const check = (schema: unknown, value: unknown, where: string): unknown[] => {
      const validate = this.validator(schema);
      return validate(value) ? [] : [{ where, errors: validate.errors, value }];
    };
    if (type === "application/x-ndjson") {
      const lines = answer.text.split("\n").filter((line) => line !== "");
      expect(media["x-line-schema"], `${template}: the schema of each line`).toBeDefined();
      return lines.flatMap((line, i) => check(media["x-line-schema"], JSON.parse(line), `line ${i + 1}`));
    }
    if (type === "text/plain") return check(media["schema"], answer.text, "text");
    return check(media["schema"], JSON.parse(answer.text), "body");
  }
}

/** The contracts a running service serves: `/openapi.json` (3.1) and `/openapi-3.0.json`. */
export async function servedContracts(port: number): Promise<Contract[]> {
  const doc31 = JSON.parse((await call(port, "GET", "/openapi.json")).text) as Doc;
  const doc30 = JSON.parse((await call(port, "GET", "/openapi-3.0.json")).text) as Doc;
  return [new Contract(doc31, "urn:wubi-wuping:openapi-3.1"), new Contract(doc30, "urn:wubi-wuping:openapi-3.0")];
}
