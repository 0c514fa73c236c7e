import { logCallLocation, type SourceLocation } from './source-location';

/**
 * One place in gren's code that logs on every create: its file and line are captured from
 * the stack on the first record only, then reused (a stack capture per record cost several
 * µs). Give each call site its own LogSite: a site shared by two calls would name the first.
 */
export class LogSite {
  private location: SourceLocation | undefined;

  /** The call site's location; called from the logger, so the first frame outside logging is it. */
  locate(): SourceLocation | undefined {
    this.location ??= logCallLocation();
    return this.location;
  }
}
