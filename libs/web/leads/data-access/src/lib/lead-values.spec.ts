import { correctionProblem, correctionWords, valuesSummary } from './lead-values';

describe('lead values', () => {
  it('accepts another case of the same value', () => {
    expect(correctionProblem('SOURCE', 'linkedin', ' LinkedIn ')).toBeNull();
  });

  it('refuses another value, and text the lead rules refuse', () => {
    expect(correctionProblem('CAMPAIGN', 'Q3 push', 'Q3 pushed')).toBe(
      'Only the case can change here: “Q3 pushed” is another value than “Q3 push”. Edit the leads to give them another one.',
    );
    expect(correctionProblem('SOURCE', 'linkedin', '  ')).toBe('The source must not be empty.');
    // Spaces are part of the value, and a page would show the two spellings alike.
    expect(correctionProblem('SOURCE', 'QA LinkedIn', 'QA  linkedin')).toBe(
      'Only the case can change here, not the spaces between words: “QA LinkedIn” keeps its spaces as they are.',
    );
    expect(correctionProblem('INDUSTRY', 'x', 'X'.repeat(101))).toBe(
      'The industry must be at most 100 characters.',
    );
  });

  it('says what a correction changed', () => {
    expect(
      correctionWords({ field: 'SOURCE', previous: 'linkedin', spelling: 'LinkedIn', leads: 1200 }),
    ).toBe('“linkedin” now reads “LinkedIn” in 1,200 leads.');
    expect(correctionWords({ field: 'SOURCE', previous: 'webinar', spelling: 'Webinar', leads: 0 })).toBe(
      '“webinar” now reads “Webinar”; no lead holds it at the moment.',
    );
    expect(correctionWords({ field: 'SOURCE', previous: 'Webinar', spelling: 'Webinar', leads: 0 })).toBe(
      'It already reads “Webinar”.',
    );
  });

  it('counts the values, and says when only those with the most leads are listed', () => {
    expect(valuesSummary('INDUSTRY', 1, 1)).toBe('1 industry, those with the most leads first.');
    expect(valuesSummary('SOURCE', 12, 12)).toBe('12 sources, those with the most leads first.');
    expect(valuesSummary('CAMPAIGN', 1000, 1204)).toBe('The 1,000 campaigns with the most leads, of 1,204.');
    expect(valuesSummary('CAMPAIGN', 0, 0)).toBe('No lead has had a campaign yet.');
  });
});
