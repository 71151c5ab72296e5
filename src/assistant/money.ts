import type { Fee } from '../knowledge/procedure.js';

/** Group thousands with dots, decimals with a comma, as Vietnamese readers write money. */
export function groupDigits(n: number): string {
  const [int, frac] = String(Math.round(n * 100) / 100).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
}

/** 200000 VND -> "200.000 đồng"; 10 USD -> "10 USD". */
export function formatMoney(amount: number, currency: 'VND' | 'USD'): string {
  return currency === 'VND' ? `${groupDigits(amount)} đồng` : `${groupDigits(amount)} USD`;
}

/** One fee as a phrase: "7.000 đồng/lần (cấp mới)". */
export function formatFee(fee: Fee): string {
  const per = fee.per ? `/${fee.per}` : '';
  const label = fee.label ? ` (${fee.label})` : '';
  return `${formatMoney(fee.amount, fee.currency)}${per}${label}`;
}
