/**
 * The pane's door to Excel, and the only code of the task pane that touches Office.js (tests mock
 * this module). It carries out the engine's plan and decides no cell, header, format or colour
 * itself: the Office.js twin of src/cli/package/workbook.ts, through which the command line reads the
 * .xlsx package and writes its reviewed copy.
 *
 * Each `…With(context, …)` function takes a request context so tests can hand in a mock; the
 * wrappers the pane calls open it with Excel.run.
 */
export * from "./read";
export * from "./calculation";
export * from "./write";
export * from "./write-steps";
export * from "./layout-steps";
export * from "./navigate";
export * from "./problems";
export * from "./office";
export * from "./payload";
export * from "./paging";
