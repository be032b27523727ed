/**
 * Errors of the survey statistics engine. Each carries a message key of the `surveys.error.*` area of
 * the dictionaries and its parameters, so a service can turn it into an AppError('validation', key,
 * { params }) for the person who asked; `message` is the same text in English for the CLI and logs.
 */
import type { MessageKey } from '../../i18n';

/** Message keys of the engine's errors; Extract<> makes a key missing from the dictionaries a type error where it is thrown. */
export type TSurveyStatsErrorKey = Extract<
  MessageKey,
  | 'surveys.error.noRespondents'
  | 'surveys.error.notInMargins'
  | 'surveys.error.marginTotals'
  | 'surveys.error.notConverged'
  | 'surveys.error.singleRespondentStratum'
  | 'surveys.error.trimNeedsEqualBaseWeights'
  | 'surveys.error.badInput'
>;

export class SurveyStatsError extends Error {
  readonly code = 'validation' as const;
  readonly key: TSurveyStatsErrorKey;
  readonly params: Record<string, string | number>;
  constructor(key: TSurveyStatsErrorKey, params: Record<string, string | number>, message: string) {
    // An engine error is an answer about the data (no respondents in a domain…), often returned as a value
    // for each domain of a results page: capturing a stack for each costs more than the estimate.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = 'SurveyStatsError';
    this.key = key;
    this.params = params;
  }
}

export function isSurveyStatsError(e: unknown): e is SurveyStatsError {
  return e instanceof SurveyStatsError;
}
