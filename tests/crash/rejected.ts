/** A valid write the app refused: not a crash outcome, a bug — the test stops on it. */
export class RejectedWrite extends Error {}
