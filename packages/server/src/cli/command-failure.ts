/** How the commands that talk to a running server end; each command's help lists them. */
export const exitCodes = {
  /** The server answered with a refusal or an error. */
  failed: 1,
  /** The command line or its input cannot be used. */
  usage: 2,
  /** No answer from the server: refused, unknown host, cut off. */
  unreachable: 3,
} as const;

/** A command that cannot go on: its message goes to standard error, its exit code says why. */
export class CommandFailure extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'CommandFailure';
  }
}
