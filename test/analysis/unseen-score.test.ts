/**
 * The unseen-set scorer (scripts/eval/unseen.ts) counts what the targets are about: a quotation given to another
 * person is wrong, an honest "unattributed" never is, and a speaker left as printed ("Mr Okonkwo") is neither right
 * nor wrong. Checked on hand-made analyses of the unseen articles, so the figures the targets rest on can be trusted.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis, Entity, Quotation } from '../../src/analysis/types.ts';
import { scoreAnalysis } from '../../scripts/eval/unseen.ts';
import { loadUnseenLabels } from '../support/unseen-labels.ts';

const labels = loadUnseenLabels();
const article = labels.pages.flatMap((page) => page.articles).find((a) => a.id === 'daily-clarion');
if (!article) throw new Error('the unseen set lost its daily-clarion article');

const person = (name: string): Entity => ({ id: name.toLowerCase().replace(/\s+/gu, '-'), kind: 'person', name, aliases: [name] });
const ENTITIES = ['Radoslav Petkanov', 'Dimitar Kolev', 'Emeka Okonkwo'].map(person);

/** A reported quotation of a labelled text, naming `speaker` (an entity name, a source as printed, or null). */
function reported(text: string, speaker: string | null): Quotation {
  const entity = ENTITIES.find((e) => e.name === speaker);
  return {
    id: `daily-clarion:0:q${text.length}`,
    passageId: 'daily-clarion:0',
    articleId: 'daily-clarion',
    outlet: 'The Daily Clarion',
    text,
    start: 0,
    end: text.length,
    speakerAsPrinted: speaker,
    speaker: entity?.id ?? speaker,
    speakerName: speaker,
    speakerKind: speaker === null ? 'unattributed' : 'named',
    groupId: 'g',
  };
}

const label = (prefix: string) => {
  const found = article.quotations.find((q) => q.text.startsWith(prefix));
  if (!found) throw new Error(`no labelled quotation starts "${prefix}"`);
  return found;
};

function score(quotations: Quotation[]) {
  const analysis: Analysis = { entities: ENTITIES, mentions: [], quotations, figures: [], groups: [] };
  return scoreAnalysis(analysis, labels).quotations;
}

describe('the unseen-set scorer', () => {
  it('counts a quotation given to the labelled speaker as right, and to another person as wrong', () => {
    const kolev = label('We are already stopping');
    expect(score([reported(kolev.text, 'Dimitar Kolev')])).toMatchObject({ found: 1, right: 1, wrong: [] });
    expect(score([reported(kolev.text, 'Radoslav Petkanov')]).wrong).toHaveLength(1);
  });

  it('counts an honest blank as right where the text does not settle the speaker, and any name there as wrong', () => {
    const ambiguous = label('If they want a camp');
    expect(ambiguous.speaker).toBeNull();
    expect(score([reported(ambiguous.text, null)])).toMatchObject({ right: 1, wrong: [] });
    expect(score([reported(ambiguous.text, 'Dimitar Kolev')]).wrong).toHaveLength(1);
  });

  it('never counts a blank as wrong, and counts a name kept as printed apart', () => {
    const okonkwo = label('doomed from the start');
    expect(score([reported(okonkwo.text, null)])).toMatchObject({ found: 1, right: 0, wrong: [], unresolved: [] });
    expect(score([reported(okonkwo.text, 'Dr Emeka Okonkwo')])).toMatchObject({ right: 1, wrong: [] });
    const petkanov = label('Bulgaria will not be');
    const asPrinted = score([reported(petkanov.text, 'Interior minister Radoslav Petkanov')]);
    expect(asPrinted).toMatchObject({ right: 0, wrong: [] });
    expect(asPrinted.unresolved).toHaveLength(1);
  });

  it('finds a quotation only when the reported pieces cover its words, and reports a scare quote taken for speech', () => {
    const petkanov = label('Bulgaria will not be');
    expect(score([reported(petkanov.text.slice(0, 20), 'Radoslav Petkanov')]).found).toBe(0);
    expect(score([reported('departure facility', null)]).notQuotationsReported).toEqual(['daily-clarion: "departure facility"']);
  });
});
