import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  attendanceInputSchema,
  checkInCodeSchema,
  kpiSchema,
  sessionInputSchema,
  sessionListSchema,
  sessionSchema,
  signupListSchema,
  trainerInputSchema,
  trainerListSchema,
} from '../../../../server/src/modules/training/training.contract.ts';
import type { SessionKind as ServerSessionKind } from '../../../../server/src/modules/training/training.schema.ts';
import { api, buildUrl } from '../../shared/api-client.ts';
import type { Body, SameCodes, Wire } from '../../shared/wire.ts';

// 培训 (/api/v1/trainings…): the training module's contract (training.contract.ts). The session
// kinds are kept here at runtime for selects and tags, and checked against the server's.

export const sessionKinds = ['brand_classroom', 'business_skills', 'law_integrity', 'service'] as const;
export type SessionKind = SameCodes<(typeof sessionKinds)[number], ServerSessionKind>;
export const kindColours: Record<SessionKind, string> = {
  brand_classroom: 'gold',
  business_skills: 'blue',
  law_integrity: 'purple',
  service: 'green',
};

export type Session = Wire<typeof sessionSchema>;
export type SessionInput = Body<typeof sessionInputSchema>;
export type Signup = Wire<typeof signupListSchema>['items'][number];
export type CheckInCode = Wire<typeof checkInCodeSchema>;
export type Trainer = Wire<typeof trainerListSchema>['items'][number];
export type TrainerInput = Body<typeof trainerInputSchema>;
export type AttendanceInput = Body<typeof attendanceInputSchema>;
export type TrainingKpis = Wire<typeof kpiSchema>;

export const trainingKeys = {
  all: ['trainings'] as const,
  list: (from: string, to: string) => ['trainings', 'list', from, to] as const,
  one: (id: number) => ['trainings', id] as const,
  signups: (id: number) => ['trainings', id, 'signups'] as const,
  code: (id: number) => ['trainings', id, 'code'] as const,
  trainers: ['trainings', 'trainers'] as const,
  kpis: (from: string, to: string) => ['trainings', 'kpis', from, to] as const,
};

export function useSessions(from: string, to: string) {
  return useQuery({
    queryKey: trainingKeys.list(from, to),
    queryFn: ({ signal }) => api.get<Wire<typeof sessionListSchema>>('/trainings', { from, to }, { signal }),
  });
}

export function useSession(id: number) {
  return useQuery({
    queryKey: trainingKeys.one(id),
    queryFn: ({ signal }) => api.get<Session>(`/trainings/${id}`, undefined, { signal }),
    enabled: id > 0,
  });
}

// Asked again every 15 seconds while the page is open: the trainer sees the check-ins arrive.
export function useSignups(id: number) {
  return useQuery({
    queryKey: trainingKeys.signups(id),
    queryFn: ({ signal }) => api.get<{ items: Signup[] }>(`/trainings/${id}/signups`, undefined, { signal }),
    enabled: id > 0,
    refetchInterval: 15_000,
  });
}

// The code rotates every 5 minutes: asked again every 30 seconds while shown.
export function useCheckInCode(id: number, enabled: boolean) {
  return useQuery({
    queryKey: trainingKeys.code(id),
    queryFn: ({ signal }) => api.get<CheckInCode>(`/trainings/${id}/check-in-code`, undefined, { signal }),
    enabled: id > 0 && enabled,
    refetchInterval: 30_000,
  });
}

export function useTrainers() {
  return useQuery({
    queryKey: trainingKeys.trainers,
    queryFn: ({ signal }) => api.get<{ items: Trainer[] }>('/trainings/trainers', undefined, { signal }),
  });
}

export function useTrainingKpis(from: string, to: string) {
  return useQuery({
    queryKey: trainingKeys.kpis(from, to),
    queryFn: ({ signal }) => api.get<TrainingKpis>('/trainings/kpis', { from, to }, { signal }),
  });
}

export const createSession = (input: SessionInput) => api.post<Session>('/trainings', input);
export const updateSession = ({ id, input }: { id: number; input: SessionInput }) =>
  api.put<Session>(`/trainings/${id}`, input);
export const cancelSession = (id: number) => api.post<Session>(`/trainings/${id}/cancel`);
export const markAttendance = ({ id, input }: { id: number; input: AttendanceInput }) =>
  api.post<{ customerId: number; present: boolean }>(`/trainings/${id}/attendance`, input);
export const designateTrainer = ({ customerId, input }: { customerId: number; input: TrainerInput }) =>
  api.put<{ items: Trainer[] }>(`/trainings/trainers/${customerId}`, input);

export const certificateUrl = (id: number, customerId: number) =>
  buildUrl(`/trainings/${id}/certificates/${customerId}`);

// The portal's check-in link the QR code carries: the page reads ?code= and checks in.
export const checkInLinkOf = (link: string, origin = window.location.origin) => `${origin}${link}`;

export function useTrainingMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}

// Attendance rate as a percentage (0.9 → "90%"), or — without sign-ups.
export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

// Hours between two instants, to one decimal.
export const hoursBetween = (from: string, to: string) =>
  Math.round((new Date(to).getTime() - new Date(from).getTime()) / 360_000) / 10;
