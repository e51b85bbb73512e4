/**
 * Prints the generated 100-body example roster (seeded, so the output never changes):
 *
 *   npx esbuild scripts/generate-roster.ts --bundle --platform=node --log-level=warning | node > examples/roster/generated-100.json
 *
 * The roster is validated with the library's own schema before it is printed.
 */
import { RosterSchema } from "../src/model/roster.js";
import { generateRoster, rosterJson } from "./roster-generator.js";

process.stdout.write(rosterJson(RosterSchema.parse(generateRoster(100, 20220811))));
