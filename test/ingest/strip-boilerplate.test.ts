import { describe, expect, it } from 'vitest';
import { loadBoilerplateRules } from '../../src/ingest/clean-text.js';
import { stripBoilerplate } from '../../src/ingest/strip-boilerplate.js';

const rules = loadBoilerplateRules();

const TITLE = 'Diplomats agree to keep talking as troops mass near the border';
const BODY =
  'Senior Russian and American diplomats agreed on Friday to keep talking in an attempt to settle a crisis that has ' +
  'fuelled fears of an armed confrontation, although no breakthrough was reached at the meeting in Geneva.';
const AFTER = 'The two ministers are expected to speak again next week, officials said.';

/** The rule that drops `paragraph` when it sits mid-article, or null when it is kept. */
function classify(paragraph: string): string | null {
  const { kept, dropped } = stripBoilerplate([TITLE, BODY, paragraph, AFTER], rules);
  if (kept.includes(paragraph)) return null;
  const hit = dropped.find((d) => d.text === paragraph || paragraph.includes(d.text));
  return hit?.rule ?? 'missing';
}

// [paragraph, rule that drops it or null when it is article text]
const TABLE: readonly (readonly [string, string | null])[] = [
  // comment forms
  ['Leave a Reply', 'comment-form'],
  ['Leave A Reply', 'comment-form'],
  ['Leave a comment', 'comment-form'],
  ['Leave a Reply Cancel reply', 'comment-form'],
  ['Your email address will not be published.', 'comment-form'],
  ['Your email address will not be published. Required fields are marked *', 'comment-form'],
  ['Required fields are marked *', 'comment-form'],
  ['3 Comments', 'comment-form'],
  ['You must be logged in to post a comment.', 'comment-form'],
  // site chrome
  ['Back to top', 'site-chrome'],
  ['Advertisement', 'site-chrome'],
  ['Story continues below advertisement', 'site-chrome'],
  ['Skip to main content', 'site-chrome'],
  ['5 min read', 'site-chrome'],
  // teasers and navigation
  ['See also Protests are intensifying in Serbia. Siege in the center of Belgrade', 'see-also'],
  ['See also: Oil prices jump as OPEC+ holds output steady', 'see-also'],
  ['Related: Germany halts Nord Stream 2 certification', 'see-also'],
  ['Also read: What sanctions could the West impose on Russia?', 'see-also'],
  ['Click here to read the full statement', 'see-also'],
  ['Full story: Kremlin rejects claims of troop build-up', 'see-also'],
  ['Related Posts', 'end-marker'],
  ['Related', 'end-marker'],
  ['Read on:', 'end-marker'],
  ['About the author', 'end-marker'],
  ['More To Read:', 'teaser-marker'],
  ['Recommended', 'teaser-marker'],
  ['You may also like', 'teaser-marker'],
  ['Most read stories', 'teaser-marker'],
  ['Read more', 'read-more'],
  ['Watch TVN24 live on TVN24 GO', 'streaming-promo'],
  ['Watch the match live on BBC iPlayer', 'streaming-promo'],
  ['WATCH: Blinken speaks to reporters after meeting Lavrov', 'streaming-promo'],
  ['Sign up for our daily newsletter to get the top stories delivered to your inbox.', 'newsletter'],
  ['Subscribe now', 'newsletter'],
  ['Share this article', 'social-share'],
  ['Share on Facebook', 'social-share'],
  ['Facebook Twitter WhatsApp Email', 'social-share'],
  ['Follow us on Twitter and Facebook', 'social-share'],
  ['Tags: Russia, Ukraine, NATO', 'tags'],
  ['Post navigation', 'site-chrome'],
  ['Like this:', 'site-chrome'],
  ['Click to share on Twitter (Opens in new window)', 'social-share'],
  ['Image source, Getty Images', 'caption'],
  ['Source link', 'credit-line'],
  ['Disclaimer: The views expressed are those of the author.', 'credit-line'],
  ['Posted by admin', 'byline'],
  // photo captions and credits
  ['Photo: BERND VON JUTRCZENKA / AFP / Getty Images', 'caption'],
  ['Main photo source: PAP / EPA / MARTIAL TREZZINI', 'caption'],
  ['Image: Ukrainian servicemen at a checkpoint near Kharkiv', 'caption'],
  ['Photograph: Sergei Supinsky/AFP/Getty Images', 'caption'],
  ['File photo of the Kremlin in Moscow', 'caption'],
  ['Anthony Blinken and Sergey Lavrov. Meeting in Geneva. Photo taken on January 21st Martial Trezzini / EPA / PAP', 'caption-photo-taken'],
  ['Ukrainian servicemen walk along a trench near the front line in the Donetsk region (Photo: Reuters)', 'caption-credit'],
  ['Joe Biden speaks at the White House (Image: Reuters)', 'caption-credit'],
  ['Russian President Vladimir Putin chairs a meeting in Moscow (EFE / EPA / MIKHAIL METZEL / SPUTNIK / KREMLIN POOL)', 'caption-credit'],
  ['Secretary of State Antony Blinken arrives in Kyiv on Wednesday (AP Photo/Alex Brandon)', 'caption-credit'],
  ['NATO Secretary-General Jens Stoltenberg at a news conference in Brussels (Reuters)', 'caption-credit'],
  ['SERGEI SUPINSKY / AFP / Getty Images', 'caption-agency-run'],
  ['Emmanuel Macron and Olaf Scholz in Berlin, January 25, 2022 JOHN MACDOUGALL / AFP / POOL', 'caption-agency-run'],
  ['Volunteers unload humanitarian aid in Lviv. Getty Images', 'caption-agency-run'],
  // credit lines
  ['(with information from the EFE and AFP)', 'credit-line'],
  ['With information from Reuters', 'credit-line'],
  ['Reporting by Humeyra Pamuk; Editing by Grant McCool', 'credit-line'],
  ['Additional reporting by Dmitry Antonov in Moscow', 'credit-line'],
  ['Source: Interfax', 'credit-line'],
  ['© 2022 Reuters. All rights reserved.', 'credit-line'],
  ['This article was originally published in Spanish.', 'credit-line'],
  ['Reuter', 'agency-signoff'],
  ['(AFP)', 'agency-signoff'],
  ['By Jonathan Landay and Humeyra Pamuk', 'byline'],
  ['By Andrew Osborn, Reuters', 'byline'],
  ['Updated: January 25, 2022 5:01 PM ET', 'byline'],
  // contributor lines
  ['Maria Ortega and Li Wei contributed to this report.', 'credit-line'],
  ["The network's Pat Doe and Sam Roe contributed to this story", 'credit-line'],
  ['Pat Doe contributed reporting from Kyiv.', 'credit-line'],
  // the newsroom's requests for comment
  ['The Daily Planet has reached out to the Interior Ministry for comment.', 'comment-request'],
  ['The agency has asked the embassy for a response to the report.', 'comment-request'],
  ['The Interior Ministry did not immediately respond to a request for comment.', 'comment-request'],
  ['Spokespeople for the army did not reply to repeated requests for comment on Sunday.', 'comment-request'],
  // article text, headlines and subheads that must stay
  ['The ministry has asked the court for a ruling on the ban.', null],
  ['The embassy did not respond to the protest, officials said, and the talks went on.', null],
  ['Three allies contributed to the report the council published on Friday, which found no breach of the truce.', null],
  ['12:30 was the deadline the two sides had agreed for a reply.', null],
  ['Secretary Blinken spoke with Russian Foreign Minister Sergei Lavrov.', null],
  ['Lavrov: The West is forgetting the basic principle', null],
  ['Tensions and talks with Russia', null],
  ['Communication between the two leaders', null],
  ['Reuters: Half an hour call and “rather honest” but no progress', null],
  ['Russia’s occupation of Ukraine will have immediate and serious consequences: US Secretary of State', null],
  ['Keep our heads in the game, will we?', null],
  ['Satellite images taken on Monday show Russian armour massing near the border.', null],
  ['The photo was taken on Monday by a local resident, police said.', null],
  ['By Tuesday, officials in Kyiv had agreed to a ceasefire.', null],
  ['Share prices in Moscow fell 5% after the announcement.', null],
  ['Share prices', null],
  ['No comment was made by the Kremlin on the report.', null],
  ['One response to the crisis was a flurry of phone calls between capitals.', null],
  ['Recommended doses were exceeded in three hospitals, the ministry said.', null],
  ['Information from the satellites suggests the troops have pulled back.', null],
  ['Watchdogs said the vote was free and fair.', null],
  ['Watch out for further sanctions, the minister warned.', null],
  ['The newsletter, which has two million subscribers, was banned in Russia.', null],
  ['Published in 2019, the report found that 40% of voters were undecided.', null],
  ['Related talks are expected in Vienna next week, the diplomat said.', null],
  ['Advertising revenue fell by 12% in the third quarter.', null],
  ['Russian President Vladimir Putin', null],
  ['“We are ready for diplomacy,” Biden said (in a statement released by the White House).', null],
  ['Sources said the talks would resume.', null],
  ['Posted by a Kremlin aide on Telegram, the video shows the two leaders.', null],
  ['Next, the ministers will meet in Vienna.', null],
  ['Like this year’s summit, the talks ended without a deal.', null],
];

