// Converts on the Dollar to PKR page as the reader types, by the same integer
// rules as the server (converterState), at the rates of the page's JSON block,
// kept fresh from /api/v1/market/fx. It polls on its own instead of following
// the page's market feed (which carries rates too), so it stands alone on any
// page it is put on. Without this the form still submits.
import { CONVERTER_RATES_ID, readConverterRates } from '../markets/converterRates.js';
import { type ConverterRate, conversionText, converterState } from '../markets/converterState.js';
import type { ConversionDirection } from '../markets/currencyConverter.js';

const FX_ENDPOINT = '/api/v1/market/fx';
const POLL_MS = 10_000;

function readDirection(select: HTMLSelectElement): ConversionDirection {
  return select.value === 'pkr-usd' ? 'pkr-usd' : 'usd-pkr';
}

function lineElement(figure: string, rateNote?: string): HTMLElement {
  const line = document.createElement('span');
  line.className = 'converter__line';
  line.append(figure);
  if (rateNote !== undefined) {
    const note = document.createElement('span');
    note.className = 'story-meta';
    note.textContent = rateNote;
    line.append(' ', note);
  }
  return line;
}

function enhance(
  input: HTMLInputElement,
  select: HTMLSelectElement,
  output: HTMLOutputElement,
  initial: ConverterRate[],
): void {
  let rates = initial;
  let shown = output.textContent ?? '';

  const render = (): void => {
    const state = converterState(rates, { amount: input.value, direction: readDirection(select) });
    // The server's error is about the last submitted amount, not the one being typed.
    document.getElementById('converter-error')?.remove();
    input.removeAttribute('aria-describedby');
    if (state.kind === 'invalid') input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    const lines =
      state.kind === 'converted'
        ? state.lines.map((line) => {
            const text = conversionText(state.direction, state.amountText, line);
            return lineElement(text.figure, text.rateNote);
          })
        : state.kind === 'invalid' || state.kind === 'unavailable'
          ? [lineElement(state.message)]
          : [];
    const text = lines.map((line) => line.textContent).join('');
    // Rewriting the same words would make a screen reader say them again.
    if (text === shown) return;
    shown = text;
    output.replaceChildren(...lines);
  };

  input.addEventListener('input', render);
  select.addEventListener('change', render);

  let etag: string | null = null;
  const refresh = async (): Promise<void> => {
    if (document.hidden) return;
    try {
      const response = await fetch(FX_ENDPOINT, etag === null ? {} : { headers: { 'If-None-Match': etag } });
      if (response.status !== 200) return;
      const fresh = readConverterRates(await response.json());
      if (fresh === null) return;
      etag = response.headers.get('etag');
      rates = fresh;
      if (input.value.trim() !== '') render();
    } catch {
      // Offline or a server restart: keep converting at the rates already held and try again next time.
    }
  };
  setInterval(refresh, POLL_MS);
}

function start(): void {
  const input = document.getElementById('converter-amount');
  const select = document.getElementById('converter-direction');
  const output = document.getElementById('converter-result');
  const block = document.getElementById(CONVERTER_RATES_ID);
  if (
    !(input instanceof HTMLInputElement) ||
    !(select instanceof HTMLSelectElement) ||
    !(output instanceof HTMLOutputElement) ||
    block === null
  ) {
    return;
  }
  let rates: ConverterRate[] | null = null;
  try {
    rates = readConverterRates(JSON.parse(block.textContent ?? ''));
  } catch {
    rates = null;
  }
  if (rates !== null) enhance(input, select, output, rates);
}

start();
