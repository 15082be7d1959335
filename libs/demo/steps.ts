/** A scenario is a list of named steps, each safe to repeat, and the summary of what they found or made. */
export interface Step {
  /** User-facing progress text (Danish, like the data it loads). */
  readonly label: string;
  run(): Promise<void>;
}

export interface Scenario<Summary> {
  readonly steps: readonly Step[];
  /** Valid once every step has run. */
  summary(): Summary;
}
