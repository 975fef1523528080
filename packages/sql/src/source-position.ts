/**
 * A place in the script. `offset` counts UTF-16 code units from the start (as `String.prototype.slice`
 * does); `line` and `column` are 1-based, a column counting UTF-16 code units from the line's start.
 * `\n`, `\r\n` and a lone `\r` each end a line.
 */
export interface SourcePosition {
  offset: number;
  line: number;
  column: number;
}
