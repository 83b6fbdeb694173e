import { isApiError } from './api-client.ts';

// 价格采集 (prices module): a pack price outside 30–300 % of the suggested retail price is refused
// with 409 PRICE_CONFIRMATION_REQUIRED until it is sent again with confirm: true. The console's
// market check and the portal's 报价格 both ask the person first (`ask`), then send it again.
export const priceConfirmationCode = 'PRICE_CONFIRMATION_REQUIRED';

// The answer, or null when the person chose to correct the price instead.
export async function sendPriceWithConfirmation<T>(
  send: (confirm: boolean) => Promise<T>,
  ask: () => Promise<boolean>,
): Promise<T | null> {
  try {
    return await send(false);
  } catch (error) {
    if (!isApiError(error) || error.code !== priceConfirmationCode) throw error;
    if (!(await ask())) return null;
    return send(true);
  }
}
