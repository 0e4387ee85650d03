export * from "./packages.js";
export * from "./exports.js";
export * from "./io.js";
export * from "./tasks.js";
export * from "./docs.js";
export * from "./markers.js";
