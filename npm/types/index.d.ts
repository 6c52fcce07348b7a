// Types shared by every flavour of the package (Node, browser, bundler).
// Written by hand: wasm-bindgen's generated declarations would say `any`.

/** How serious a diagnostic is. `error`: StarRocks rejects the statement. */
export type Severity = "error" | "warning" | "info";

/** Which stage of StarRocks (or of this tool) the diagnostic mirrors. */
export type DiagnosticKind =
  | "lexical"
  | "syntax"
  | "statement"
  | "semantic"
  | "catalog"
  | "submission"
  | "compat";

/** One replacement of `start..end` (UTF-16 offsets, like JS string indices). */
export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/** A machine-applicable fix. */
export interface Fix {
  /** What the fix does, e.g. "insert `TO`". */
  message: string;
  /** Non-overlapping edits, in source order. */
  edits: Edit[];
}

/**
 * One finding. Offsets are UTF-16 code units (what `String.prototype.slice` and editors
 * use); lines and columns are 1-based, columns counted in UTF-16 code units.
 */
export interface Diagnostic {
  /** Stable rule code, e.g. "SR100". */
  code: string;
  severity: Severity;
  kind: DiagnosticKind;
  /** One sentence saying what is wrong. */
  message: string;
  /** UTF-16 offset of the first code unit. */
  start: number;
  /** UTF-16 offset one past the last code unit (equal to `start` for a point). */
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** For syntax errors: what would have been accepted here, in words. */
  expected: string[];
  /** How to put it right, in words. */
  help: string | null;
  /** A machine-applicable fix, when one is obvious. */
  fix: Fix | null;
  /** The message StarRocks itself prints for this, when known. */
  starrocksMessage: string | null;
}

/** The kind of a statement, as the parser classified it. */
export type StatementType =
  | "backup"
  | "restore"
  | "show_backup"
  | "show_restore"
  | "cancel_backup"
  | "cancel_restore"
  | "show_snapshot"
  | "drop_snapshot"
  | "create_repository"
  | "drop_repository"
  | "show_repositories"
  | "other"
  | "invalid";

/** Where a statement is (UTF-16 offsets; the `;` is not included). */
export interface StatementSummary {
  type: StatementType;
  start: number;
  end: number;
}

/** What `parse` returns. */
export interface ParseResult {
  diagnostics: Diagnostic[];
  statements: StatementSummary[];
}

/** Parses and checks `text`. Never throws: problems come back as diagnostics. */
export function parse(text: string): ParseResult;

/** The canonical SQL of the statements in `text` that the parser understood. */
export function format(text: string): string;
