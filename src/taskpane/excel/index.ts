/** The pane's door to Excel: everything Office.js goes through here (tests mock this module). */
export * from "./excel";
export * from "./helpers";
