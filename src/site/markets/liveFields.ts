/** Which figure of a stream entry an element shows (the chart island rewrites it live). */
export type LiveField =
  | 'last'
  | 'change'
  | 'changePercent'
  | 'volume'
  | 'high'
  | 'low'
  | 'value'
  | 'open'
  | 'turnover'
  | 'vwap';

/** Attributes that tie an element to a stream entry: `s:OGDC` or `i:KSE100`, and one of its figures. */
export function liveAttributes(key: string, field: LiveField): Record<string, string> {
  return { 'data-live': key, 'data-field': field };
}
