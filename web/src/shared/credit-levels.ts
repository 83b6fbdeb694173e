// The credit levels and their colours, the same in the console and the portal (AAA green … D
// red). A module of its own: the portal's home shows a level and carries nothing else of credit.
export const creditLevels = ['AAA', 'AA', 'A', 'B', 'C', 'D'] as const;
export type CreditLevel = (typeof creditLevels)[number];

// The wire's level is a string (a model names its bands): one of ours, or null.
export function asLevel(level: string | null | undefined): CreditLevel | null {
  return (creditLevels as readonly string[]).includes(level ?? '') ? (level as CreditLevel) : null;
}

export const levelColours: Record<CreditLevel, string> = {
  AAA: '#1f7a3a',
  AA: '#389e0d',
  A: '#1f5fbf',
  B: '#d48806',
  C: '#d4380d',
  D: '#a8071a',
};

export function levelColour(level: string | null | undefined): string {
  const known = asLevel(level);
  return known ? levelColours[known] : '#8c8c8c';
}