describe('stripBoilerplate: one paragraph in the middle of an article', () => {
  it.each(TABLE)('%j -> %s', (paragraph, rule) => {
    expect(classify(paragraph)).toBe(rule);
  });
});

describe('stripBoilerplate: rules that need context', () => {
  it('drops everything after a comment form, naming the tail', () => {
    const r = stripBoilerplate([TITLE, BODY, 'Leave a Reply', 'Your email address will not be published.', 'Back to top', 'Name *'], rules);
    expect(r.kept).toEqual([TITLE, BODY]);
    expect(r.dropped.map((d) => d.rule)).toEqual(['comment-form', 'comment-form-tail', 'comment-form-tail', 'comment-form-tail']);
  });

  it('drops only the marker when a comment link comes before the article', () => {
    const r = stripBoilerplate([TITLE, 'Leave a comment', BODY, AFTER], rules);
    expect(r.kept).toEqual([TITLE, BODY, AFTER]);
    expect(r.dropped).toEqual([{ text: 'Leave a comment', rule: 'comment-form' }]);
  });

  it('keeps real text after a mid-article "More To Read:" marker', () => {
    const quote = '“If we and the Russians feel that the best way is via a further dialogue, we are prepared to do that,” Blinken said.';
    const r = stripBoilerplate([TITLE, BODY, 'More To Read:', quote, AFTER], rules);
    expect(r.kept).toEqual([TITLE, BODY, quote, AFTER]);
  });

  it('drops a news ticker: each time stamp and the headline after it', () => {
    const r = stripBoilerplate([TITLE, '04:15', 'Storm closes ports along the coast', '23:44', 'Markets rally as rates hold', BODY, AFTER], rules);
    expect(r.kept).toEqual([TITLE, BODY, AFTER]);
    expect(r.dropped.map((d) => d.rule)).toEqual(['ticker-time', 'teaser-link', 'ticker-time', 'teaser-link']);
  });

  it('drops story highlights after the article', () => {
    const r = stripBoilerplate([TITLE, BODY, AFTER, '@highlight', 'Talks resume in Geneva', '@highlight', 'No breakthrough expected'], rules);
    expect(r.kept).toEqual([TITLE, BODY, AFTER]);
    expect(r.dropped[0]?.rule).toBe('story-highlights');
  });

  it('drops the link headline after a teaser marker', () => {
    const r = stripBoilerplate([TITLE, BODY, 'Related', 'Germany halts Nord Stream 2 certification', AFTER], rules);
    expect(r.kept).toEqual([TITLE, BODY, AFTER]);
    expect(r.dropped.map((d) => d.rule)).toEqual(['end-marker', 'teaser-link']);
  });

  it('drops the whole list of link headlines after an end marker, but one only after a teaser marker', () => {
    const links = ['Germany halts Nord Stream 2 certification', 'Oil prices jump as OPEC+ holds output steady', 'Ten things to know about the Donbas'];
    const end = stripBoilerplate([TITLE, BODY, 'Related Posts', ...links, 'Leave a Reply'], rules);
    expect(end.kept).toEqual([TITLE, BODY]);
    expect(end.dropped.map((d) => d.rule)).toEqual(['end-marker', 'teaser-link', 'teaser-link', 'teaser-link', 'comment-form']);
    const mid = stripBoilerplate([TITLE, BODY, 'More To Read:', links[0] ?? '', 'Tensions and talks with Russia', AFTER], rules);
    expect(mid.kept).toEqual([TITLE, BODY, 'Tensions and talks with Russia', AFTER]);
  });

  it('drops an author name and bio after an end marker', () => {
    const bio = '"Coffee lover. Award-winning writer. Travel geek. Music fan. Proud introvert."';
    const r = stripBoilerplate([TITLE, BODY, 'Read on:', 'Maria Gonzalez', bio], rules);
    expect(r.kept).toEqual([TITLE, BODY]);
    expect(r.dropped.map((d) => d.rule)).toEqual(['end-marker', 'author-name', 'author-bio']);
  });

  it('drops a trailing author name and bio even without a marker', () => {
    const bio = 'Internet scholar. Friendly beer specialist. Typical zombie fanatic. Coffee guru.';
    const r = stripBoilerplate([TITLE, BODY, AFTER, 'John Carter', bio], rules);
    expect(r.kept).toEqual([TITLE, BODY, AFTER]);
    expect(r.dropped.map((d) => d.rule)).toEqual(['author-name', 'author-bio']);
  });

  it('keeps a last paragraph of short news sentences (dotted abbreviations, reported speech)', () => {
    const last = 'The U.S. envoy left on Monday. The E.U. stayed. Officials said talks would go on.';
    const r = stripBoilerplate([TITLE, BODY, last], rules);
    expect(r.kept).toEqual([TITLE, BODY, last]);
    const dotted = 'Envoys of the U.N. met in Geneva. Talks ended early.';
    expect(stripBoilerplate([TITLE, BODY, dotted], rules).kept).toEqual([TITLE, BODY, dotted]);
  });

  it('keeps a short capitalised last line that has no bio under it', () => {
    const r = stripBoilerplate([TITLE, BODY, 'School Of Rock'], rules);
    expect(r.kept).toEqual([TITLE, BODY, 'School Of Rock']);
  });

  it('keeps a subhead made of names in the middle of the article', () => {
    const r = stripBoilerplate([TITLE, BODY, 'Vladimir Putin', AFTER], rules);
    expect(r.kept).toEqual([TITLE, BODY, 'Vladimir Putin', AFTER]);
  });

  it('drops a repeated caption twice and a repeated headline once', () => {
    const caption = 'Ukrainian President Volodymyr Zelensky salutes troops near the buffer zone (Image: Reuters)';
    const r = stripBoilerplate([TITLE, BODY, caption, caption, TITLE, AFTER], rules);
    expect(r.kept).toEqual([TITLE, BODY, AFTER]);
    expect(r.dropped.map((d) => d.rule)).toEqual(['caption-credit', 'caption-credit', 'duplicate-paragraph']);
  });

  it('drops a paragraph that is a truncated copy of the next one', () => {
    const full = 'In a phone call on Thursday, the US president will tell Putin that Washington is ready for diplomacy.';
    const cut = 'In a phone call on Thursday, the US President will tell';
    const r = stripBoilerplate([TITLE, BODY, cut, full], rules);
    expect(r.kept).toEqual([TITLE, BODY, full]);
    expect(r.dropped).toEqual([{ text: cut, rule: 'truncated-duplicate' }]);
  });

  it('strips a trailing "Read more" from a real paragraph and keeps the rest', () => {
    const text = '“If any assembled Russian forces walk over the border, that is an invasion,” President Biden said.';
    const r = stripBoilerplate([TITLE, `${text} Read more`, AFTER], rules);
    expect(r.kept).toEqual([TITLE, text, AFTER]);
    expect(r.dropped).toEqual([{ text: 'Read more', rule: 'read-more' }]);
  });

  it.each([
    ['The minister said talks would go on… Read more', 'The minister said talks would go on', '… Read more'],
    ['Peace talks stalled again on Friday. Continue reading »', 'Peace talks stalled again on Friday.', 'Continue reading »'],
  ])('strips a trailing link from %j', (paragraph, rest, link) => {
    const r = stripBoilerplate([TITLE, paragraph], rules);
    expect(r.kept).toEqual([TITLE, rest]);
    expect(r.dropped).toEqual([{ text: link, rule: 'read-more' }]);
  });

  it('keeps "keep reading" inside a sentence', () => {
    const p = 'Keep reading the fine print, the regulator told investors.';
    expect(stripBoilerplate([TITLE, p], rules).kept).toEqual([TITLE, p]);
  });

  it('cuts a photo credit off a long real paragraph instead of dropping it', () => {
    const long = `${BODY} ${BODY}`;
    const r = stripBoilerplate([TITLE, `${long} (Photo: Reuters)`, AFTER], rules);
    expect(r.kept).toEqual([TITLE, long, AFTER]);
    expect(r.dropped).toEqual([{ text: '(Photo: Reuters)', rule: 'caption-credit' }]);
  });

  it('keeps a caption-like short paragraph only when nothing matches', () => {
    const r = stripBoilerplate([TITLE], rules);
    expect(r).toEqual({ kept: [TITLE], dropped: [] });
  });
});
