/** One problem Fastify's schema validator found (its `error.validation` entries, as AJV reports them). */
export interface ValidationIssue {
  readonly instancePath: string;
  readonly params: Record<string, unknown>;
}

/** What a reader's error page says about a request it could not read: a title and a sentence, never the validator's. */
export interface PlainProblem {
  readonly title: string;
  readonly message: string;
}

// What to do, by the field a page's address or form carries; the validator's own words ("params/symbol must NOT
// have fewer than 1 characters") mean nothing to a reader.
const ADVICE: Readonly<Record<string, string>> = {
  symbol: 'Choose a stock symbol, such as OGDC, from the markets page.',
  code: 'Choose an index, such as KSE100, from the markets page.',
  page: 'Page numbers are whole numbers, starting at 1.',
  range: 'Choose a chart range: one month, six months, one year or all.',
  sort: 'Choose how to sort the table with its column headings.',
  dir: 'Choose how to sort the table with its column headings.',
  direction: 'Choose which way to convert: dollars to rupees or rupees to dollars.',
  amount: 'Enter an amount in figures, such as 100 or 1,000.',
  q: 'Type what to search for, in at most a few words.',
  name: 'Your name is too long to send; shorten it and try again.',
  email: 'Your e-mail address is too long to send; check it and try again.',
  body: 'Your comment is too long to send; shorten it and try again.',
};

const GENERAL = 'Something in this address is not as we expect. Check the link, or start again from the home page.';

// Fastify's codes for a body it could not take at all.
const BODY_ADVICE: Readonly<Record<string, string>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'What you sent is too large. Shorten it and try again.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'This page cannot read what was sent. Use the form on the page.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Nothing was sent. Use the form on the page.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'What you sent arrived incomplete. Please try again.',
  BS_UNSUPPORTED_CONTENT_ENCODING:
    'What you sent was compressed, which this site does not take. Use the form on the page.',
};

/**
 * `/symbol` → `symbol`; a missing or an unknown property is named by the validator's params, after the object it
 * belongs in (`pages.1.label`), which is the issue's path.
 */
export function issueField(issue: ValidationIssue): string {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const missing = issue.params.missingProperty;
  const unknown = issue.params.additionalProperty;
  const named = typeof missing === 'string' ? missing : typeof unknown === 'string' ? unknown : undefined;
  if (named === undefined) return path;
  return path === '' ? named : `${path}.${named}`;
}

/** A 4xx the HTTP layer raised (validation, an unreadable body), said in a reader's words. */
export function plainRequestProblem(error: {
  readonly method: string;
  readonly code?: string | undefined;
  readonly validation?: readonly ValidationIssue[] | undefined;
}): PlainProblem {
  const title =
    error.method === 'GET' || error.method === 'HEAD' ? 'Please check the address' : 'Please check what you sent';
  const bodyAdvice = error.code === undefined ? undefined : BODY_ADVICE[error.code];
  if (bodyAdvice !== undefined) return { title, message: bodyAdvice };
  const advice = [...new Set((error.validation ?? []).map((issue) => ADVICE[issueField(issue).split('.')[0] ?? '']))];
  const known = advice.filter((sentence): sentence is string => sentence !== undefined);
  return { title, message: known.length > 0 && known.length === advice.length ? known.join(' ') : GENERAL };
}
