/**
 * The only place wink-nlp is instantiated: one instance per process (or
 * worker), loaded lazily, shared by every article.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type WinkNlp = ReturnType<typeof winkNLP>;

let instance: WinkNlp | undefined;

/** Returns the process-wide wink-nlp instance (tokens, sentences, POS; no NER). */
export function getNlp(): WinkNlp {
  instance ??= winkNLP(model, ['sbd', 'pos']);
  return instance;
}
