import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  customerResponsesSchema,
  responseResultSchema,
  visitResponseBody,
} from '../../../../server/src/modules/surveys/surveys.contract.ts';
import { api } from '../../shared/api-client.ts';
import type { Body, Wire } from '../../shared/wire.ts';

// A store's questionnaires as staff see them (GET /customers/:id/survey-responses, scope-checked):
// what it answered, and the open waves sent to it still unanswered — with their SurveyJS JSON, so
// a customer manager can answer for the store during a visit (POST /surveys/waves/:id/responses,
// channel 'visit').

export type CustomerSurveys = Wire<typeof customerResponsesSchema>;
export type CustomerSurveyResponse = CustomerSurveys['items'][number];
export type CustomerOpenSurvey = CustomerSurveys['open'][number];
export type VisitResponse = Body<typeof visitResponseBody>;

export const customerSurveyKeys = {
  of: (customerId: number) => ['surveys', 'customer', customerId] as const,
};

export function useCustomerSurveys(customerId: number) {
  return useQuery({
    queryKey: customerSurveyKeys.of(customerId),
    queryFn: ({ signal }) =>
      api.get<CustomerSurveys>(`/customers/${customerId}/survey-responses`, undefined, { signal }),
  });
}

export function useAnswerForStore(waveId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (response: VisitResponse) =>
      api.post<Wire<typeof responseResultSchema>>(`/surveys/waves/${encodeURIComponent(waveId)}/responses`, response),
    // The store's questionnaires, and the wave's figures (responses, rate), move.
    onSettled: () => void client.invalidateQueries({ queryKey: ['surveys'] }),
  });
}
