/**
 * No market engine could take a write: none holds the lease (one is being
 * chosen, or none runs), or the one that does could not be reached. The HTTP
 * answer is 503 with Retry-After; `mayHaveBeenTaken` says the engine may have
 * committed the write before the answer was lost (sending a sequenced trade
 * again is safe: the log takes a (feed, seq) once).
 */
export class MarketEngineUnavailableError extends Error {
  readonly statusCode = 503;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    readonly mayHaveBeenTaken = false,
    options?: { readonly cause: unknown },
  ) {
    super(message, options);
    this.name = 'MarketEngineUnavailableError';
  }
}
