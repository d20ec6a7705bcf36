import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText, loadBoilerplateRules } from '../../src/ingest/clean-text.js';
import { DATA_DIR } from '../../src/paths.js';

const rules = loadBoilerplateRules();

interface SeedCase {
  readonly file: string;
  readonly title: string;
  /** Article sentences (or paragraph starts) that must stay. */
  readonly keeps: readonly string[];
  /** Boilerplate paragraphs that must go, with the rule that drops them. */
  readonly drops: readonly (readonly [string, string])[];
  /** Text that must appear nowhere in the cleaned article. */
  readonly absent: readonly string[];
}

const CASES: readonly SeedCase[] = [
  {
    file: '000_095afef237fd835c.txt',
    title: 'The United States responds with pressure on Russia, but maintains a dialogue on Ukraine to avoid armed conflict',
    keeps: [
      'Secretary Blinken spoke with Russian Foreign Minister Sergei Lavrov.',
      'This Tuesday morning Secretary of State Antony Blinken spoke with Russian Foreign Minister Sergei Lavrov',
      'The secretary urged the Putin government to reduce military pressure.',
    ],
    drops: [
      ['Photo: BERND VON JUTRCZENKA / AFP / Getty Images', 'caption'],
      ['Related Posts', 'end-marker'],
      ['Leave a Reply', 'comment-form'],
      ['Your email address will not be published.', 'comment-form-tail'],
    ],
    absent: ['Getty', 'Leave a Reply', 'email address'],
  },
  {
    file: '001_651449546ff66d6f.txt',
    title: 'After a Discussion on Ukraine, the United States and Russia Agreed to Continue Discussing.',
    keeps: [
      'However, senior Russian and American diplomats decided to continue their discussions',
      '“If we and the Russians feel that the best way to address matters is via a further dialogue between them',
      'President Biden said Thursday in a statement.',
      'In Geneva last week, Blinken’s deputy, Wendy Sherman, met with Lavrov’s deputy, Sergei Ryabkov.',
    ],
    drops: [
      ['After a Discussion on Ukraine, the United States and Russia Agreed to Continue Discussing.', 'duplicate-paragraph'],
      ['More To Read:', 'teaser-marker'],
      ['Read more', 'read-more'],
      ['Leave A Reply', 'comment-form'],
    ],
    absent: ['More To Read', 'Read more', 'Leave A Reply', 'email address'],
  },
  {
    file: '002_e3dd5379f5f7fb89.txt',
    title: 'Russia’s conflict with Ukraine. Anthony Blingen and Sergey Lavrov spoke on the phone',
    keeps: [
      'Sergei Lavrov and Anthony Blingen made the phone call on Tuesday',
      'Lavrov: The West is forgetting the basic principle',
      'Reuters: Half an hour call and “rather honest” but no progress',
      'Tensions and talks with Russia',
      'Blinken “called on Russia to follow the diplomatic path.”',
    ],
    drops: [
      ['Watch TVN24 live on TVN24 GO', 'streaming-promo'],
      ['See also Protests are intensifying in Serbia. Siege in the center of Belgrade', 'see-also'],
      ['Anthony Blingen and Sergey Lavrov. Meeting in Geneva. Photo taken on January 21st Martial Dresgini / EPA / BAP', 'caption-photo-taken'],
      ['Main photo source: PAP / EPA / MARTIAL TREZZINI', 'caption'],
      ['Leave a Reply', 'comment-form'],
    ],
    absent: ['See also', 'TVN24', 'Photo taken', 'MARTIAL TREZZINI', 'Required fields'],
  },
  {
    file: '003_106b78602783447c.txt',
    title: 'Ukraine: The White House says Russia has already responded to a US letter on tensions',
    keeps: [
      'Russia’s response to a letter from Washington last week comes as the Biden administration continues to press Moscow',
      'US Ambassador to the UN Linda Thomas-Greenfield has accused Russia of sending',
    ],
    drops: [
      ['See also Tiwa Amon: "The cure for cancer may be at the bottom of the ocean, but we need a chance to find it"', 'see-also'],
      ['Leave a Reply', 'comment-form'],
    ],
    absent: ['See also', 'Tiwa Amon', 'Leave a Reply'],
  },
  {
    file: '004_b3cce1a48545903d.txt',
    title: 'Biden will seek to de-escalate the conflict in Ukraine with diplomacy but prepares for the advance of Russian forces',
    keeps: [
      'President Joe Biden will offer Vladimir Putin a “diplomatic path” out of tensions over Ukraine',
      'According to the statement, Blinkin expressed to Zelensky US support',
      'Communication between the two leaders',
      'January 10 negotiations tense.',
    ],
    drops: [
      ['Joe Biden will say they are “ready for diplomacy and a diplomatic path forward” (EFE / EPA / MIKHAIL METZEL / SPUTNIK / KREMLIN POOL)', 'caption-credit'],
      ['Ukrainian President Volodymyr Zelensky salutes troops in combat positions near the buffer zone with Russia-backed rebels in the Donetsk region (Image: Reuters)', 'caption-credit'],
      ['In a phone call on Thursday, the US President will tell you that they', 'truncated-duplicate'],
      ['(with information from the EFE and AFP)', 'credit-line'],
      ['Read on:', 'end-marker'],
      ['Freddie Dawson', 'author-name'],
      ['Back to top', 'comment-form-tail'],
    ],
    absent: ['(Image: Reuters)', '(Photo: Reuters)', 'EFE', 'Freddie Dawson', 'Beer specialist', 'Back to top', 'See also'],
  },
];

describe.each(CASES)('seed article $file', (seed) => {
  const raw = readFileSync(path.join(DATA_DIR, 'articles', seed.file), 'utf8');
  const c = cleanText(raw, 'txt', rules);

  it('keeps the headline as title', () => {
    expect(c.title).toBe(seed.title);
  });

  it.each(seed.keeps)('keeps %j', (sentence) => {
    expect(c.text).toContain(sentence);
  });

  it.each(seed.drops)('drops %j by %s', (paragraph, rule) => {
    expect(c.dropped).toContainEqual({ text: paragraph, rule });
  });

  it('leaves no boilerplate behind', () => {
    for (const s of seed.absent) expect(c.text, s).not.toContain(s);
  });

  it('drops only a small share of the text', () => {
    const droppedChars = c.dropped.reduce((n, d) => n + d.text.length, 0);
    expect(droppedChars / raw.length).toBeLessThan(0.3);
  });
});
