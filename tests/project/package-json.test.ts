import { describe, expect, it } from "vitest";
import { dependencyChanges, updateDependencies } from "../../src/project/package-json.js";

const manifest = `{
  "name": "app",
  "version": "1.0.0",
  "dependencies": {
    "@trigger.dev/nextjs": "2.3.18",
    "@trigger.dev/sdk": "2.3.18",
    "next": "14.1.0",
    "zod": "3.22.4",
    "@trigger.dev/resend": "2.3.17"
  },
  "devDependencies": {
    "@types/node": "20.11.16",
    "typescript": "5.3.3"
  }
}
`;

describe("--update-deps on package.json", () => {
  it("sets the SDK range, adds the dev packages in order and removes v2 packages, keeping the formatting", () => {
    expect(updateDependencies(manifest, 4)).toBe(`{
  "name": "app",
  "version": "1.0.0",
  "dependencies": {
    "@trigger.dev/sdk": "^4.8.3",
    "next": "14.1.0",
    "zod": "3.22.4"
  },
  "devDependencies": {
    "@trigger.dev/build": "^4.8.3",
    "@types/node": "20.11.16",
    "trigger.dev": "^4.8.3",
    "typescript": "5.3.3"
  }
}
`);
  });

  it("uses the 3.x range for target 3 and creates devDependencies when there are none", () => {
    const input = `{\r\n  "name": "app",\r\n  "dependencies": {\r\n    "@trigger.dev/sdk": "^3.0.0"\r\n  }\r\n}\r\n`;
    expect(updateDependencies(input, 3)).toBe(
      `{\r\n  "name": "app",\r\n  "dependencies": {\r\n    "@trigger.dev/sdk": "^3.3.17"\r\n  },\r\n  "devDependencies": {\r\n    "@trigger.dev/build": "^3.3.17",\r\n    "trigger.dev": "^3.3.17"\r\n  }\r\n}\r\n`,
    );
  });

  it("changes nothing the second time", () => {
    const once = updateDependencies(manifest, 4)!;
    expect(updateDependencies(once, 4)).toBeUndefined();
    expect(dependencyChanges(once, 4)).toEqual({ setSdk: "^4.8.3", addDev: [], remove: [] });
  });

  it("leaves a file it cannot parse alone", () => {
    expect(updateDependencies("{ not json", 4)).toBeUndefined();
  });
});
