/** What a command may touch of the outside world; `main.ts` binds it to the process. */
export interface CliIo {
  /** Writes to stdout as is. */
  out(text: string): void;
  /** Writes one line to stderr (the newline is added). */
  err(line: string): void;
  /** All of stdin, or null once it holds more than `maxBytes` (reading stops there). */
  readStdin(maxBytes: number): Promise<Buffer | null>;
  /** The environment, for `--build-arg NAME` without a value. */
  env: Readonly<Record<string, string | undefined>>;
}
