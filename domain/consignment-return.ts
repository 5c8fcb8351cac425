/**
 * What a consignment-year's settlement returns (반납): 반납액 = 교부액 + 이자 − 집행액. The unspent grant
 * goes back to the expenditure ledger (지출반납); the interest is revenue (세입), so the two parts are
 * told apart.
 */
export interface SettlementReturn {
  returnAmount: number;
  /** unspent grant: never below zero, never more than the return */
  principalReturn: number;
  interestReturn: number;
}

export function settlementReturn(granted: number, interest: number, spent: number): SettlementReturn {
  const returnAmount = granted + interest - spent;
  const principalReturn = Math.max(0, Math.min(returnAmount, granted - spent));
  return { returnAmount, principalReturn, interestReturn: returnAmount - principalReturn };
}
