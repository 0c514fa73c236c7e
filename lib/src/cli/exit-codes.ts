/**
 * Exit codes of the `gren` command, for scripts:
 * - 0: done (also `gc --dry-run`, an explanation of a missing config, `diff` with differences);
 * - 1: the operation failed or something named does not exist (artifact, module, class),
 *      or `gc` could not remove some of what it selected;
 * - 2: usage error (unknown command or option, bad value, missing argument).
 */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
