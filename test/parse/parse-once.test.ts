import { describe, expect, it, vi } from 'vitest';
import type { ArticleDoc } from '../../src/parse/article-doc.js';

/** Every doc made and every view made, with the doc it reads. */
const made = vi.hoisted(() => ({ docs: [] as ArticleDoc[], views: [] as ArticleDoc[] }));

vi.mock('../../src/parse/article-doc.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/parse/article-doc.js')>();
  return {
    ...mod,
    articleDoc: (...args: Parameters<typeof mod.articleDoc>): ArticleDoc => {
      const doc = mod.articleDoc(...args);
      made.docs.push(doc);
      return doc;
    },
  };
});

vi.mock('../../src/relations/article-view.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/relations/article-view.js')>();
  class CountedView extends mod.ArticleView {
    constructor(...args: ConstructorParameters<typeof mod.ArticleView>) {
      super(...args);
      made.views.push(this.doc);
    }
  }
  return { ...mod, ArticleView: CountedView };
});

const { articleFromText } = await import('../../src/ingest/article-from-text.js');
const { loadLexicons } = await import('../../src/pipeline/lexicons.js');
const { processArticle } = await import('../../src/pipeline/process-article.js');

describe('processArticle parses an article once', () => {
  const lex = loadLexicons();

  it('makes a second view over the same doc when a quote has a speaker', () => {
    const text = 'Headline of the day\n\n"We will send aid to Chile," Peruvian President Dina Boluarte said on Monday. She urged Argentina to help.\n';
    const r = processArticle(articleFromText('t.txt', text, lex.boilerplate), lex);
    expect(r.quotes.some((q) => q.speaker !== null)).toBe(true);
    expect(made.docs).toHaveLength(1);
    expect(made.views).toHaveLength(2);
    expect(made.views.every((d) => d === made.docs[0])).toBe(true);
  });
});
