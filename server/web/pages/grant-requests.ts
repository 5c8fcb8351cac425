/**
 * The consignment page's 교부 신청 actions (issue 17): 결정 (승인 or 반려), 교부 and 철회 of a request,
 * each reading its form into the API's request class and calling the API's use case; a refusal shows
 * the page again with the message beside that request's form.
 */
import { LEDGER_WRITERS } from '../../access/roles';
import { idParam } from '../../http/params';
import { DecisionBody, PaymentBody, WithdrawalBody } from '../../app/grants/requests';
import { decideGrantRequest, payGrantRequest, withdrawGrantRequest } from '../../app/grants/grant-requests';
import { disbursementOfConsignment } from '../../queries/consignments/grants';
import { firstText, formBody } from '../form-body';
import { PageCall, PageDef } from '../types';
import { consignmentPage, typed } from './consignments';
import { formAction } from './forms';

type Step = 'decision' | 'payment' | 'withdrawal';

async function requestAction(call: PageCall, step: Step) {
  const id = idParam(String(call.req.params.id));
  const d = await disbursementOfConsignment(call.ds.manager, id, idParam(String(call.req.params.request), 'request'));
  const form = { step, ...typed(call, 'decidedOn', 'amount', 'reason', 'paidOn', 'withdrawnOn', 'approve') };
  await formAction(
    call,
    async () => {
      const b = (call.req.body ?? {}) as Record<string, unknown>;
      if (step === 'decision') {
        const approve = firstText(b.approve) !== 'false';
        const body = await formBody(DecisionBody, b, { approve, ...(approve ? {} : { amount: undefined }) });
        const done = await decideGrantRequest(call.ds, call.ctx, d.id, body);
        return `/consignments/${id}?year=${d.fiscalYear}&decided=${done.status}#request-${d.id}`;
      }
      if (step === 'payment') {
        const body = await formBody(PaymentBody, b);
        const paid = await payGrantRequest(call.ds, call.ctx, d.id, body);
        return `/consignments/${id}?year=${d.fiscalYear}&posted=${paid.id}#grants`;
      }
      const body = await formBody(WithdrawalBody, b);
      await withdrawGrantRequest(call.ds, call.ctx, d.id, body);
      return `/consignments/${id}?year=${d.fiscalYear}&decided=withdrawn#grants`;
    },
    (problem, status) =>
      consignmentPage(call, id, {}, status, { fiscalYear: d.fiscalYear, requestForms: { [d.id]: { ...form, problem } } }),
  );
}

const pages: PageDef[] = [
  {
    id: 'web.consignments.decide-request',
    method: 'post',
    path: '/consignments/:id/requests/:request/decision',
    roles: LEDGER_WRITERS,
    handler: (call) => requestAction(call, 'decision'),
  },
  {
    id: 'web.consignments.pay-request',
    method: 'post',
    path: '/consignments/:id/requests/:request/payment',
    roles: LEDGER_WRITERS,
    handler: (call) => requestAction(call, 'payment'),
  },
  {
    id: 'web.consignments.withdraw-request',
    method: 'post',
    path: '/consignments/:id/requests/:request/withdrawal',
    roles: LEDGER_WRITERS,
    handler: (call) => requestAction(call, 'withdrawal'),
  },
];

export default pages;
