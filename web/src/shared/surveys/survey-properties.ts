import { Serializer } from 'survey-core';

// The question tags of Kewo's questionnaires (the surveys plan): what a question measures, read by
// the server's analysis. Registered with the form library so that a questionnaire's JSON keeps
// them when loaded, edited and saved (the server registers the same in surveys/survey-json.ts).
//   kewoRole: 'needs' (the checkbox whose choice values are need-item codes), 'urgency' (the ranking
//   of the same codes, rank 1 = most urgent), 'expectation' | 'perception' (a SERVQUAL rating),
//   'overall' (overall satisfaction 1–5), 'nps' (0–10).
//   servqual: the SERVQUAL dimension of a rating; servqualItem: the item id shared by its
//   expectation and perception questions (e.g. "R1").
export const kewoRoles = ['needs', 'urgency', 'expectation', 'perception', 'overall', 'nps'] as const;
export type KewoRole = (typeof kewoRoles)[number];

export const servqualDimensions = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'] as const;
export type ServqualDimension = (typeof servqualDimensions)[number];

let isRegistered = false;

// Idempotent: call before `new Model(json)`.
export function registerKewoProperties(): void {
  if (isRegistered || Serializer.findProperty('question', 'kewoRole')) {
    isRegistered = true;
    return;
  }
  Serializer.addProperty('question', { name: 'kewoRole', choices: ['', ...kewoRoles], category: 'kewo' });
  Serializer.addProperty('question', { name: 'servqual', choices: ['', ...servqualDimensions], category: 'kewo' });
  Serializer.addProperty('question', { name: 'servqualItem', category: 'kewo' });
  isRegistered = true;
}
