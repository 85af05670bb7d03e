import { KARACHI_UTC_OFFSET_MS } from '../../shared/pakistanTime.js';

/** `06:03:12 pm`: when the ticker was last updated, Pakistan time. */
export function formatTickerTime(instant: Date): string {
  const karachi = new Date(instant.getTime() + KARACHI_UTC_OFFSET_MS);
  const hour = karachi.getUTCHours();
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(hour12)}:${pad(karachi.getUTCMinutes())}:${pad(karachi.getUTCSeconds())} ${hour < 12 ? 'am' : 'pm'}`;
}
